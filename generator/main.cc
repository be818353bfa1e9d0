// SPDX-License-Identifier: MIT
// agentgen: parse the command line, run, print what the run reported.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "command_line.h"
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
  // A batch renders on every core; the real file system has no state, so
  // its calls may run in parallel.
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  agentgen::CommandResult result =
      agentgen::RunCommand(fs, parsed, trace ? trace : "", jobs);
  std::fwrite(result.out.data(), 1, result.out.size(), stdout);
  std::fwrite(result.err.data(), 1, result.err.size(), stderr);
  return result.status;
}
