// SPDX-License-Identifier: MIT
// The command line (SPEC.md section 8), parsed by CLI11.
#ifndef AGENTGEN_COMMAND_LINE_H_
#define AGENTGEN_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "render.h"

namespace agentgen {

/// `agentgen render`'s options.
struct RenderOptions {
  RenderSettings settings;
  std::vector<std::string> sources;
  std::string output;        ///< -o
  std::string out_dir;       ///< --out-dir
  std::string depfile;       ///< --depfile
  std::string depfile_dir;   ///< --depfile-dir
  std::string manifest;      ///< --manifest
  std::string manifest_dir;  ///< --manifest-dir
  bool write_if_changed = false;
};

/// The outcome of parsing: either options to run, or text to print and an
/// exit status (0 for --help and --version, 2 for a usage error).
struct ParsedCommandLine {
  bool run = false;
  RenderOptions options;
  int exit_code = 0;
  std::string out;  ///< for stdout
  std::string err;  ///< for stderr
};

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& arguments);

/// The one-line usage of `agentgen render`.
extern const char kRenderUsage[];

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_H_
