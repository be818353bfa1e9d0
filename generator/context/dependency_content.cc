// SPDX-License-Identifier: MIT
#include "context/dependency_content.h"

#include "base/number_text.h"
#include "inputs/frontmatter.h"
#include "inputs/input_file.h"

namespace agentgen {

std::string PrettyJson(const nlohmann::json& value) {
  return SerdeJsonText(value, true);
}

std::string_view MarkdownBody(const InputFile& file) {
  std::string_view text = file.text;
  return TrimBody(text.substr(file.frontmatter.body_begin));
}

std::string PlainContent(const InputFile& file) {
  switch (file.kind) {
    case FileKind::kMarkdown:
      return std::string(MarkdownBody(file));
    case FileKind::kJson:
      return PrettyJson(file.json);
    case FileKind::kOther:
      break;
  }
  return file.bytes;
}

}  // namespace agentgen
