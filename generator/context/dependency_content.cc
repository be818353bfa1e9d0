// SPDX-License-Identifier: MIT
#include "context/dependency_content.h"

#include "inputs/frontmatter.h"
#include "inputs/input_file.h"

namespace agentgen {

std::string PrettyJson(const nlohmann::json& value) {
  // nlohmann's objects are std::maps, so keys come out sorted; keep UTF-8
  // as it is rather than escaping it, as AGPM's serde_json does.
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::strict);
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
