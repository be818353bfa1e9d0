// SPDX-License-Identifier: MIT
// Project variables, `agpm.project.*` (docs/templates.md, "The template
// context"): the `[project]` table of the project file, then `-D name=value`
// definitions.
#ifndef AGENTGEN_INPUTS_PROJECT_H_
#define AGENTGEN_INPUTS_PROJECT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// The `[project]` table of TOML text as a JSON object (empty when there is
/// none). Any TOML type is kept; dates and times become strings. A syntax
/// error is reported at its place in `display_path` and gives nullopt.
std::optional<nlohmann::json> ParseProjectTable(std::string_view toml_text,
                                                std::string_view display_path,
                                                DiagnosticSink& sink);

/// Sets `name` (dotted names make nested tables) to the string `value`,
/// replacing whatever was there: `-D` wins over the project file.
void ApplyDefine(nlohmann::json& project, std::string_view name,
                 const std::string& value);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_PROJECT_H_
