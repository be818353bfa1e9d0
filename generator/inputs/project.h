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
#include "base/toml.h"
#include "inputs/install_layout.h"

namespace agentgen {

/// What a project file gives a render.
struct ProjectFile {
  nlohmann::json project = nlohmann::json::object();  ///< `[project]`
  InstallLayout layout = InstallLayout::BuiltIn();    ///< `[tools]`, ...
};

/// Reads a project file: its `[project]` table (as ParseProjectTable) and
/// its layout (`[tools]`, `[default-tools]`). Reports problems at their
/// places in `display_path` and returns nullopt.
std::optional<ProjectFile> ParseProjectFile(std::string_view toml_text,
                                            std::string_view display_path,
                                            DiagnosticSink& sink);

/// The `[project]` table of TOML text as a JSON object (empty when there is
/// none). Any TOML type is kept; dates and times become strings; a `nan` or
/// `inf` float is an error at its line. A syntax error is reported at its place
/// in `display_path` and gives nullopt.
std::optional<nlohmann::json> ParseProjectTable(std::string_view toml_text,
                                                std::string_view display_path,
                                                DiagnosticSink& sink);

/// `node` (parsed from `text`, named `display_path`) as JSON, converted as
/// the project table is; each value a template could not hold is reported
/// at its place, becomes null and sets `*ok` to false.
nlohmann::json TomlToJson(const toml::node& node, std::string_view text,
                          std::string_view display_path, DiagnosticSink& sink,
                          bool* ok);

/// Where toml++'s `position` (lines and columns from 1) lies in `text`.
Location LocateLineColumn(std::string_view file, std::string_view text,
                          const toml::source_position& position);

/// Sets `name` (dotted names make nested tables) to `value`, replacing
/// whatever was there: `-D` and `--var` win over the project file.
void ApplyDefine(nlohmann::json& project, std::string_view name,
                 const nlohmann::json& value);

/// `text` read as one TOML value (`false`, `3`, `[1, 2]`, `{k = "v"}`,
/// `"text"`), converted as the project table is; nullopt when it is not
/// exactly one value, with the reason in `*error` (when not null).
std::optional<nlohmann::json> ParseTomlValue(std::string_view text,
                                             std::string* error);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_PROJECT_H_
