// SPDX-License-Identifier: MIT
// The files of one render (SPEC.md section 3): the source and its transitive
// dependencies, each read once, with cycles and reads outside the root
// refused.
#ifndef AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_
#define AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "base/work_budget.h"
#include "context/content_filter.h"
#include "engines/agpm/agpm_template.h"
#include "inputs/dependencies.h"
#include "inputs/frontmatter.h"
#include "inputs/templating_switch.h"

namespace agentgen {

struct InputFile;

/// Limits of one render (documented in the README).
inline constexpr uint64_t kMaxInputFileSize = 16 * 1024 * 1024;
inline constexpr size_t kMaxDependencyDepth = 64;
inline constexpr size_t kMaxFilesPerRender = 4096;

/// A dependency as the graph resolved it.
struct ResolvedDependency {
  DependencyEntry entry;
  InputFile* file = nullptr;      ///< null when it could not be loaded
  std::vector<std::string> keys;  ///< its context keys in its category
};

enum class FileKind { kMarkdown, kJson, kOther };

/// One file the render read, parsed as far as its kind allows.
struct InputFile {
  std::string path;      ///< absolute, lexically normal
  std::string display;   ///< how diagnostics name it
  std::string relative;  ///< relative to the root
  std::string type;      ///< singular resource type it was first reached as
  std::string bytes;     ///< as read (released for kept Markdown dependencies)
  std::string text;      ///< `bytes` with LF line ends
  std::string sha256;
  FileKind kind = FileKind::kOther;
  Frontmatter frontmatter;
  Dialect dialect = Dialect::kNone;
  nlohmann::json json;  ///< a JSON file's value, `dependencies` removed
  std::vector<ResolvedDependency> dependencies;
  bool ok = true;  ///< read and parsed without error
  /// Files the `content` filter read in this file's frontmatter pre-pass.
  std::vector<ContentInput> prepass_reads;
  /// What the pre-pass took from the render's budget.
  WorkCost prepass_cost;
};

/// What every file of a render shares.
struct GraphSettings {
  std::string root;          ///< absolute, normal
  std::string root_display;  ///< prefix for naming root-relative files
  nlohmann::json project;    ///< the merged project table
  bool allow_outside_root = false;
  ContentFilterReader* content = nullptr;  ///< for `| content` in pre-passes
};

/// Loads sources and everything they depend on, depth first in declaration
/// order, each file once. Dependencies loaded for one source are kept for the
/// next sources of a batch (each file is read and parsed once per process);
/// the source itself is loaded afresh every time, since its pre-pass sees its
/// own output path.
class DependencyGraph {
 public:
  DependencyGraph(FileReader& fs, GraphSettings settings);

  /// Loads a source and its dependencies, reporting to `sink`; the
  /// frontmatter pre-passes take their steps from `budget`, and a file kept
  /// from an earlier source costs what its pre-passes cost then. Returns null
  /// when the source itself could not be read or parsed. The source stays
  /// valid until the next call.
  InputFile* LoadSource(const std::string& path, const std::string& display,
                        const std::string& type,
                        const nlohmann::json& install_path,
                        DiagnosticSink& sink, WorkBudget& budget);

  /// Whether, in the last LoadSource, the pre-passes of a kept file did not
  /// fit the budget. That load is then incomplete, with nothing reported:
  /// only loading afresh (after Clear) shows where the limit is crossed.
  bool kept_over_budget() const { return kept_over_budget_; }

  /// The source and every file it depends on, depth first in declaration
  /// order, each once: the order of a fresh render's reads.
  static std::vector<const InputFile*> FilesOf(const InputFile& source);

  /// Forgets every kept file (after a failed render, so that errors are
  /// reported again by the next source that meets them).
  void Clear();

  /// Whether `path` lies inside the root once symlinks are resolved.
  bool IsInsideRoot(const std::string& path);

 private:
  InputFile* LoadFile(const std::string& path, const std::string& display,
                      const std::string& type, const Location* declared_at);
  InputFile* Reuse(InputFile* file, const Location& where);
  void ReadAndParse(InputFile& file, const Location& where,
                    const nlohmann::json& install_path);
  const std::set<std::string>& Closure(const InputFile& file);
  void ParseMarkdown(InputFile& file, const nlohmann::json& install_path);
  void ParseJson(InputFile& file);
  void ResolveDependencies(InputFile& file,
                           const std::vector<DependencyEntry>& entries);
  std::string DisplayFor(const InputFile& declaring,
                         const std::string& declared) const;

  FileReader& fs_;
  GraphSettings settings_;
  DiagnosticSink* sink_ = nullptr;  ///< the current render's
  WorkBudget* budget_ = nullptr;    ///< the current render's
  bool kept_over_budget_ = false;
  std::optional<std::string> real_root_;
  /// Kept dependencies by path, type and display name (each shapes what a
  /// file's parse and content are).
  std::map<std::string, std::unique_ptr<InputFile>> files_;
  std::map<const InputFile*, std::set<std::string>> closures_;
  std::unique_ptr<InputFile> source_;
  std::vector<InputFile*> stack_;       ///< files being loaded, for cycles
  std::set<std::string> render_paths_;  ///< files of the current render
};

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_DEPENDENCY_GRAPH_H_
