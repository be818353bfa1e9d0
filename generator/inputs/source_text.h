// SPDX-License-Identifier: MIT
// Input bytes (docs/templates.md, "Files and frontmatter"): what every file
// must be before anything else reads it, and the line-end rule of templated
// files ("Which files are templates").
#ifndef AGENTGEN_INPUTS_SOURCE_TEXT_H_
#define AGENTGEN_INPUTS_SOURCE_TEXT_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// Checks an input file's bytes: a UTF-8 byte-order mark, invalid UTF-8 or a
/// NUL byte is an error at the offending byte, naming the file
/// (`display_path`). Returns false when it reported an error.
bool CheckInputBytes(std::string_view bytes, std::string_view display_path,
                     DiagnosticSink& sink);

/// The text with every CRLF made LF (a lone CR stays).
std::string NormalizeLineEnds(std::string_view text);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_SOURCE_TEXT_H_
