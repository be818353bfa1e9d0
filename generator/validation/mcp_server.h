// SPDX-License-Identifier: MIT
// An `mcp-servers` dependency: one JSON object describing one MCP server the
// way Claude Code's `.mcp.json` lists it under `mcpServers`.
#ifndef AGENTGEN_VALIDATION_MCP_SERVER_H_
#define AGENTGEN_VALIDATION_MCP_SERVER_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "base/diagnostic.h"
#include "render/render_session.h"

namespace agentgen {

/// Checks that `server` describes one server: `command` (a non-empty
/// string) with optional string `args` and string-valued `env`, or `type`
/// (`http` or `sse`) with a `url` and optional string-valued `headers`.
/// Every problem is reported at its place in the JSON file (an unknown key
/// is a warning). Returns the configuration `.mcp.json` gets (the file's
/// `agpm` metadata removed), or nullopt after an error.
std::optional<nlohmann::json> ValidateMcpServer(
    const McpServerDependency& server, DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_MCP_SERVER_H_
