// SPDX-License-Identifier: MIT
#include "command_line/mcp_command.h"

#include <set>
#include <vector>

#include "base/paths.h"
#include "outputs/depfile.h"
#include "outputs/line_diff.h"
#include "outputs/outputs.h"
#include "render/render_session.h"
#include "validation/mcp_config.h"
#include "validation/mcp_server.h"

namespace agentgen {

namespace {

// An output as it is, for `mcp` to merge with: absent when missing, and
// when a device or FIFO, which is never read (reading a FIFO blocks).
std::optional<ExistingFile> ReadExisting(FileReader& fs,
                                         const std::string& path,
                                         const std::string& display,
                                         DiagnosticSink& sink) {
  ExistingFile file{display, std::nullopt};
  std::string error;
  std::optional<OutputTarget> target = ResolveOutput(fs, path, &error);
  if (!target) {
    sink.Error({}, error);
    return std::nullopt;
  }
  if (target->kind != FileReader::EntryKind::kFile) return file;
  std::string bytes;
  if (!fs.ReadFile(target->path, &bytes, &error)) {
    sink.Error({}, "cannot read '" + display + "': " + error);
    return std::nullopt;
  }
  file.text = std::move(bytes);
  return file;
}

// Whether `mcp` writes what a first run would write, with no record: to
// standard output, or to a device or FIFO, neither of which can be read
// back on the next run.
bool WritesAFirstRun(FileReader& fs, const std::string& output_path) {
  if (output_path.empty()) return true;
  std::string ignored;  // the commit reports what is wrong with the output
  std::optional<OutputTarget> target = ResolveOutput(fs, output_path, &ignored);
  return target && target->written_in_place();
}

// --check: whether the file and its record hold what mcp would write; a
// diff of each that does not goes to `out`.
int CheckMcp(const ExistingFile& existing, const ExistingFile& ownership,
             const MergedMcpConfig& merged, DiagnosticSink& sink,
             std::string* out) {
  int status = 0;
  const std::pair<const ExistingFile&, const std::string&> files[] = {
      {existing, merged.config}, {ownership, merged.ownership}};
  for (const auto& [file, wanted] : files) {
    if (file.text == wanted) continue;
    status = 1;
    sink.Error(
        {},
        "'" + file.display + "' " +
            (file.text ? "differs from" : "does not exist; it would be") +
            " what agentgen mcp writes (the diff is on stdout); run "
            "without --check to update it",
        "mcp.stale");
    if (out) {
      *out += UnifiedDiff(file.text.value_or(""), wanted,
                          file.text ? file.display : "/dev/null", file.display);
    }
  }
  return status;
}

}  // namespace

int RunMcp(FileSystem& fs, const McpOptions& options, DiagnosticSink& sink,
           std::string* out) {
  std::string cwd = fs.CurrentDirectory();
  const bool to_stdout = options.output == kStandardOutput;
  std::string output_path =
      to_stdout ? "" : AbsoluteNormal(cwd, options.output);
  std::string ownership_path =
      to_stdout ? "" : output_path + kMcpOwnershipSuffix;
  std::string depfile_path =
      options.depfile.empty() ? "" : AbsoluteNormal(cwd, options.depfile);
  const std::string ownership_display = options.output + kMcpOwnershipSuffix;
  const std::pair<const std::string&, const std::string&> written[] = {
      {output_path, options.output},
      {ownership_path, ownership_display},
      {depfile_path, options.depfile}};
  std::vector<std::string> prerequisites;
  std::set<std::string> listed;
  std::vector<McpServerConfig> servers;
  std::set<std::string> validated;
  RenderSession session(fs, options.settings);
  for (const std::string& source : options.sources) {
    std::optional<RenderedSource> rendered = session.Render(
        source, [](const std::string&) { return ""; }, sink);
    if (!rendered) continue;
    std::vector<std::string> inputs = InputPaths(*rendered);
    RenderInputs files_read(fs, inputs);
    for (const auto& [path, display] : written) {
      if (!path.empty() && files_read.WouldBeOverwrittenBy(path)) {
        sink.Error({}, "output '" + display + "' is one of the inputs of '" +
                           source + "'");
      }
    }
    for (const std::string& input : inputs)
      if (listed.insert(input).second) prerequisites.push_back(input);
    for (const McpServerDependency& server :
         McpServerDependencies(rendered->files)) {
      // A file reached from several agents is checked and reported once.
      bool first = validated.insert(server.path).second;
      DiagnosticSink quiet;
      std::optional<nlohmann::json> config =
          ValidateMcpServer(server, first ? sink : quiet);
      if (!config) continue;
      servers.push_back({server.name, std::move(*config), server.display,
                         server.relative, server.declared_at});
    }
  }
  const int input_error = options.check ? 3 : 1;
  if (sink.has_errors()) return input_error;

  // The file and the record as they are; agentgen keeps what it did not
  // write, so both are read (they are outputs, never prerequisites).
  const bool first_run = WritesAFirstRun(fs, output_path);
  std::optional<ExistingFile> existing = ExistingFile{options.output, {}};
  std::optional<ExistingFile> ownership = ExistingFile{ownership_display, {}};
  if (!first_run) {
    existing = ReadExisting(fs, output_path, options.output, sink);
    ownership = ReadExisting(fs, ownership_path, ownership_display, sink);
  }
  if (!existing || !ownership) return input_error;
  std::optional<MergedMcpConfig> merged =
      MergeMcpConfig(*existing, *ownership, servers, sink);
  if (!merged) return input_error;
  if (options.check) return CheckMcp(*existing, *ownership, *merged, sink, out);

  std::vector<PendingOutput> outputs;
  if (!to_stdout) outputs.push_back({output_path, merged->config, true});
  if (!first_run) outputs.push_back({ownership_path, merged->ownership, true});
  if (!options.depfile.empty()) {
    std::optional<std::string> depfile =
        FormatDepfile(output_path, prerequisites, sink);
    if (!depfile) return 1;
    outputs.push_back({depfile_path, *depfile, false});
  }
  std::string error;
  if (!CommitOutputs(fs, outputs, &error)) {
    sink.Error({}, error);
    return 1;
  }
  if (to_stdout && out) *out += merged->config;
  return 0;
}

}  // namespace agentgen
