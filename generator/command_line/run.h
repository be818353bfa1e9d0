// SPDX-License-Identifier: MIT
// The commands: `agentgen render` renders each source and commits its
// outputs (or, with --check, compares them); `agentgen mcp` writes the MCP
// configuration; RunCommand runs whichever the command line named.
#ifndef AGENTGEN_COMMAND_LINE_RUN_H_
#define AGENTGEN_COMMAND_LINE_RUN_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

/// Renders every source of `options`. `trace_path` (AGENTGEN_TRACE), when
/// not empty, gets one line per source processed. With `-o -` `out`, when
/// given, receives the rendered text once everything else is written. With
/// --check nothing is written and `out`, when given, receives a unified
/// diff for each stale output. Returns the exit status: 0, or 1 when any error
/// was reported to `sink`.
int RunRender(FileSystem& fs, const RenderOptions& options,
              const std::string& trace_path, DiagnosticSink& sink,
              std::string* out = nullptr, unsigned jobs = 1);

/// Merges the MCP servers of every source into `options.output` (see
/// mcp_config.h). With `-o -`, or a device or FIFO as the output, nothing
/// existing is read and no record is written: `out` (for `-o -`) or the
/// output receives what a first run would write. Returns 0, or 1 when any
/// error was reported to `sink`.
int RunMcp(FileSystem& fs, const McpOptions& options, DiagnosticSink& sink,
           std::string* out = nullptr);

/// What a command prints and its exit status.
struct CommandResult {
  int status = 0;
  std::string out;  ///< for stdout
  std::string err;  ///< for stderr: the diagnostics, as text
};

/// Runs a parsed command line (`parsed.run` must be true).
CommandResult RunCommand(FileSystem& fs, const ParsedCommandLine& parsed,
                         const std::string& trace_path, unsigned jobs = 1);

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_RUN_H_
