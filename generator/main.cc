// SPDX-License-Identifier: MIT
// agentgen: parse the command line, run, print what the run reported.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "command_line.h"
#include "diagnostic.h"
#include "real_file_system.h"
#include "run.h"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  agentgen::ParsedCommandLine parsed = agentgen::ParseCommandLine(arguments);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.run) return parsed.exit_code;

  const char* trace = std::getenv("AGENTGEN_TRACE");
  agentgen::RealFileSystem fs;
  agentgen::DiagnosticSink sink;
  int status =
      agentgen::RunRender(fs, parsed.options, trace ? trace : "", sink);
  for (const agentgen::Diagnostic& diagnostic : sink.diagnostics())
    std::fputs(agentgen::FormatDiagnostic(diagnostic).c_str(), stderr);
  return status;
}
