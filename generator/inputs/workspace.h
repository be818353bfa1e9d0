// SPDX-License-Identifier: MIT
// Where a source renders (docs/command-line.md, "agentgen render"): its root,
// which bounds every read and anchors root-relative paths, and its project
// file, whose `[project]` table (with the command line's -D definitions on
// top) is `agpm.project`.
#ifndef AGENTGEN_INPUTS_WORKSPACE_H_
#define AGENTGEN_INPUTS_WORKSPACE_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "inputs/input_reader.h"
#include "inputs/install_layout.h"
#include "inputs/project.h"

namespace agentgen {

/// A project file already read and parsed: sync reads its manifest once
/// and hands it to every session it renders with.
struct PreloadedProject {
  std::string path;  ///< absolute, lexically normal
  std::string sha256;
  ProjectFile file;
};

/// The command line's say in it.
struct WorkspaceOptions {
  std::optional<std::string> root;          ///< --root as given
  std::optional<std::string> project_file;  ///< --project-file as given
  /// -D (a string) and --var (a TOML value), in command-line order.
  std::vector<std::pair<std::string, nlohmann::json>> defines;
  /// --context-var: top-level template names.
  nlohmann::json context_variables = nlohmann::json::object();
  bool allow_outside_root = false;
  /// Used instead of reading and parsing the project file again when the
  /// project file is at its path.
  std::shared_ptr<const PreloadedProject> preloaded_project;
};

struct Workspace {
  /// The root: absolute; displayed as given, or relative to the working
  /// directory when found for a source given as a relative path.
  ReadArea root;
  std::string root_for_manifest;  ///< as given, or absolute when found
  /// The project file: absolute, empty when there is none.
  std::string project_path;
  std::string project_sha256;
  /// The folder the `content` filter reads in: the project file's, else the
  /// root.
  ReadArea project_directory;
  nlohmann::json project;  ///< the merged project table
  /// Where files install (the built-in layout unless the project file's
  /// `[tools]` replaces it).
  InstallLayout layout = InstallLayout::BuiltIn();
};

/// The root of a source when no --root is given: the top of the git work
/// tree holding `source_path` (absolute), else the source's folder.
std::string DefaultRoot(FileReader& fs, const std::string& source_path);

/// Finds the workspace of each source. The project file is read and parsed
/// once for all the sources that share it (a batch).
class WorkspaceFinder {
 public:
  WorkspaceFinder(FileReader& fs, WorkspaceOptions options);

  /// The workspace of `source` (as given; `source_path` absolute): the
  /// --root, else the top of the git work tree holding the source, else its
  /// folder; the --project-file, else `<root>/agpm.toml` when it exists.
  /// Reports problems to `sink` and returns nullopt.
  std::optional<Workspace> Find(const std::string& source,
                                const std::string& source_path,
                                DiagnosticSink& sink);

 private:
  bool FindRoot(const std::string& source, const std::string& source_path,
                Workspace* workspace, DiagnosticSink& sink);
  bool LoadProject(Workspace* workspace, DiagnosticSink& sink);

  FileReader& fs_;
  const WorkspaceOptions options_;
  std::string cwd_;
  // The project file read last, and its table before -D.
  std::string loaded_path_;
  std::string loaded_sha256_;
  nlohmann::json loaded_table_;
  InstallLayout loaded_layout_ = InstallLayout::BuiltIn();
};

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_WORKSPACE_H_
