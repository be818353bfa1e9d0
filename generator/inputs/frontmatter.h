// SPDX-License-Identifier: MIT
// Splitting a Markdown file into frontmatter and body (docs/templates.md,
// "Files and frontmatter") and the body rules of dependency content
// ("Dependency content").
#ifndef AGENTGEN_INPUTS_FRONTMATTER_H_
#define AGENTGEN_INPUTS_FRONTMATTER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// Byte ranges of a file's parts.
struct Frontmatter {
  bool present = false;   ///< the file starts with a `---` line
  size_t yaml_begin = 0;  ///< the YAML text: after the opening line...
  size_t yaml_end = 0;    ///< ...up to the start of the closing line
  size_t body_begin = 0;  ///< after the closing line and its line end
};

/// Finds the frontmatter of `text` (LF or CRLF): present when the first line
/// is exactly `---` once trailing spaces, tabs and a CR are removed; it runs to
/// the next such line. No closing line is an error at 1:1 (through `locate`,
/// offsets into `text`) and gives nullopt. Without frontmatter the body is the
/// whole text.
std::optional<Frontmatter> SplitFrontmatter(std::string_view text,
                                            const Locator& locate,
                                            DiagnosticSink& sink);

/// A body as dependency content uses it: leading newlines removed, then
/// exactly one final newline removed. `body` has LF line ends.
std::string_view TrimBody(std::string_view body);

/// Whether `text` uses template syntax (`{{`, `{%` or `{#`): the AGPM
/// engine is only started for such a text.
bool HasTemplateSyntax(std::string_view text);

/// `text` without leading and trailing whitespace: the Unicode White_Space
/// characters, as Rust's `trim` removes them.
std::string_view TrimWhitespace(std::string_view text);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_FRONTMATTER_H_
