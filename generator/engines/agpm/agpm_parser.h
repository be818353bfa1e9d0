// SPDX-License-Identifier: MIT
// Parsing an AGPM template (docs/templates.md, "The AGPM dialect") into its
// tree (agpm_ast.h), every construct outside the supported subset an error
// that names it.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_PARSER_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_PARSER_H_

#include <string_view>

#include "base/diagnostic.h"
#include "engines/agpm/agpm_ast.h"

namespace agentgen::agpm {

/// How deep `if`, `for` and parentheses may nest.
inline constexpr int kMaxNesting = 64;

/// Parses `text` (LF line ends) into `root`; `locate` places its offsets.
/// Reports the first parse error to `sink` and returns false.
bool ParseTemplate(std::string_view text, const Locator& locate,
                   DiagnosticSink& sink, Block* root);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_PARSER_H_
