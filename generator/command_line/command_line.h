// SPDX-License-Identifier: MIT
// The command line (docs/command-line.md), parsed by CLI11.
#ifndef AGENTGEN_COMMAND_LINE_COMMAND_LINE_H_
#define AGENTGEN_COMMAND_LINE_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "render/render_session.h"
#include "sync/sync_plan.h"

namespace agentgen {

enum class Command { kRender, kCheck, kMcp, kSync };

/// `-o -`: the output goes to standard output.
inline constexpr char kStandardOutput[] = "-";

/// `agentgen render`'s options.
struct RenderOptions {
  RenderSettings settings;
  std::vector<std::string> sources;
  std::string output;       ///< -o; kStandardOutput for stdout
  std::string out_dir;      ///< --out-dir
  std::string depfile;      ///< --depfile
  std::string depfile_dir;  ///< --depfile-dir
  /// --depfile-target: the depfile rule's target as given, for a build tool
  /// that matches it to the output by its own spelling (Ninja without CMake's
  /// depfile transformation); empty: the absolute output path.
  std::string depfile_target;
  std::string manifest;      ///< --manifest
  std::string manifest_dir;  ///< --manifest-dir
  bool write_if_changed = false;
  /// --check: compare with the existing outputs instead of writing them.
  bool check = false;
};

/// `agentgen check --format`: diagnostics as text on standard error, or one
/// machine-readable report on standard output (validation/check_report.h).
enum class CheckFormat { kText, kJson, kSarif, kGithub };

/// `agentgen check`'s options.
struct CheckOptions {
  RenderSettings settings;
  std::vector<std::string> sources;
  /// The schema's tool: --tool, else the type's default tool.
  std::string tool = "claude-code";
  bool werror = false;                      ///< --werror
  CheckFormat format = CheckFormat::kText;  ///< --format
};

/// `agentgen mcp`'s options.
struct McpOptions {
  RenderSettings settings;
  std::vector<std::string> sources;
  std::string output;   ///< -o; kStandardOutput for stdout
  std::string depfile;  ///< --depfile
  /// --check: compare the file and its record with what would be written.
  bool check = false;
};

/// `agentgen sync --list`'s forms.
enum class SyncListFormat { kNone, kJsonLines, kTsv };

/// `agentgen sync`'s options.
struct SyncOptions {
  SyncRequest request;
  bool check = false;                           ///< --check
  SyncListFormat list = SyncListFormat::kNone;  ///< --list[=jsonl|tsv]
  bool force = false;                           ///< --force
  std::string stamp;                            ///< --stamp
  std::string depfile;                          ///< --depfile
};

/// The outcome of parsing: either a command to run with its options, or
/// text to print and an exit status (0 for --help and --version, 2 for a
/// usage error).
struct ParsedCommandLine {
  bool run = false;
  Command command = Command::kRender;
  RenderOptions options;  ///< render
  CheckOptions check;
  McpOptions mcp;
  SyncOptions sync;
  int exit_code = 0;
  std::string out;  ///< for stdout
  std::string err;  ///< for stderr
};

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& arguments);

/// The one-line usage of each command.
extern const char kRenderUsage[];
extern const char kCheckUsage[];
extern const char kMcpUsage[];
extern const char kSyncUsage[];

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_COMMAND_LINE_H_
