// SPDX-License-Identifier: MIT
// The JSON files agentgen merges into (`.mcp.json`, Claude Code's settings,
// OpenCode's `opencode.json`): read as one object, written in agentgen's
// style so that a rewrite is the same bytes on every machine.
#ifndef AGENTGEN_OUTPUTS_JSON_FILE_H_
#define AGENTGEN_OUTPUTS_JSON_FILE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// Parses an existing file (`display` in diagnostics) that must hold a JSON
/// object whose `member`, when present, is an object too. An absent or
/// blank file is an empty object. Bad JSON, a repeated key (a rewrite would
/// drop one of its values) or a wrong shape is an error with `rule`;
/// returns nullopt then.
std::optional<nlohmann::json> ReadJsonObjectFile(
    std::string_view display, const std::optional<std::string>& text,
    std::string_view member, std::string_view rule, DiagnosticSink& sink);

/// `value` as agentgen writes JSON: keys sorted, two-space indent, arrays
/// in their order, a final newline.
std::string FormatJsonFile(const nlohmann::json& value);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_JSON_FILE_H_
