// SPDX-License-Identifier: MIT
// `agentgen mcp` (docs/validation.md, "MCP servers and agentgen mcp"):
// merges the MCP servers the agents depend on into Claude Code's
// `.mcp.json`.
#ifndef AGENTGEN_COMMAND_LINE_MCP_COMMAND_H_
#define AGENTGEN_COMMAND_LINE_MCP_COMMAND_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

/// Merges the MCP servers of every source into `options.output` (see
/// mcp_config.h). With `-o -`, or a device or FIFO as the output, nothing
/// existing is read and no record is written: `out` (for `-o -`) or the
/// output receives what a first run would write. Returns 0, or 1 when any
/// error was reported to `sink`. With `--check` it writes nothing, puts a
/// unified diff of the file and of its record on `out` where either is not
/// what it would write, and returns 0 (exact), 1 (differences) or 3 (an
/// input error left nothing to compare).
int RunMcp(FileSystem& fs, const McpOptions& options, DiagnosticSink& sink,
           std::string* out = nullptr);

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_MCP_COMMAND_H_
