// SPDX-License-Identifier: MIT
#include "render.h"

#include <map>
#include <set>

#include "agpm_template.h"
#include "content_filter.h"
#include "dependency_content.h"
#include "dependency_graph.h"
#include "mustache_template.h"
#include "paths.h"
#include "project.h"
#include "sha256.h"
#include "source_text.h"
#include "template_context.h"

namespace agentgen {
namespace {

// Renders one source: owns the state its files share.
class SourceRenderer {
 public:
  SourceRenderer(FileSystem& fs, const RenderSettings& settings,
                 DiagnosticSink& sink)
      : fs_(fs), settings_(settings), sink_(sink) {}

  std::optional<RenderedSource> Render(const std::string& source,
                                       const OutputNamer& output_for);

 private:
  bool FindRoot(const std::string& source, const std::string& source_path);
  bool LoadProject();
  std::optional<std::string> ContentOf(const InputFile& file);
  std::optional<std::string> RenderTemplate(const InputFile& file,
                                            std::string_view text,
                                            size_t text_offset,
                                            const nlohmann::json& install_path,
                                            OffsetMap* offsets = nullptr);
  std::vector<RenderInput> Inputs(const DependencyGraph& graph,
                                  const ContentFilterReader& content) const;
  nlohmann::json ManifestDependencies(const DependencyGraph& graph) const;
  std::vector<McpServerDependency> McpServers(
      const DependencyGraph& graph) const;

  FileSystem& fs_;
  const RenderSettings& settings_;
  DiagnosticSink& sink_;

  std::string cwd_;
  std::string root_;          // absolute
  std::string root_display_;  // for naming files
  std::string root_manifest_;
  std::string project_path_;  // absolute; empty without a project file
  std::string project_sha256_;
  std::string project_directory_;
  std::string project_directory_display_;
  nlohmann::json project_ = nlohmann::json::object();

