// SPDX-License-Identifier: MIT
// The files of one render (docs/templates.md, "Dependencies"): the source
// and its transitive dependencies, each read once, with cycles and reads
// outside the root refused.
#ifndef AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_
#define AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/work_budget.h"
#include "inputs/dependencies.h"
#include "inputs/input_file.h"
#include "inputs/input_reader.h"
#include "inputs/install_layout.h"

namespace agentgen {

/// Limits of one render (docs/limits.md, "Limits").
inline constexpr size_t kMaxDependencyDepth = 64;
inline constexpr size_t kMaxFilesPerRender = 4096;

/// The frontmatter pre-pass (docs/templates.md, "The frontmatter
/// pre-pass"): a frontmatter that uses template syntax is rendered before
/// its YAML is read, so that `path:` may use project variables. The render
/// session provides it: the graph knows no template engine.
class FrontmatterPrepass {
 public:
  /// The rendered YAML, and where its offsets lie in the file.
  struct Rendered {
    std::string yaml;
    Locator locate;
  };

  virtual ~FrontmatterPrepass() = default;

  /// Renders `yaml` (the frontmatter of `file`, whose offsets `locate`
  /// places), recording in `file` the `content` files it read and what it
  /// cost. Reports errors to `sink` and returns nullopt when there was any.
  virtual std::optional<Rendered> Render(InputFile& file, std::string_view yaml,
                                         const Locator& locate,
                                         DiagnosticSink& sink,
                                         WorkBudget& budget) = 0;
};

/// What every file of a render shares.
struct GraphSettings {
  ReadArea root;  ///< reads stay inside it; its display names root files
  FrontmatterPrepass* prepass = nullptr;
  /// Where dependencies install, and the folder their install paths are
  /// relative to (absolute).
  const InstallLayout* layout = &InstallLayout::BuiltIn();
  std::string project_directory;
};

/// A source as LoadSource left it.
struct LoadedSource {
  /// Null when the source itself could not be read or parsed.
  std::shared_ptr<InputFile> file;
  /// The pre-passes of a kept file did not fit the budget. The load is then
  /// incomplete, with nothing reported: only loading afresh (after Clear)
  /// shows where the limit is crossed.
  bool kept_over_budget = false;
};

/// Loads sources and everything they depend on, depth first in declaration
/// order, each file once. Dependencies loaded for one source are kept for the
/// next sources of a batch (each file is read and parsed once per process);
/// the source itself is loaded afresh every time (it is read once per render
/// in any case).
class DependencyGraph {
 public:
  DependencyGraph(FileReader& fs, GraphSettings settings);

  /// Loads a source (which StatInput found to be a file of `size` bytes)
  /// of `type` installed for `tool` at `install_path`, and its
  /// dependencies, reporting to `sink`; the frontmatter pre-passes
  /// take their steps from `budget`, and a file kept from an earlier source
  /// costs what its pre-passes cost then.
  LoadedSource LoadSource(const InputToRead& source, uint64_t size,
                          const std::string& type, const std::string& tool,
                          const nlohmann::json& install_path,
                          DiagnosticSink& sink, WorkBudget& budget);

  /// The source and every file it depends on, depth first in declaration
  /// order, each once: the order of a fresh render's reads.
  static RenderFiles FilesOf(const std::shared_ptr<const InputFile>& source);

  /// Forgets every kept file (after a failed render, so that errors are
  /// reported again by the next source that meets them).
  void Clear();

 private:
  struct Load;  // one LoadSource call's state

  std::shared_ptr<InputFile> LoadFile(const InputToRead& input, uint64_t size,
                                      const ResolvedDependency& dependency,
                                      Load& load);
  std::shared_ptr<InputFile> Reuse(const std::shared_ptr<InputFile>& file,
                                   const Location& where, Load& load);
  void ReadAndParse(InputFile& file, const InputToRead& input, uint64_t size,
                    Load& load);
  const std::set<std::string>& Closure(const InputFile& file);
  void ParseMarkdown(InputFile& file, Load& load);
  void ChooseTool(const InputFile& declaring, const DependencyEntry& entry,
                  const std::string& resolved, ResolvedDependency* dependency,
                  Load& load);
  void ParseJson(InputFile& file, Load& load);
  void ResolveDependencies(InputFile& file,
                           const std::vector<DependencyEntry>& entries,
                           Load& load);
  std::string DisplayFor(const InputFile& declaring,
                         const std::string& declared) const;

  FileReader& fs_;
  GraphSettings settings_;
  /// Kept dependencies by path, type, tool and display name (each shapes
  /// what a file's parse and content are).
  std::map<std::string, std::shared_ptr<InputFile>> files_;
  std::map<const InputFile*, std::set<std::string>> closures_;
};

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_
