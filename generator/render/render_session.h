// SPDX-License-Identifier: MIT
// One render (docs/templates.md): a source and everything it depends on, in
// memory. The session finds the workspace, loads the files, builds each
// template's context and runs the engine its file asks for; what the result
// becomes (files, a diff, a check) is the business of the stages after it.
#ifndef AGENTGEN_RENDER_RENDER_SESSION_H_
#define AGENTGEN_RENDER_RENDER_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/work_budget.h"
#include "inputs/workspace.h"
#include "render/rendered_source.h"

namespace agentgen {

/// What the rendered file is: these may differ between the sources of one
/// session (sync renders agents and commands for several tools together).
struct ResourceOptions {
  std::string type = "agent";  ///< --type
  /// --tool: the layout column of the rendered file (docs/templates.md,
  /// "Install paths"); the type's default tool when absent.
  std::optional<std::string> tool;
  /// --install-path: the rendered file's `agpm.resource.install_path`
  /// instead of the layout's.
  std::optional<std::string> install_path;
};

/// What every source of a run shares (the command line's options).
struct RenderSettings : WorkspaceOptions, ResourceOptions {
  /// The limits on one source's render (base/work_budget.h); tests lower
  /// them.
  uint64_t max_steps = kMaxRenderSteps;
  uint64_t max_mstch_operations = kMaxMstchOperations;
};

/// Names a source's output (as the manifest records it) from the source's
/// root-relative path.
using OutputNamer = std::function<std::string(const std::string& relative)>;

/// Renders sources one after another, keeping what they share: each
/// dependency is read, parsed and rendered once per session, and so is the
/// project file. A batch runs one session per thread. The results are the
/// bytes a fresh process per source would produce.
class RenderSession {
 public:
  RenderSession(FileReader& fs, RenderSettings settings);
  ~RenderSession();
  RenderSession(const RenderSession&) = delete;
  RenderSession& operator=(const RenderSession&) = delete;

  /// Renders `source` (as given on the command line). Reports every error to
  /// `sink` and returns nullopt when there was any.
  std::optional<RenderedSource> Render(const std::string& source,
                                       const OutputNamer& output_for,
                                       DiagnosticSink& sink);

  /// The same, as a `resource` of its own type, tool and install path
  /// instead of the settings'.
  std::optional<RenderedSource> Render(const std::string& source,
                                       const ResourceOptions& resource,
                                       const OutputNamer& output_for,
                                       DiagnosticSink& sink);

 private:
  class Impl;
  const ResourceOptions settings_resource_;
  std::unique_ptr<Impl> impl_;
};

/// One source in a session of its own.
std::optional<RenderedSource> RenderSource(FileReader& fs,
                                           const RenderSettings& settings,
                                           const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_RENDER_RENDER_SESSION_H_
