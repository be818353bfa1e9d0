// SPDX-License-Identifier: MIT
// Runs whichever command the command line named (render_command.h,
// validation/check.h, mcp_command.h) and turns what it reported into text.
#ifndef AGENTGEN_COMMAND_LINE_RUN_H_
#define AGENTGEN_COMMAND_LINE_RUN_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

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
