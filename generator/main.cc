// SPDX-License-Identifier: MIT
// agentgen: parse the command line, run, print what the run reported.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "base/real_file_system.h"
#include "command_line/command_line.h"
#include "command_line/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  agentgen::ParsedCommandLine parsed = agentgen::ParseCommandLine(arguments);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.run) return parsed.exit_code;

  // A FIFO output whose reader went away, or a closed pipe on stdout, is a
  // write error to report (EPIPE), not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  const char* trace = std::getenv("AGENTGEN_TRACE");
  agentgen::RealFileSystem fs;
  // A batch renders on every core; the real file system has no state, so
  // its calls may run in parallel.
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  agentgen::CommandResult result =
      agentgen::RunCommand(fs, parsed, trace ? trace : "", jobs);
  // With `-o -` stdout is the output: failing to write all of it is an
  // error like any failed write.
  std::fwrite(result.out.data(), 1, result.out.size(), stdout);
  bool printed = std::fflush(stdout) == 0 && !std::ferror(stdout);
  int failure = errno;
  std::fwrite(result.err.data(), 1, result.err.size(), stderr);
  if (!printed && !result.out.empty()) {
    std::fprintf(stderr,
                 "agentgen: error: cannot write to standard output: %s\n",
                 std::strerror(failure));
    return std::max(result.status, 1);
  }
  return result.status;
}
