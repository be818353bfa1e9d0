// SPDX-License-Identifier: MIT
// One render (SPEC.md sections 3 to 7): a source and everything it depends
// on, in memory. Writing the results is outputs.h's job.
#ifndef AGENTGEN_RENDER_RENDER_SESSION_H_
#define AGENTGEN_RENDER_RENDER_SESSION_H_

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/work_budget.h"
#include "engines/agpm/agpm_template.h"
#include "inputs/templating_switch.h"

namespace agentgen {

/// What every source of a run shares (the command line's options).
struct RenderSettings {
  std::optional<std::string> root;          ///< --root as given
  std::optional<std::string> project_file;  ///< --project-file as given
  std::vector<std::pair<std::string, std::string>> defines;  ///< -D
  std::string type = "agent";                                ///< --type
  bool allow_outside_root = false;
  /// The limits on one source's render (work_budget.h); tests lower them.
  uint64_t max_steps = kMaxRenderSteps;
  uint64_t max_mstch_operations = kMaxMstchOperations;
};

/// A file the render read: the depfile's prerequisites, the manifest's inputs.
struct RenderInput {
  std::string path;      ///< absolute, lexically normal
  std::string relative;  ///< relative to the root
  std::string sha256;
  std::string role;  ///< source, project, dependency or content
};

/// A dependency declared under `mcp-servers` anywhere in a render (the
/// source's and its dependencies' own declarations alike).
struct McpServerDependency {
  std::string name;      ///< its server name: the entry's `name:`, else stem
  std::string path;      ///< absolute, lexically normal
  std::string display;   ///< how diagnostics name the file
  std::string relative;  ///< relative to the root
  std::string bytes;     ///< as read, for locating values
  bool is_json = false;
  nlohmann::json value;  ///< a JSON file's value, `dependencies` removed
  Location declared_at;  ///< the entry's `path:`
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

  /// The source's text with LF line ends, which `text` was rendered from
  /// when the source is templated.
  std::string source_text;
  /// For the AGPM dialect: offsets of `text` back to `source_text`, so that
  /// `agentgen check` can point at what produced a rendered value.
  std::optional<OffsetMap> offsets;
  std::vector<McpServerDependency> mcp_servers;  ///< in the order declared
};

/// Names a source's output (its `agpm.resource.install_path`, as given)
/// from the source's root-relative path.
using OutputNamer = std::function<std::string(const std::string& relative)>;

/// Renders `source` (as given on the command line). Reports every error to
/// `sink` and returns nullopt when there was any.
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

 private:
  class Impl;
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
