// SPDX-License-Identifier: MIT
#include "command_line/run.h"

#include <set>
#include <string>

#include "command_line/mcp_command.h"
#include "command_line/render_command.h"
#include "command_line/sync_command.h"
#include "validation/check.h"
#include "validation/check_report.h"

namespace agentgen {

CommandResult RunCommand(FileSystem& fs, const ParsedCommandLine& parsed,
                         const std::string& trace_path, unsigned jobs) {
  CommandResult result;
  DiagnosticSink sink;
  std::string after_diagnostics;
  switch (parsed.command) {
    case Command::kRender:
      result.status =
          RunRender(fs, parsed.options, trace_path, sink, &result.out, jobs);
      break;
    case Command::kCheck:
      result.status = RunCheck(fs, parsed.check, sink);
      // A report goes to stdout whole, and nothing to stderr.
      if (parsed.check.format != CheckFormat::kText) {
        result.out = FormatCheckReport(parsed.check,
                                       FindReportRoot(fs, parsed.check), sink);
        return result;
      }
      break;
    case Command::kMcp:
      result.status = RunMcp(fs, parsed.mcp, sink, &result.out);
      break;
    case Command::kSync:
      result.status = RunSync(fs, parsed.sync, trace_path, sink, &result.out,
                              &after_diagnostics, jobs);
      break;
  }
  // A diagnostic printed once is not printed again in the run: a batch
  // reports a shared dependency's problem under the first source only.
  std::set<std::string> printed;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    std::string text = FormatDiagnostic(diagnostic);
    if (printed.insert(text).second) result.err += text;
  }
  result.err += after_diagnostics;
  return result;
}

}  // namespace agentgen
