// SPDX-License-Identifier: MIT
// One render (SPEC.md sections 3 to 7): a source and everything it depends
// on, in memory. Writing the results is outputs.h's job.
#ifndef AGENTGEN_RENDER_H_
#define AGENTGEN_RENDER_H_

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.h"
#include "file_system.h"
#include "templating_switch.h"

namespace agentgen {

/// What every source of a run shares (the command line's options).
struct RenderSettings {
  std::optional<std::string> root;          ///< --root as given
  std::optional<std::string> project_file;  ///< --project-file as given
  std::vector<std::pair<std::string, std::string>> defines;  ///< -D
  std::string type = "agent";                                ///< --type
  bool allow_outside_root = false;
};

/// A file the render read: the depfile's prerequisites, the manifest's inputs.
struct RenderInput {
  std::string path;      ///< absolute, lexically normal
  std::string relative;  ///< relative to the root
  std::string sha256;
  std::string role;  ///< source, project, dependency or content
};

/// The result of rendering one source.
struct RenderedSource {
  std::string text;
  std::string output;  ///< as named by the OutputNamer
  Dialect dialect = Dialect::kNone;
  std::string root;                 ///< as the manifest records it
  std::string source;               ///< root-relative
  std::vector<RenderInput> inputs;  ///< in depfile order
  nlohmann::json dependencies;      ///< the manifest's `dependencies`
  nlohmann::json project;           ///< the merged project table
};

/// Names a source's output (its `agpm.resource.install_path`, as given)
/// from the source's root-relative path.
using OutputNamer = std::function<std::string(const std::string& relative)>;

/// Renders `source` (as given on the command line). Reports every error to
/// `sink` and returns nullopt when there was any.
std::optional<RenderedSource> RenderSource(FileSystem& fs,
                                           const RenderSettings& settings,
                                           const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_RENDER_H_