  ContentFilter content_filter_;
  std::map<const InputFile*, std::optional<std::string>> contents_;
};

bool SourceRenderer::FindRoot(const std::string& source,
                              const std::string& source_path) {
  if (settings_.root) {
    root_ = AbsoluteNormal(cwd_, *settings_.root);
    root_display_ = Normal(*settings_.root);
    root_manifest_ = *settings_.root;
    if (fs_.Stat(root_) != FileSystem::Kind::kDirectory) {
      sink_.Error({}, "root '" + *settings_.root + "' is not a folder");
      return false;
    }
    return true;
  }
  // The top of the git work tree holding the source, else its folder.
  root_ = ParentOf(source_path);
  for (std::string folder = root_;; folder = ParentOf(folder)) {
    if (fs_.Stat(JoinNormal(folder, ".git")) != FileSystem::Kind::kMissing) {
      root_ = folder;
      break;
    }
    if (folder == "/") break;
  }
  root_manifest_ = root_;
  bool relative = source.empty() || source[0] != '/';
  root_display_ = relative ? RelativeTo(root_, cwd_) : root_;
  return true;
}

bool SourceRenderer::LoadProject() {
  std::string display;
  if (settings_.project_file) {
    project_path_ = AbsoluteNormal(cwd_, *settings_.project_file);
    display = *settings_.project_file;
    if (fs_.Stat(project_path_) != FileSystem::Kind::kFile) {
      sink_.Error({},
                  "cannot read project file '" + display + "': no such file");
      return false;
    }
  } else {
    // A later agpm.toml is not a prerequisite of earlier renders: it was not
    // read (SPEC.md section 8); the build must be reconfigured to see it.
    std::string candidate = JoinNormal(root_, "agpm.toml");
    if (fs_.Stat(candidate) != FileSystem::Kind::kFile) {
      project_directory_ = root_;
      project_directory_display_ = root_display_;
      return true;
    }
    project_path_ = candidate;
    display = Normal(root_display_ + "/agpm.toml");
  }
  project_directory_ = ParentOf(project_path_);
  project_directory_display_ = ParentOf(display);

  if (!settings_.allow_outside_root) {
    std::optional<std::string> real_root = fs_.RealPath(root_);
    std::optional<std::string> real = fs_.RealPath(project_path_);
    if (!real_root || !real || !IsWithin(*real, *real_root)) {
      sink_.Error({}, "project file '" + display + "' lies outside the root '" +
                          root_display_ +
                          "' (pass --allow-outside-root to allow it)");
      return false;
    }
  }
  uint64_t size = 0;
  fs_.Stat(project_path_, &size);
  if (size > kMaxInputFileSize) {
    sink_.Error({}, "project file '" + display + "' is larger than " +
                        std::to_string(kMaxInputFileSize / (1024 * 1024)) +
                        " MiB, the limit on an input file");
    return false;
  }
  std::string bytes;
  std::string error;
  if (!fs_.ReadFile(project_path_, &bytes, &error)) {
    sink_.Error({}, "cannot read project file '" + display + "': " + error);
    return false;
  }
  project_sha256_ = Sha256Hex(bytes);
  if (!CheckInputBytes(bytes, display, sink_)) return false;
  std::optional<nlohmann::json> table =
      ParseProjectTable(bytes, display, sink_);
  if (!table) return false;
  project_ = std::move(*table);
  return true;
}

std::optional<std::string> SourceRenderer::ContentOf(const InputFile& file) {
  auto known = contents_.find(&file);
  if (known != contents_.end()) return known->second;
  std::optional<std::string> content;
  if (file.kind == FileKind::kMarkdown && file.dialect != Dialect::kNone) {
    std::string_view body = MarkdownBody(file);
    size_t offset = static_cast<size_t>(body.data() - file.text.data());
    content = RenderTemplate(file, body, offset, nullptr);
    // A rendered body loses its leading newlines and one final newline once
    // more; a `---` line at its start is not frontmatter any more.
    if (content) content = std::string(TrimBody(*content));
  } else {
    content = PlainContent(file);
  }
  contents_.emplace(&file, content);
  return content;
}

std::optional<std::string> SourceRenderer::RenderTemplate(
    const InputFile& file, std::string_view text, size_t text_offset,
    const nlohmann::json& install_path, OffsetMap* offsets) {
  nlohmann::json deps = EmptyDeps();
  std::map<std::string, std::string> partials;
  bool dependency_failed = false;
  for (const ResolvedDependency& dependency : file.dependencies) {
    // A dependency that failed was reported already; render on with an empty
    // text so the file's own errors still show, without repeating its.
    std::optional<std::string> content;
    if (dependency.file) content = ContentOf(*dependency.file);
    if (!content) dependency_failed = true;
    nlohmann::json object =
        dependency.file
            ? DependencyObject(dependency, content ? *content : std::string())
            : nlohmann::json{{"content", ""}};
    for (const std::string& key : dependency.keys) {
      deps[dependency.entry.category][key] = object;
      partials.emplace(key, content ? *content : std::string());
    }
  }
  nlohmann::json context = FullContext(
      project_, ResourceObject(file, install_path), std::move(deps));
  Locator locate = SliceLocator(file.display, file.text, text_offset);
  std::optional<std::string> rendered;
  if (file.dialect == Dialect::kAgpm) {
    std::optional<AgpmTemplate> parsed =
        AgpmTemplate::Parse(std::string(text), locate, sink_);
    if (parsed)
      rendered = parsed->Render(context, content_filter_, sink_, offsets);
  } else {
    rendered = RenderMustache(text, context, partials, locate, sink_);
    if (rendered && rendered->size() > kMaxRenderedSize) {
      sink_.Error(locate(0),
                  "the rendered text exceeds " +
                      std::to_string(kMaxRenderedSize / (1024 * 1024)) +
                      " MiB, the limit on one render's output");
      rendered.reset();
    }
  }
  if (dependency_failed) return std::nullopt;
  return rendered;
}

std::vector<RenderInput> SourceRenderer::Inputs(
    const DependencyGraph& graph, const ContentFilterReader& content) const {
  std::vector<RenderInput> inputs;
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const std::string& sha256,
                 const char* role) {
    if (seen.insert(path).second)
      inputs.push_back({path, RelativeTo(path, root_), sha256, role});
  };
  const std::vector<InputFile*>& files = graph.files();
  add(files[0]->path, files[0]->sha256, "source");
  if (!project_path_.empty()) add(project_path_, project_sha256_, "project");
  for (size_t i = 1; i < files.size(); ++i)
    add(files[i]->path, files[i]->sha256, "dependency");
  for (const ContentInput& input : content.inputs())
    add(input.path, input.sha256, "content");
  return inputs;
}

nlohmann::json SourceRenderer::ManifestDependencies(
    const DependencyGraph& graph) const {
  nlohmann::json dependencies = nlohmann::json::object();
  for (const InputFile* file : graph.files()) {
    nlohmann::json entries = nlohmann::json::array();
    for (const ResolvedDependency& dependency : file->dependencies) {
      const DependencyEntry& entry = dependency.entry;
      nlohmann::json item = {{"category", entry.category},
                             {"keys", dependency.keys},
                             {"path", dependency.file->relative},
                             {"declared_path", entry.path}};
      if (entry.name) item["name"] = *entry.name;
      if (!entry.version.is_null()) item["version"] = entry.version;
      if (!entry.tool.is_null()) item["tool"] = entry.tool;
      if (!entry.install.is_null()) item["install"] = entry.install;
      if (!entry.flatten.is_null()) item["flatten"] = entry.flatten;
      entries.push_back(std::move(item));
    }
    dependencies[file->relative] = std::move(entries);
  }
  return dependencies;
}

std::vector<McpServerDependency> SourceRenderer::McpServers(
    const DependencyGraph& graph) const {
  std::vector<McpServerDependency> servers;
  for (const InputFile* file : graph.files()) {
    for (const ResolvedDependency& dependency : file->dependencies) {
      if (dependency.entry.category != "mcp-servers" || !dependency.file)
        continue;
      const InputFile& json = *dependency.file;
      McpServerDependency server;
      server.name = dependency.entry.name ? *dependency.entry.name
                                          : StemOf(dependency.entry.path);
      server.path = json.path;
      server.display = json.display;
      server.relative = json.relative;
      server.bytes = json.bytes;
      server.is_json = json.kind == FileKind::kJson;
      server.value = json.json;
      server.declared_at = dependency.entry.where;
      servers.push_back(std::move(server));
    }
  }
  return servers;
}

std::optional<RenderedSource> SourceRenderer::Render(
    const std::string& source, const OutputNamer& output_for) {
  int errors_before = sink_.error_count();
  cwd_ = fs_.CurrentDirectory();
  std::string source_path = AbsoluteNormal(cwd_, source);
  switch (fs_.Stat(source_path)) {
    case FileSystem::Kind::kFile:
      break;
    case FileSystem::Kind::kMissing:
      sink_.Error({}, "cannot read '" + source + "': no such file");
      return std::nullopt;
    default:
      sink_.Error({}, "cannot read '" + source + "': not a regular file");
      return std::nullopt;
  }
  if (!FindRoot(source, source_path) || !LoadProject()) return std::nullopt;
  for (const auto& [name, value] : settings_.defines)
    ApplyDefine(project_, name, value);

  ContentFilterReader content(fs_, project_directory_,
                              project_directory_display_, sink_);
  content_filter_ = [&content](const std::string& path, const Location& where) {
    return content.Read(path, where);
  };

  std::string install_path = output_for(RelativeTo(source_path, root_));
  GraphSettings graph_settings;
  graph_settings.root = root_;
  graph_settings.root_display = root_display_;
  graph_settings.project = project_;
  graph_settings.allow_outside_root = settings_.allow_outside_root;
  graph_settings.install_path = install_path;
  graph_settings.content_filter = content_filter_;
  DependencyGraph graph(fs_, std::move(graph_settings), sink_);

  if (!settings_.allow_outside_root && !graph.IsInsideRoot(source_path)) {
    sink_.Error({}, "'" + source + "' lies outside the root '" + root_display_ +
                        "' (pass --allow-outside-root to allow it)");
    return std::nullopt;
  }
  InputFile* file = graph.Load(source_path, source, settings_.type);
  if (!file) return std::nullopt;

  RenderedSource result;
  result.dialect = file->dialect;
  result.output = install_path;
  if (file->dialect == Dialect::kNone) {
    result.text = file->bytes;
  } else {
    result.source_text = file->text;
    OffsetMap offsets;
    std::optional<std::string> text =
        RenderTemplate(*file, file->text, 0, install_path, &offsets);
    if (text) result.text = std::move(*text);
    if (file->dialect == Dialect::kAgpm) result.offsets = std::move(offsets);
  }
  if (sink_.error_count() > errors_before) return std::nullopt;

  result.root = root_manifest_;
  result.source = file->relative;
  result.inputs = Inputs(graph, content);
  result.dependencies = ManifestDependencies(graph);
  result.project = project_;
  result.mcp_servers = McpServers(graph);
  return result;
}

}  // namespace

std::optional<RenderedSource> RenderSource(FileSystem& fs,
                                           const RenderSettings& settings,
                                           const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink) {
  SourceRenderer renderer(fs, settings, sink);
  return renderer.Render(source, output_for);
}

}  // namespace agentgen
