// SPDX-License-Identifier: MIT
#include "render/render_session.h"

#include <map>
#include <set>

#include "base/paths.h"
#include "base/sha256.h"
#include "context/content_filter.h"
#include "context/dependency_content.h"
#include "context/template_context.h"
#include "engines/agpm/agpm_template.h"
#include "engines/mustache/mustache_template.h"
#include "inputs/dependency_graph.h"
#include "inputs/project.h"
#include "inputs/source_text.h"

namespace agentgen {

// Renders sources one after another, keeping what they share.
class RenderSession::Impl {
 public:
  Impl(FileReader& fs, RenderSettings settings)
      : fs_(fs), settings_(std::move(settings)) {}

  std::optional<RenderedSource> Render(const std::string& source,
                                       const OutputNamer& output_for,
                                       DiagnosticSink& sink);

 private:
  struct KeptContent {
    std::optional<std::string> text;
    std::vector<ContentInput> reads;  ///< `content` filter reads it made
    WorkCost cost;                    ///< what rendering it took
  };

  std::optional<RenderedSource> RenderOnce(const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink);

  bool FindRoot(const std::string& source, const std::string& source_path);
  bool LoadProject();
  void Prepare();
  void Forget();
  // The kept content of a dependency, or null when it failed. Kept contents
  // live as long as the session (std::map nodes do not move).
  const std::string* ContentOf(InputFile& file);
  std::optional<std::string> RenderTemplate(const InputFile& file,
                                            std::string_view text,
                                            size_t text_offset,
                                            const nlohmann::json& install_path,
                                            OffsetMap* offsets = nullptr);
  std::vector<RenderInput> Inputs(
      const std::vector<const InputFile*>& files,
      const std::vector<ContentInput>& render_reads) const;
  nlohmann::json ManifestDependencies(
      const std::vector<const InputFile*>& files) const;
  std::vector<McpServerDependency> McpServers(
      const std::vector<const InputFile*>& files) const;

  FileReader& fs_;
  const RenderSettings settings_;
  DiagnosticSink* sink_ = nullptr;  // the current render's
  WorkBudget* budget_ = nullptr;    // the current render's
  // A kept content did not fit the current render's budget: a fresh render
  // would have stopped inside it, at a place only rendering it again shows.
  bool kept_content_over_budget_ = false;

  std::string cwd_;
  std::string root_;          // absolute
  std::string root_display_;  // for naming files
  std::string root_manifest_;
  std::string project_path_;  // absolute; empty without a project file
  std::string project_sha256_;
  std::string project_directory_;
  std::string project_directory_display_;
  nlohmann::json project_ = nlohmann::json::object();

