// SPDX-License-Identifier: MIT
#include "run.h"

#include <vector>

#include "depfile.h"
#include "manifest.h"
#include "outputs.h"
#include "paths.h"
#include "render.h"

namespace agentgen {
namespace {

// The output paths of one source, as given and absolute.
struct OutputPaths {
  std::string output;  // as given (or built from --out-dir)
  std::string output_path;
  std::string depfile_path;   // empty: none
  std::string manifest_path;  // empty: none
};

OutputPaths PathsFor(const RenderOptions& options, const std::string& cwd,
                     const std::string& output, const std::string& relative) {
  OutputPaths paths;
  paths.output = output;
  paths.output_path = AbsoluteNormal(cwd, output);
  if (!options.depfile.empty())
    paths.depfile_path = AbsoluteNormal(cwd, options.depfile);
  else if (!options.depfile_dir.empty())
    paths.depfile_path =
        AbsoluteNormal(cwd, JoinNormal(options.depfile_dir, relative + ".d"));
  if (!options.manifest.empty())
    paths.manifest_path = AbsoluteNormal(cwd, options.manifest);
  else if (!options.manifest_dir.empty())
    paths.manifest_path = AbsoluteNormal(
        cwd, JoinNormal(options.manifest_dir, relative + ".manifest.json"));
  return paths;
}

bool RenderOne(FileSystem& fs, const RenderOptions& options,
               const std::string& cwd, const std::string& source,
               DiagnosticSink& sink) {
  std::string relative;
  auto output_for = [&](const std::string& source_relative) {
    relative = source_relative;
    return options.output.empty()
               ? Normal(options.out_dir + "/" + source_relative)
               : options.output;
  };
  std::optional<RenderedSource> rendered =
      RenderSource(fs, options.settings, source, output_for, sink);
  if (!rendered) return false;

  OutputPaths paths = PathsFor(options, cwd, rendered->output, relative);
  for (const std::string* path :
       {&paths.output_path, &paths.depfile_path, &paths.manifest_path}) {
    for (const RenderInput& input : rendered->inputs) {
      if (!path->empty() && *path == input.path) {
        sink.Error({}, "output '" + *path + "' is one of the render's inputs");
        return false;
      }
    }
  }

  std::vector<PendingOutput> outputs;
  outputs.push_back(
      {paths.output_path, rendered->text, options.write_if_changed});
  if (!paths.manifest_path.empty()) {
    outputs.push_back({paths.manifest_path,
                       FormatManifest(*rendered, paths.output),
                       options.write_if_changed});
  }
  if (!paths.depfile_path.empty()) {
    std::vector<std::string> prerequisites;
    for (const RenderInput& input : rendered->inputs)
      prerequisites.push_back(input.path);
    std::string unwritable;
    std::optional<std::string> depfile =
        FormatDepfile(paths.output_path, prerequisites, &unwritable);
    if (!depfile) {
      sink.Error({}, "path '" + unwritable +
                         "' cannot be written to a depfile (it holds a "
                         "newline or a backslash)");
      return false;
    }
    // Build tools may delete a depfile once read, so it is always written.
    outputs.push_back({paths.depfile_path, *depfile, false});
  }
  std::string error;
  if (!CommitOutputs(fs, outputs, &error)) {
    sink.Error({}, error);
    return false;
  }
  return true;
}

}  // namespace

int RunRender(FileSystem& fs, const RenderOptions& options,
              const std::string& trace_path, DiagnosticSink& sink) {
  std::string cwd = fs.CurrentDirectory();
  bool ok = true;
  for (const std::string& source : options.sources) {
    ok = RenderOne(fs, options, cwd, source, sink) && ok;
    if (!trace_path.empty()) {
      std::string error;
      if (!fs.AppendLine(AbsoluteNormal(cwd, trace_path), source, &error))
        sink.Warning({}, "cannot append to AGENTGEN_TRACE file '" + trace_path +
                             "': " + error);
    }
  }
  return ok && !sink.has_errors() ? 0 : 1;
}

}  // namespace agentgen
