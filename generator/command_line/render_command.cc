// SPDX-License-Identifier: MIT
#include "command_line/render_command.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "base/paths.h"
#include "outputs/depfile.h"
#include "outputs/line_diff.h"
#include "outputs/manifest.h"
#include "outputs/outputs.h"
#include "render/render_session.h"

namespace agentgen {
namespace {

// The output paths of one source, as given and absolute.
struct OutputPaths {
  std::string output;         // as given (or built from --out-dir)
  std::string output_path;    // empty: standard output (-o -)
  std::string depfile_path;   // empty: none
  std::string manifest_path;  // empty: none
};

OutputPaths PathsFor(const RenderOptions& options, const std::string& cwd,
                     const std::string& output, const std::string& relative) {
  OutputPaths paths;
  paths.output = output;
  if (options.output != kStandardOutput)
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

// --check: whether the existing output holds exactly `rendered`; if not,
// reports where it starts to differ and appends the diff to `out`.
bool OutputIsCurrent(FileReader& fs, const OutputPaths& paths,
                     const std::string& source, const std::string& rendered,
                     DiagnosticSink& sink, std::string* out) {
  std::string existing;
  std::string error;
  std::optional<OutputTarget> target =
      ResolveOutput(fs, paths.output_path, &error);
  if (!target) {
    sink.Error({}, error);
    return false;
  }
  if (target->written_in_place()) {
    // Reading a FIFO would block, and a device gives back nothing that was
    // written to it: neither can be found current.
    sink.Error({},
               "'" + paths.output +
                   "' is a device or FIFO, which --check does not read; it "
                   "counts as different",
               "render.stale");
    return false;
  }
  if (target->kind == FileReader::EntryKind::kMissing) {
    sink.Error({},
               "'" + paths.output + "' does not exist; render '" + source +
                   "' without --check to write it",
               "render.stale");
  } else if (!fs.ReadFile(target->path, &existing, &error)) {
    sink.Error({}, "cannot read '" + paths.output + "': " + error);
    return false;
  } else if (existing == rendered) {
    return true;
  } else {
    size_t differ = 0;
    while (differ < existing.size() && differ < rendered.size() &&
           existing[differ] == rendered[differ])
      ++differ;
    size_t line_begin = existing.rfind('\n', differ == 0 ? 0 : differ - 1);
    line_begin =
        line_begin == std::string::npos || differ == 0 ? 0 : line_begin + 1;
    sink.Error(LocateOffset(paths.output, existing, line_begin),
               "stale: rendering '" + source +
                   "' gives other text from this line on (the diff is on "
                   "stdout); render without --check to update it",
               "render.stale");
  }
  if (out) *out += UnifiedDiff(existing, rendered, paths.output, paths.output);
  return false;
}

bool RenderOne(FileSystem& fs, RenderSession& session,
               const RenderOptions& options, const std::string& cwd,
               const std::string& source, DiagnosticSink& sink,
               std::string* out) {
  std::string relative;
  auto output_for = [&](const std::string& source_relative) {
    relative = source_relative;
    return options.output.empty()
               ? Normal(options.out_dir + "/" + source_relative)
               : options.output;
  };
  std::optional<RenderedSource> rendered =
      session.Render(source, output_for, sink);
  if (!rendered) return false;

  OutputPaths paths = PathsFor(options, cwd, rendered->output, relative);
  std::vector<std::string> inputs = InputPaths(*rendered);
  RenderInputs files_read(fs, inputs);
  for (const std::string* path :
       {&paths.output_path, &paths.depfile_path, &paths.manifest_path}) {
    if (!path->empty() && files_read.WouldBeOverwrittenBy(*path)) {
      sink.Error({}, "output '" + *path + "' is one of the render's inputs");
      return false;
    }
  }

  if (options.check)
    return OutputIsCurrent(fs, paths, source, rendered->text, sink, out);

  std::vector<PendingOutput> outputs;
  if (!paths.output_path.empty()) {
    outputs.push_back(
        {paths.output_path, rendered->text, options.write_if_changed});
  }
  if (!paths.manifest_path.empty()) {
    outputs.push_back({paths.manifest_path,
                       FormatManifest(*rendered, paths.output),
                       options.write_if_changed});
  }
  if (!paths.depfile_path.empty()) {
    std::optional<std::string> depfile =
        FormatDepfile(options.depfile_target.empty() ? paths.output_path
                                                     : options.depfile_target,
                      inputs, sink);
    if (!depfile) return false;
    // Build tools may delete a depfile once read, so it is always written.
    outputs.push_back({paths.depfile_path, *depfile, false});
  }
  std::string error;
  if (!CommitOutputs(fs, outputs, &error)) {
    sink.Error({}, error);
    return false;
  }
  // Printed only once the manifest (if any) is in place, so that a failed
  // render prints nothing.
  if (paths.output_path.empty() && out) *out += rendered->text;
  return true;
}

}  // namespace

int RunRender(FileSystem& fs, const RenderOptions& options,
              const std::string& trace_path, DiagnosticSink& sink,
              std::string* out, unsigned jobs) {
  std::string cwd = fs.CurrentDirectory();
  const std::vector<std::string>& sources = options.sources;
  // What each source reported, merged in command-line order at the end, so
  // the output does not depend on which thread rendered what.
  struct Result {
    DiagnosticSink sink;
    std::string out;
  };
  std::vector<Result> results(sources.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    RenderSession session(fs, options.settings);
    for (size_t i = next++; i < sources.size(); i = next++) {
      Result& result = results[i];
      RenderOne(fs, session, options, cwd, sources[i], result.sink,
                &result.out);
      if (!trace_path.empty()) {
        std::string error;
        if (!fs.AppendLine(AbsoluteNormal(cwd, trace_path), sources[i],
                           &error)) {
          result.sink.Warning({}, "cannot append to AGENTGEN_TRACE file '" +
                                      trace_path + "': " + error);
        }
      }
    }
  };
  size_t threads = std::min<size_t>(std::max(jobs, 1u), sources.size());
  std::vector<std::thread> workers;
  for (size_t i = 1; i < threads; ++i) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();

  bool input_error = false;
  for (Result& result : results) {
    for (const Diagnostic& diagnostic : result.sink.diagnostics()) {
      input_error = input_error || (diagnostic.severity == Severity::kError &&
                                    diagnostic.rule != "render.stale");
      sink.Report(diagnostic);
    }
    if (out) *out += result.out;
  }
  // --check tells "could not compare" (3) from "differs" (1).
  if (options.check && input_error) return 3;
  return sink.has_errors() ? 1 : 0;
}

}  // namespace agentgen