  // What the sources of a batch share, valid while root and project file
  // stay the same: dependencies read and parsed, `content` filter reads, and
  // dependency contents (with the `content` reads they made).
  std::string shared_key_;
  std::string loaded_project_path_;
  nlohmann::json project_table_;  // before -D
  std::unique_ptr<ContentFilterReader> reader_;
  std::unique_ptr<DependencyGraph> graph_;
  ContentFilter content_filter_;
  std::map<std::string, KeptContent> contents_;
};

bool RenderSession::Impl::FindRoot(const std::string& source,
                                   const std::string& source_path) {
  if (settings_.root) {
    root_ = AbsoluteNormal(cwd_, *settings_.root);
    root_display_ = Normal(*settings_.root);
    root_manifest_ = *settings_.root;
    if (fs_.Stat(root_) != FileReader::Kind::kDirectory) {
      sink_->Error({}, "root '" + *settings_.root + "' is not a folder");
      return false;
    }
    return true;
  }
  // The top of the git work tree holding the source, else its folder.
  root_ = ParentOf(source_path);
  for (std::string folder = root_;; folder = ParentOf(folder)) {
    if (fs_.Stat(JoinNormal(folder, ".git")) != FileReader::Kind::kMissing) {
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

bool RenderSession::Impl::LoadProject() {
  std::string display;
  project_path_.clear();
  if (settings_.project_file) {
    project_path_ = AbsoluteNormal(cwd_, *settings_.project_file);
    display = *settings_.project_file;
    if (fs_.Stat(project_path_) != FileReader::Kind::kFile) {
      sink_->Error({},
                   "cannot read project file '" + display + "': no such file");
      return false;
    }
  } else {
    // A later agpm.toml is not a prerequisite of earlier renders: it was not
    // read (SPEC.md section 8); the build must be reconfigured to see it.
    std::string candidate = JoinNormal(root_, "agpm.toml");
    if (fs_.Stat(candidate) != FileReader::Kind::kFile) {
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
      sink_->Error({}, "project file '" + display +
                           "' lies outside the root '" + root_display_ +
                           "' (pass --allow-outside-root to allow it)");
      return false;
    }
  }
  // A batch reads the project file once.
  if (project_path_ == loaded_project_path_) return true;
  uint64_t size = 0;
  fs_.Stat(project_path_, &size);
  if (size > kMaxInputFileSize) {
    sink_->Error({}, "project file '" + display + "' is larger than " +
                         std::to_string(kMaxInputFileSize / (1024 * 1024)) +
                         " MiB, the limit on an input file");
    return false;
  }
  std::string bytes;
  std::string error;
  if (!fs_.ReadFile(project_path_, &bytes, &error)) {
    sink_->Error({}, "cannot read project file '" + display + "': " + error);
    return false;
  }
  project_sha256_ = Sha256Hex(bytes);
  if (!CheckInputBytes(bytes, display, *sink_)) return false;
  std::optional<nlohmann::json> table =
      ParseProjectTable(bytes, display, *sink_);
  if (!table) return false;
  project_table_ = std::move(*table);
  loaded_project_path_ = project_path_;
  return true;
}

void RenderSession::Impl::Prepare() {
  std::string key = root_ + '\0' + root_display_ + '\0' + project_path_;
  if (graph_ && key == shared_key_) return;
  shared_key_ = key;
  project_ = project_path_.empty() ? nlohmann::json::object() : project_table_;
  for (const auto& [name, value] : settings_.defines)
    ApplyDefine(project_, name, value);
  reader_ = std::make_unique<ContentFilterReader>(fs_, project_directory_,
                                                  project_directory_display_);
  ContentFilterReader* reader = reader_.get();
  content_filter_ = [reader](const std::string& path, const Location& where) {
    return reader->Read(path, where);
  };
  GraphSettings graph_settings;
  graph_settings.root = root_;
  graph_settings.root_display = root_display_;
  graph_settings.project = project_;
  graph_settings.allow_outside_root = settings_.allow_outside_root;
  graph_settings.content = reader;
  graph_ = std::make_unique<DependencyGraph>(fs_, std::move(graph_settings));
  contents_.clear();
}

// After a failed render nothing is kept, so that the next source meeting the
// same broken file reports it again.
void RenderSession::Impl::Forget() {
  if (graph_) graph_->Clear();
  if (reader_) reader_->Clear();
  contents_.clear();
}

const std::string* RenderSession::Impl::ContentOf(InputFile& file) {
  std::string key = file.path + '\0' + file.type + '\0' + file.display;
  auto known = contents_.find(key);
  if (known != contents_.end()) {
    // Reused, it costs the render what rendering it again would.
    if (!budget_->Take(known->second.cost)) {
      kept_content_over_budget_ = true;
      return nullptr;
    }
    reader_->Replay(known->second.reads);
    return known->second.text ? &*known->second.text : nullptr;
  }
  KeptContent kept;
  WorkCost spent_before = budget_->spent();
  reader_->BeginRecording(&kept.reads);
  if (file.kind == FileKind::kMarkdown && file.dialect != Dialect::kNone) {
    std::string_view body = MarkdownBody(file);
    size_t offset = static_cast<size_t>(body.data() - file.text.data());
    kept.text = RenderTemplate(file, body, offset, nullptr);
    // A rendered body loses its leading newlines and one final newline once
    // more; a `---` line at its start is not frontmatter any more.
    if (kept.text) kept.text = std::string(TrimBody(*kept.text));
  } else {
    kept.text = PlainContent(file);
  }
  reader_->EndRecording();
  kept.cost = budget_->SpentSince(spent_before);
  // The content is kept, so the text it came from is not needed again; a
  // large batch would otherwise hold every snippet twice.
  std::string().swap(file.text);
  const std::optional<std::string>& text =
      contents_.emplace(key, std::move(kept)).first->second.text;
  return text ? &*text : nullptr;
}

std::optional<std::string> RenderSession::Impl::RenderTemplate(
    const InputFile& file, std::string_view text, size_t text_offset,
    const nlohmann::json& install_path, OffsetMap* offsets) {
  nlohmann::json deps = EmptyDeps();
  std::map<std::string, std::string> partials;
  bool dependency_failed = false;
  const std::string no_content;
  for (const ResolvedDependency& dependency : file.dependencies) {
    // A dependency that failed was reported already; render on with an empty
    // text so the file's own errors still show, without repeating its.
    const std::string* content =
        dependency.file ? ContentOf(*dependency.file) : nullptr;
    if (!content) dependency_failed = true;
    const std::string& text_of_dependency = content ? *content : no_content;
    nlohmann::json object =
        dependency.file ? DependencyObject(dependency, text_of_dependency)
                        : nlohmann::json{{"content", ""}};
    nlohmann::json& category = deps[dependency.entry.category];
    for (size_t i = 0; i < dependency.keys.size(); ++i) {
      const std::string& key = dependency.keys[i];
      // The object holds the whole content: the last key takes it.
      if (i + 1 == dependency.keys.size()) {
        category[key] = std::move(object);
      } else {
        category[key] = object;
      }
      // Only Mustache has partials; the AGPM dialect would just copy texts.
      if (file.dialect == Dialect::kMustache)
        partials.emplace(key, text_of_dependency);
    }
  }
  nlohmann::json context = FullContext(
      project_, ResourceObject(file, install_path), std::move(deps));
  Locator locate = SliceLocator(file.display, file.text, text_offset);
  std::optional<std::string> rendered;
  if (file.dialect == Dialect::kAgpm) {
    std::optional<AgpmTemplate> parsed =
        AgpmTemplate::Parse(std::string(text), locate, *sink_);
    if (parsed) {
      rendered =
          parsed->Render(context, content_filter_, *sink_, offsets, budget_);
    }
  } else {
    MustacheOptions options;
    options.budget = budget_;
    rendered = RenderMustache(text, context, partials, locate, *sink_, options);
  }
  if (dependency_failed) return std::nullopt;
  return rendered;
}

std::vector<RenderInput> RenderSession::Impl::Inputs(
    const std::vector<const InputFile*>& files,
    const std::vector<ContentInput>& render_reads) const {
  std::vector<RenderInput> inputs;
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const std::string& sha256,
                 const char* role) {
    if (seen.insert(path).second)
      inputs.push_back({path, RelativeTo(path, root_), sha256, role});
  };
  add(files[0]->path, files[0]->sha256, "source");
  if (!project_path_.empty()) add(project_path_, project_sha256_, "project");
  for (size_t i = 1; i < files.size(); ++i)
    add(files[i]->path, files[i]->sha256, "dependency");
  // `content` files in the order a fresh render first reads them: the
  // frontmatter pre-passes while loading, then the render itself.
  for (const InputFile* file : files) {
    for (const ContentInput& input : file->prepass_reads)
      add(input.path, input.sha256, "content");
  }
  for (const ContentInput& input : render_reads)
    add(input.path, input.sha256, "content");
  return inputs;
}

nlohmann::json RenderSession::Impl::ManifestDependencies(
    const std::vector<const InputFile*>& files) const {
  nlohmann::json dependencies = nlohmann::json::object();
  for (const InputFile* file : files) {
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

std::vector<McpServerDependency> RenderSession::Impl::McpServers(
    const std::vector<const InputFile*>& files) const {
  std::vector<McpServerDependency> servers;
  for (const InputFile* file : files) {
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

// One budget covers the whole render of a source: its pre-passes, its
// dependencies' contents and its body. What a batch reuses is charged as if
// rendered again, so a batch stops where one process per source would; when
// something reused does not fit, the source is rendered again from nothing,
// which reports the limit where a fresh process reports it.
std::optional<RenderedSource> RenderSession::Impl::Render(
    const std::string& source, const OutputNamer& output_for,
    DiagnosticSink& sink) {
  DiagnosticSink attempt;
  std::optional<RenderedSource> result =
      RenderOnce(source, output_for, attempt);
  if (kept_content_over_budget_ || (graph_ && graph_->kept_over_budget())) {
    Forget();
    attempt = DiagnosticSink();
    result = RenderOnce(source, output_for, attempt);
  }
  for (const Diagnostic& diagnostic : attempt.diagnostics())
    sink.Report(diagnostic);
  return result;
}

std::optional<RenderedSource> RenderSession::Impl::RenderOnce(
    const std::string& source, const OutputNamer& output_for,
    DiagnosticSink& sink) {
  sink_ = &sink;
  WorkBudget budget(settings_.max_steps, settings_.max_mstch_operations);
  budget_ = &budget;
  kept_content_over_budget_ = false;
  int errors_before = sink.error_count();
  if (cwd_.empty()) cwd_ = fs_.CurrentDirectory();
  std::string source_path = AbsoluteNormal(cwd_, source);
  switch (fs_.Stat(source_path)) {
    case FileReader::Kind::kFile:
      break;
    case FileReader::Kind::kMissing:
      sink.Error({}, "cannot read '" + source + "': no such file");
      return std::nullopt;
    default:
      sink.Error({}, "cannot read '" + source + "': not a regular file");
      return std::nullopt;
  }
  if (!FindRoot(source, source_path) || !LoadProject()) return std::nullopt;
  Prepare();
  reader_->SetSink(sink);

  if (!settings_.allow_outside_root && !graph_->IsInsideRoot(source_path)) {
    sink.Error({}, "'" + source + "' lies outside the root '" + root_display_ +
                       "' (pass --allow-outside-root to allow it)");
    return std::nullopt;
  }
  std::string install_path = output_for(RelativeTo(source_path, root_));
  InputFile* file = graph_->LoadSource(source_path, source, settings_.type,
                                       install_path, sink, budget);
  RenderedSource result;
  std::vector<ContentInput> render_reads;
  if (file) {
    result.dialect = file->dialect;
    result.output = install_path;
    if (file->dialect == Dialect::kNone) {
      result.text = file->bytes;
    } else {
      result.source_text = file->text;
      OffsetMap offsets;
      reader_->BeginRecording(&render_reads);
      std::optional<std::string> text =
          RenderTemplate(*file, file->text, 0, install_path, &offsets);
      reader_->EndRecording();
      if (text) result.text = std::move(*text);
      if (file->dialect == Dialect::kAgpm) result.offsets = std::move(offsets);
    }
  }
  if (!file || sink.error_count() > errors_before ||
      kept_content_over_budget_ || graph_->kept_over_budget()) {
    Forget();
    return std::nullopt;
  }

  std::vector<const InputFile*> files = DependencyGraph::FilesOf(*file);
  result.root = root_manifest_;
  result.source = file->relative;
  result.inputs = Inputs(files, render_reads);
  result.dependencies = ManifestDependencies(files);
  result.project = project_;
  result.mcp_servers = McpServers(files);
  return result;
}

RenderSession::RenderSession(FileReader& fs, RenderSettings settings)
    : impl_(std::make_unique<Impl>(fs, std::move(settings))) {}

RenderSession::~RenderSession() = default;

std::optional<RenderedSource> RenderSession::Render(
    const std::string& source, const OutputNamer& output_for,
    DiagnosticSink& sink) {
  return impl_->Render(source, output_for, sink);
}

std::optional<RenderedSource> RenderSource(FileReader& fs,
                                           const RenderSettings& settings,
                                           const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink) {
  return RenderSession(fs, settings).Render(source, output_for, sink);
}

}  // namespace agentgen
