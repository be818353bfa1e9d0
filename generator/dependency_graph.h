// SPDX-License-Identifier: MIT
// The files of one render (SPEC.md section 3): the source and its transitive
// dependencies, each read once, with cycles and reads outside the root
// refused.
#ifndef AGENTGEN_DEPENDENCY_GRAPH_H_
#define AGENTGEN_DEPENDENCY_GRAPH_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "agpm_template.h"
#include "dependencies.h"
#include "diagnostic.h"
#include "file_system.h"
#include "frontmatter.h"
#include "templating_switch.h"

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
  std::string bytes;     ///< as read
  std::string text;      ///< `bytes` with LF line ends
  std::string sha256;
  FileKind kind = FileKind::kOther;
  Frontmatter frontmatter;
  Dialect dialect = Dialect::kNone;
  nlohmann::json json;  ///< a JSON file's value, `dependencies` removed
  std::vector<ResolvedDependency> dependencies;
  bool ok = true;  ///< read and parsed without error
};

/// What every file of a render shares.
struct GraphSettings {
  std::string root;          ///< absolute, normal
  std::string root_display;  ///< prefix for naming root-relative files
  nlohmann::json project;    ///< the merged project table
  bool allow_outside_root = false;
  nlohmann::json install_path;   ///< the source's `agpm.resource.install_path`
  ContentFilter content_filter;  ///< for `| content` in the pre-pass
};

/// Loads a source and everything it depends on, depth first in declaration
/// order, each file once.
class DependencyGraph {
 public:
  DependencyGraph(FileSystem& fs, GraphSettings settings, DiagnosticSink& sink);

  /// Loads the source and its dependencies. Returns null when the source
  /// itself could not be read or parsed; errors are reported to the sink.
  InputFile* Load(const std::string& path, const std::string& display,
                  const std::string& type);

  /// Every file read, in the order read (the source first).
  const std::vector<InputFile*>& files() const { return order_; }

  /// Whether `path` lies inside the root once symlinks are resolved.
  bool IsInsideRoot(const std::string& path);

 private:
  InputFile* LoadFile(const std::string& path, const std::string& display,
                      const std::string& type, const Location* declared_at);
  void ParseMarkdown(InputFile& file);
  void ParseJson(InputFile& file);
  void ResolveDependencies(InputFile& file,
                           const std::vector<DependencyEntry>& entries);
  std::string DisplayFor(const InputFile& declaring,
                         const std::string& declared) const;

  FileSystem& fs_;
  GraphSettings settings_;
  DiagnosticSink& sink_;
  std::optional<std::string> real_root_;
  std::map<std::string, std::unique_ptr<InputFile>> files_;
  std::vector<InputFile*> order_;
  std::vector<InputFile*> stack_;  ///< files being loaded, for cycles
};

}  // namespace agentgen

#endif  // AGENTGEN_DEPENDENCY_GRAPH_H_
