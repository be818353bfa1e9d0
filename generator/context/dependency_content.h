// SPDX-License-Identifier: MIT
// Dependency content (docs/templates.md, "Dependency content"): what
// `agpm.deps.<c>.<k>.content` holds for files that are not templates, and the
// JSON printing rule shared with the `content` filter.
#ifndef AGENTGEN_CONTEXT_DEPENDENCY_CONTENT_H_
#define AGENTGEN_CONTEXT_DEPENDENCY_CONTENT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace agentgen {

struct InputFile;

/// JSON printed with sorted keys, two-space indent and no final newline.
std::string PrettyJson(const nlohmann::json& value);

/// The body of a Markdown file as content uses it: after the frontmatter,
/// leading newlines and one final newline removed (LF line ends). The view
/// points into `file.text`.
std::string_view MarkdownBody(const InputFile& file);

/// The content of a file that is not a template: a Markdown body, printed
/// JSON (its `dependencies` key already removed), or the raw text.
std::string PlainContent(const InputFile& file);

}  // namespace agentgen

#endif  // AGENTGEN_CONTEXT_DEPENDENCY_CONTENT_H_
