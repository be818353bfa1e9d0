// SPDX-License-Identifier: MIT
#include "inputs/workspace.h"

#include <utility>

#include "base/paths.h"
#include "inputs/project.h"

namespace agentgen {

std::string DefaultRoot(FileReader& fs, const std::string& source_path) {
  for (std::string folder = ParentOf(source_path);; folder = ParentOf(folder)) {
    if (fs.Stat(JoinNormal(folder, ".git")) != FileReader::Kind::kMissing)
      return folder;
    if (folder == "/") break;
  }
  return ParentOf(source_path);
}

WorkspaceFinder::WorkspaceFinder(FileReader& fs, WorkspaceOptions options)
    : fs_(fs), options_(std::move(options)) {}

std::optional<Workspace> WorkspaceFinder::Find(const std::string& source,
                                               const std::string& source_path,
                                               DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "project");
  if (cwd_.empty()) cwd_ = fs_.CurrentDirectory();
  Workspace workspace;
  if (!FindRoot(source, source_path, &workspace, sink) ||
      !LoadProject(&workspace, sink)) {
    return std::nullopt;
  }
  workspace.project =
      workspace.project_path.empty() ? nlohmann::json::object() : loaded_table_;
  workspace.layout = workspace.project_path.empty() ? InstallLayout::BuiltIn()
                                                    : loaded_layout_;
  for (const auto& [name, value] : options_.defines)
    ApplyDefine(workspace.project, name, value);
  return workspace;
}

bool WorkspaceFinder::FindRoot(const std::string& source,
                               const std::string& source_path,
                               Workspace* workspace, DiagnosticSink& sink) {
  ReadArea& root = workspace->root;
  root.confined = !options_.allow_outside_root;
  if (options_.root) {
    root.path = AbsoluteNormal(cwd_, *options_.root);
    root.display = Normal(*options_.root);
    workspace->root_for_manifest = *options_.root;
    if (fs_.Stat(root.path) != FileReader::Kind::kDirectory) {
      sink.Error({}, "root '" + *options_.root + "' is not a folder");
      return false;
    }
    return true;
  }
  root.path = DefaultRoot(fs_, source_path);
  workspace->root_for_manifest = root.path;
  bool relative = source.empty() || source[0] != '/';
  root.display = relative ? RelativeTo(root.path, cwd_) : root.path;
  return true;
}

bool WorkspaceFinder::LoadProject(Workspace* workspace, DiagnosticSink& sink) {
  const ReadArea& root = workspace->root;
  InputToRead project;
  project.role = InputRole::kProjectFile;
  uint64_t size = 0;
  if (options_.project_file) {
    project.path = AbsoluteNormal(cwd_, *options_.project_file);
    project.display = *options_.project_file;
    if (!StatInput(fs_, project, sink, &size)) return false;
  } else {
    // A later agpm.toml is not a prerequisite of earlier renders: it was not
    // read (docs/command-line.md, "Depfile"); the build must be reconfigured
    // to see it.
    project.path = JoinNormal(root.path, "agpm.toml");
    if (fs_.Stat(project.path, &size) != FileReader::Kind::kFile) {
      workspace->project_directory = root;
      return true;
    }
    project.display = Normal(root.display + "/agpm.toml");
  }
  workspace->project_path = project.path;
  workspace->project_directory.path = ParentOf(project.path);
  workspace->project_directory.display = ParentOf(project.display);
  if (!ConfineInput(fs_, project, workspace->root, sink)) return false;
  // A batch reads the project file once.
  const std::shared_ptr<const PreloadedProject>& preloaded =
      options_.preloaded_project;
  if (project.path != loaded_path_ && preloaded &&
      preloaded->path == project.path) {
    loaded_path_ = project.path;
    loaded_sha256_ = preloaded->sha256;
    loaded_table_ = preloaded->file.project;
    loaded_layout_ = preloaded->file.layout;
  } else if (project.path != loaded_path_) {
    InputBytes read = ReadInput(fs_, project, size, sink);
    if (!read.ok) return false;
    std::optional<ProjectFile> file =
        ParseProjectFile(read.bytes, project.display, sink);
    if (!file) return false;
    loaded_path_ = project.path;
    loaded_sha256_ = read.sha256;
    loaded_table_ = std::move(file->project);
    loaded_layout_ = std::move(file->layout);
  }
  workspace->project_sha256 = loaded_sha256_;
  return true;
}

}  // namespace agentgen
