// SPDX-License-Identifier: MIT
#include "render/render_session.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "base/paths.h"
#include "context/content_filter.h"
#include "context/dependency_content.h"
#include "context/template_context.h"
#include "engines/agpm/agpm_template.h"
#include "engines/mustache/mustache_template.h"
#include "inputs/dependency_graph.h"
#include "inputs/frontmatter.h"
#include "inputs/input_reader.h"
#include "inputs/install_layout.h"
#include "inputs/templating_switch.h"
#include "inputs/yaml_frontmatter.h"
#include "render/frontmatter_prepass.h"

namespace agentgen {

// Renders sources one after another, keeping what they share.
class RenderSession::Impl {
 public:
  Impl(FileReader& fs, RenderSettings settings)
      : fs_(fs), settings_(std::move(settings)), workspaces_(fs, settings_) {}

  std::optional<RenderedSource> Render(const std::string& source,
                                       const ResourceOptions& resource,
                                       const OutputNamer& output_for,
                                       DiagnosticSink& sink);

 private:
  // One source's render: where its diagnostics go, and the one budget its
  // pre-passes, dependency contents and body all draw on.
  struct Call {
    DiagnosticSink& sink;
    WorkBudget& budget;
    // Something kept did not fit the budget: a fresh render would have
    // stopped inside it, at a place only rendering it again shows.
    bool kept_over_budget = false;
  };

  struct KeptContent {
    std::optional<std::string> text;
    std::vector<ContentInput> reads;  ///< `content` filter reads it made
    WorkCost cost;                    ///< what rendering it took
  };

  // What the sources of a batch share while their workspace stays the same:
  // dependencies read and parsed, `content` filter reads, and dependency
  // contents (with the `content` reads they made).
  struct Shared {
    std::string key;
    Workspace workspace;
    std::unique_ptr<ContentFilterReader> reader;
    std::unique_ptr<AgpmFrontmatterPrepass> prepass;
    std::unique_ptr<DependencyGraph> graph;
    ContentFilter content_filter;
    std::map<std::string, KeptContent> contents;
  };

  std::optional<RenderedSource> RenderOnce(const std::string& source,
                                           const OutputNamer& output_for,
                                           Call& call);
  void Share(Workspace workspace);
  void Forget();
  // The kept content of a dependency, or null when it failed. Kept contents
  // live as long as the session (std::map nodes do not move).
  const std::string* ContentOf(InputFile& file, Call& call);
  // `agpm.deps` of `file` (and its Mustache partials): each direct
  // dependency's content rendered. Sets `*failed` when one failed.
  nlohmann::json Deps(const InputFile& file,
                      std::map<std::string, std::string>* partials,
                      bool* failed, Call& call);
  std::optional<std::string> RenderTemplate(const InputFile& file,
                                            std::string_view text,
                                            size_t text_offset, Call& call,
                                            OffsetMap* offsets = nullptr);
  std::optional<std::string> RenderUntemplated(const InputFile& file,
                                               Call& call,
                                               RenderedSource* result);
  enum class Outcome { kRendered, kUnchanged, kFailed };
  Outcome RenderFrontmatter(const InputFile& file, std::string_view trimmed,
                            nlohmann::json deps, Call& call,
                            std::string* rendered, OffsetMap* output_map);
  std::optional<std::string> SourceTool(Call& call) const;
  std::vector<RenderInput> Inputs(
      const RenderFiles& files,
      const std::vector<ContentInput>& render_reads) const;

  FileReader& fs_;
  const RenderSettings settings_;
  ResourceOptions resource_;  // of the source being rendered
  WorkspaceFinder workspaces_;
  std::string cwd_;
  Shared shared_;
};

void RenderSession::Impl::Share(Workspace workspace) {
  std::string key = workspace.root.path + '\0' + workspace.root.display + '\0' +
                    workspace.project_path;
  if (shared_.graph && key == shared_.key) return;
  Shared& shared = shared_;
  shared.key = std::move(key);
  shared.workspace = std::move(workspace);
  shared.reader = std::make_unique<ContentFilterReader>(
      fs_, shared.workspace.project_directory);
  ContentFilterReader* reader = shared.reader.get();
  shared.content_filter = [reader](const std::string& path,
                                   const Location& where,
                                   DiagnosticSink& sink) {
    return reader->Read(path, where, sink);
  };
  shared.prepass = std::make_unique<AgpmFrontmatterPrepass>(
      shared.workspace.project, *reader, settings_.context_variables);
  GraphSettings graph_settings;
  graph_settings.root = shared.workspace.root;
  graph_settings.prepass = shared.prepass.get();
  graph_settings.layout = &shared.workspace.layout;
  graph_settings.project_directory = shared.workspace.project_directory.path;
  shared.graph =
      std::make_unique<DependencyGraph>(fs_, std::move(graph_settings));
  shared.contents.clear();
}

// After a failed render nothing is kept, so that the next source meeting the
// same broken file reports it again.
void RenderSession::Impl::Forget() {
  if (shared_.graph) shared_.graph->Clear();
  if (shared_.reader) shared_.reader->Clear();
  shared_.contents.clear();
}

const std::string* RenderSession::Impl::ContentOf(InputFile& file, Call& call) {
  ContentFilterReader& reader = *shared_.reader;
  std::string key =
      file.path + '\0' + file.type + '\0' + file.tool + '\0' + file.display;
  auto known = shared_.contents.find(key);
  if (known != shared_.contents.end()) {
    // Reused, it costs the render what rendering it again would.
    if (!call.budget.Take(known->second.cost)) {
      call.kept_over_budget = true;
      return nullptr;
    }
    reader.Replay(known->second.reads);
    return known->second.text ? &*known->second.text : nullptr;
  }
  KeptContent kept;
  WorkCost spent_before = call.budget.spent();
  reader.BeginRecording(&kept.reads);
  if (file.kind == FileKind::kMarkdown && file.dialect != Dialect::kNone) {
    std::string_view body = MarkdownBody(file);
    size_t offset = static_cast<size_t>(body.data() - file.text.data());
    kept.text = RenderTemplate(file, body, offset, call);
    // A rendered body loses its leading newlines and one final newline once
    // more; a `---` line at its start is not frontmatter any more.
    if (kept.text) kept.text = std::string(TrimBody(*kept.text));
  } else {
    kept.text = PlainContent(file);
  }
  reader.EndRecording();
  kept.cost = call.budget.SpentSince(spent_before);
  // The content is kept, so the text it came from is not needed again; a
  // large batch would otherwise hold every snippet twice.
  std::string().swap(file.text);
  const std::optional<std::string>& text =
      shared_.contents.emplace(key, std::move(kept)).first->second.text;
  return text ? &*text : nullptr;
}

nlohmann::json RenderSession::Impl::Deps(
    const InputFile& file, std::map<std::string, std::string>* partials,
    bool* failed, Call& call) {
  // Only categories with a dependency are present, as in AGPM.
  nlohmann::json deps = nlohmann::json::object();
  const std::string no_content;
  for (const ResolvedDependency& dependency : file.dependencies) {
    // A dependency that failed was reported already; render on with an empty
    // text so the file's own errors still show, without repeating its.
    const std::string* content =
        dependency.file ? ContentOf(*dependency.file, call) : nullptr;
    if (!content) *failed = true;
    const std::string& text_of_dependency = content ? *content : no_content;
    nlohmann::json object =
        dependency.file ? DependencyObject(dependency, text_of_dependency)
                        : nlohmann::json{{"content", ""}};
    nlohmann::json& category = deps[dependency.entry.category];
    // A dependency has one key or two (its stem, and a `name:`). The object
    // holds the whole content: the last key takes it, the first a copy.
    const std::vector<std::string>& keys = dependency.keys;
    if (keys.size() > 1) category[keys.front()] = object;
    category[keys.back()] = std::move(object);
    // Only Mustache has partials; the AGPM dialect would just copy texts.
    if (partials) {
      for (const std::string& key : keys)
        partials->emplace(key, text_of_dependency);
    }
  }
  return deps;
}

std::optional<std::string> RenderSession::Impl::RenderTemplate(
    const InputFile& file, std::string_view text, size_t text_offset,
    Call& call, OffsetMap* offsets) {
  std::map<std::string, std::string> partials;
  bool dependency_failed = false;
  nlohmann::json deps =
      Deps(file, file.dialect == Dialect::kMustache ? &partials : nullptr,
           &dependency_failed, call);
  nlohmann::json context = FullContext(shared_.workspace.project,
                                       ResourceObject(file), std::move(deps));
  AddContextVariables(&context, settings_.context_variables, false);
  Locator locate = SliceLocator(file.display, file.text, text_offset);
  std::optional<std::string> rendered;
  if (file.dialect == Dialect::kAgpm) {
    std::optional<AgpmTemplate> parsed =
        AgpmTemplate::Parse(std::string(text), locate, call.sink);
    if (parsed) {
      rendered = parsed->Render(context, shared_.content_filter, call.sink,
                                offsets, &call.budget);
    }
  } else {
    MustacheOptions options;
    options.budget = &call.budget;
    rendered =
        RenderMustache(text, context, partials, locate, call.sink, options);
  }
  if (dependency_failed) return std::nullopt;
  return rendered;
}

// The tool of the rendered file: --tool, else its type's default. Either
// must have a place for the type (docs/command-line.md, "--tool").
std::optional<std::string> RenderSession::Impl::SourceTool(Call& call) const {
  const InstallLayout& layout = shared_.workspace.layout;
  std::string category = CategoryOfType(resource_.type);
  std::string tool =
      resource_.tool ? *resource_.tool : layout.DefaultTool(category);
  if (std::optional<std::string> problem =
          ToolProblem(layout, tool, category)) {
    call.sink.Error(
        {},
        (resource_.tool ? "--tool: "
                        : "the default tool of " + category + ": ") +
            *problem,
        "project.tools");
    return std::nullopt;
  }
  return tool;
}

namespace {

// The first error of `scratch` as a warning in `sink`, explaining that the
// file is copied unchanged.
void ReportAsWarning(const DiagnosticSink& scratch, const std::string& why,
                     DiagnosticSink& sink) {
  for (Diagnostic diagnostic : scratch.diagnostics()) {
    if (diagnostic.severity != Severity::kError) continue;
    diagnostic.severity = Severity::kWarning;
    diagnostic.message += why;
    diagnostic.rule = "render.frontmatter-fallback";
    sink.Report(std::move(diagnostic));
    return;
  }
}

}  // namespace

// An untemplated Markdown source (docs/templates.md, "Which files are
// templates"; AGPM's render_resource_content): its frontmatter, trimmed, is
// rendered with the full context and written between `---` lines, then the
// body as it is. Where AGPM would silently fall back to the file as it is,
// so does this, with a warning.
std::optional<std::string> RenderSession::Impl::RenderUntemplated(
    const InputFile& file, Call& call, RenderedSource* result) {
  const Frontmatter& parts = file.frontmatter;
  if (file.kind != FileKind::kMarkdown || !parts.present ||
      !file.frontmatter_is_yaml)
    return file.bytes;
  std::string_view yaml(file.text.data() + parts.yaml_begin,
                        parts.yaml_end - parts.yaml_begin);
  std::string_view trimmed = TrimWhitespace(yaml);
  if (trimmed.empty()) return file.bytes;
  // AGPM ends the frontmatter at the first `---` anywhere, and would repeat
  // the rest of it in the body.
  size_t dashes = yaml.find("---");
  if (dashes != std::string_view::npos) {
    call.sink.Error(
        LocateOffset(file.display, file.text, parts.yaml_begin + dashes),
        "'---' inside a frontmatter that is not templated: AGPM would end the "
        "frontmatter here and repeat the rest of it in the body; write it "
        "another way",
        "render.frontmatter-dashes");
    return std::nullopt;
  }
  // Dependencies are rendered for the frontmatter as for a template, and
  // their errors are errors.
  bool dependency_failed = false;
  nlohmann::json deps = Deps(file, nullptr, &dependency_failed, call);
  if (dependency_failed) return std::nullopt;

  // For `agentgen check`: where each part of the output came from.
  OffsetMap output_map;
  output_map.AddCopied(0, 0);
  std::string rendered;
  if (!HasTemplateSyntax(trimmed)) {
    rendered = std::string(trimmed);
    output_map.AddCopied(
        4, static_cast<size_t>(trimmed.data() - file.text.data()));
  } else {
    switch (RenderFrontmatter(file, trimmed, std::move(deps), call, &rendered,
                              &output_map)) {
      case Outcome::kRendered:
        break;
      case Outcome::kUnchanged:
        return file.bytes;
      case Outcome::kFailed:
        return std::nullopt;
    }
  }
  // The body: the bytes after the closing line, as they are.
  DiagnosticSink ignored;  // the split succeeded on the same text already
  std::optional<Frontmatter> in_bytes = SplitFrontmatter(
      file.bytes, SliceLocator(file.display, file.bytes, 0), ignored);
  size_t body_begin = in_bytes ? in_bytes->body_begin : file.bytes.size();
  std::string output = "---\n" + rendered + "\n---\n";
  output_map.AddProduced(output.size() - 4, parts.yaml_end);
  output_map.AddCopied(output.size(), parts.body_begin);
  output.append(file.bytes, body_begin, std::string::npos);
  result->source_text = file.text;
  result->offsets = std::move(output_map);
  return output;
}

// Renders the trimmed frontmatter `trimmed` of an untemplated file into
// `rendered` (trimmed again), its parts mapped in `output_map` from offset 4
// (after the opening `---`). Where AGPM falls back to the file as it is,
// this warns and gives kUnchanged.
RenderSession::Impl::Outcome RenderSession::Impl::RenderFrontmatter(
    const InputFile& file, std::string_view trimmed, nlohmann::json deps,
    Call& call, std::string* rendered, OffsetMap* output_map) {
  size_t trimmed_offset =
      static_cast<size_t>(trimmed.data() - file.text.data());
  Locator locate = SliceLocator(file.display, file.text, trimmed_offset);
  nlohmann::json context = FullContext(shared_.workspace.project,
                                       ResourceObject(file), std::move(deps));
  AddContextVariables(&context, settings_.context_variables, false);
  DiagnosticSink scratch;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(std::string(trimmed), locate, scratch);
  OffsetMap offsets;
  std::optional<std::string> text;
  if (parsed) {
    text = parsed->Render(context, shared_.content_filter, scratch, &offsets,
                          &call.budget);
  }
  // A limit of agentgen's own is no render failure AGPM would know.
  const WorkBudget& budget = call.budget;
  bool over_limit = budget.spent().steps > budget.max_steps();
  for (const Diagnostic& diagnostic : scratch.diagnostics())
    over_limit = over_limit || diagnostic.message == RenderedSizeLimitMessage();
  if (over_limit) {
    for (const Diagnostic& diagnostic : scratch.diagnostics())
      call.sink.Report(diagnostic);
    return Outcome::kFailed;
  }
  if (!text || scratch.has_errors()) {
    ReportAsWarning(scratch,
                    " (the frontmatter of a file that is not templated does "
                    "not render, so AGPM installs the file unchanged, and so "
                    "does agentgen)",
                    call.sink);
    return Outcome::kUnchanged;
  }
  std::string_view kept = TrimWhitespace(*text);
  size_t kept_offset = static_cast<size_t>(kept.data() - text->data());
  *rendered = std::string(kept);

  // Its YAML must still read; AGPM looks for a templating switch in it.
  DiagnosticSink yaml_sink;
  std::optional<YamlSyntaxError> not_yaml;
  Locator rendered_locate = [&](size_t offset) {
    return locate(offsets.ToInput(kept_offset + offset));
  };
  ParseFrontmatterYaml(*rendered, rendered_locate, yaml_sink, &not_yaml);
  if (yaml_sink.has_errors() || (not_yaml && !not_yaml->not_mapping)) {
    Location where = not_yaml ? rendered_locate(not_yaml->offset)
                              : yaml_sink.diagnostics().front().where;
    std::string message =
        not_yaml ? not_yaml->message : yaml_sink.diagnostics().front().message;
    if (AsksForTemplating(*rendered)) {
      call.sink.Error(where,
                      message +
                          ": the rendered frontmatter is not valid YAML, so "
                          "AGPM could not read its 'templating:' switch and "
                          "would install the file unrendered",
                      "yaml");
      return Outcome::kFailed;
    }
    call.sink.Warning(where,
                      message +
                          ": the rendered frontmatter is not valid YAML, so "
                          "AGPM installs the file unchanged, and so does "
                          "agentgen",
                      "render.frontmatter-fallback");
    return Outcome::kUnchanged;
  }

  // Each part of the result leads back to the text or tag it came from: a
  // copied run moves on with the output, a tag's output stays at the tag.
  bool copying = false;
  size_t previous = 0;
  for (size_t at = 0; at < rendered->size(); ++at) {
    size_t from = trimmed_offset + offsets.ToInput(kept_offset + at);
    bool continues =
        at > 0 && (copying ? from == previous + 1 : from == previous);
    if (!continues) {
      copying = at == 0 || from != previous;
      if (copying)
        output_map->AddCopied(4 + at, from);
      else
        output_map->AddProduced(4 + at, from);
    }
    previous = from;
  }
  return Outcome::kRendered;
}

std::vector<RenderInput> RenderSession::Impl::Inputs(
    const RenderFiles& files,
    const std::vector<ContentInput>& render_reads) const {
  const Workspace& workspace = shared_.workspace;
  std::vector<RenderInput> inputs;
  std::set<std::string> seen;
  auto add = [&](const std::string& path, const std::string& sha256,
                 const char* role) {
    if (seen.insert(path).second) {
      inputs.push_back(
          {path, RelativeTo(path, workspace.root.path), sha256, role});
    }
  };
  add(files[0]->path, files[0]->sha256, "source");
  if (!workspace.project_path.empty())
    add(workspace.project_path, workspace.project_sha256, "project");
  for (size_t i = 1; i < files.size(); ++i)
    add(files[i]->path, files[i]->sha256, "dependency");
  // `content` files in the order a fresh render first reads them: the
  // frontmatter pre-passes while loading, then the render itself.
  for (const std::shared_ptr<const InputFile>& file : files) {
    for (const ContentInput& input : file->prepass_reads)
      add(input.path, input.sha256, "content");
  }
  for (const ContentInput& input : render_reads)
    add(input.path, input.sha256, "content");
  return inputs;
}

// One budget covers the whole render of a source: its pre-passes, its
// dependencies' contents and its body. What a batch reuses is charged as if
// rendered again, so a batch stops where one process per source would; when
// something reused does not fit, the source is rendered again from nothing,
// which reports the limit where a fresh process reports it.
std::optional<RenderedSource> RenderSession::Impl::Render(
    const std::string& source, const ResourceOptions& resource,
    const OutputNamer& output_for, DiagnosticSink& sink) {
  resource_ = resource;
  auto attempt = [&](DiagnosticSink& attempt_sink, bool* kept_over_budget) {
    WorkBudget budget(settings_.max_steps, settings_.max_mstch_operations);
    Call call{attempt_sink, budget};
    std::optional<RenderedSource> result = RenderOnce(source, output_for, call);
    *kept_over_budget = call.kept_over_budget;
    return result;
  };
  DiagnosticSink first;
  bool kept_over_budget = false;
  std::optional<RenderedSource> result = attempt(first, &kept_over_budget);
  if (!kept_over_budget) {
    for (const Diagnostic& diagnostic : first.diagnostics())
      sink.Report(diagnostic);
    return result;
  }
  Forget();
  return attempt(sink, &kept_over_budget);
}

std::optional<RenderedSource> RenderSession::Impl::RenderOnce(
    const std::string& source, const OutputNamer& output_for, Call& call) {
  DiagnosticSink& sink = call.sink;
  int errors_before = sink.error_count();
  if (cwd_.empty()) cwd_ = fs_.CurrentDirectory();
  InputToRead input{InputRole::kSource, AbsoluteNormal(cwd_, source), source,
                    "", Location{}};
  uint64_t size = 0;
  if (!StatInput(fs_, input, sink, &size)) return std::nullopt;
  std::optional<Workspace> workspace =
      workspaces_.Find(source, input.path, sink);
  if (!workspace) return std::nullopt;
  Share(std::move(*workspace));
  if (!ConfineInput(fs_, input, shared_.workspace.root, sink))
    return std::nullopt;

  std::string output =
      output_for(RelativeTo(input.path, shared_.workspace.root.path));
  std::optional<std::string> tool = SourceTool(call);
  if (!tool) return std::nullopt;
  nlohmann::json install_path =
      resource_.install_path
          ? *resource_.install_path
          : shared_.workspace.layout.InstallPath(
                *tool, CategoryOfType(resource_.type),
                RelativeTo(input.path,
                           shared_.workspace.project_directory.path));
  LoadedSource loaded = shared_.graph->LoadSource(
      input, size, resource_.type, *tool, install_path, sink, call.budget);
  call.kept_over_budget = loaded.kept_over_budget;
  std::shared_ptr<InputFile> file = std::move(loaded.file);
  RenderedSource result;
  std::vector<ContentInput> render_reads;
  if (file) {
    result.dialect = file->dialect;
    result.output = output;
    if (file->dialect == Dialect::kNone) {
      std::optional<std::string> text = RenderUntemplated(*file, call, &result);
      if (text) result.text = std::move(*text);
    } else {
      result.source_text = file->text;
      OffsetMap offsets;
      shared_.reader->BeginRecording(&render_reads);
      std::optional<std::string> text =
          RenderTemplate(*file, file->text, 0, call, &offsets);
      shared_.reader->EndRecording();
      if (text) result.text = std::move(*text);
      if (file->dialect == Dialect::kAgpm) result.offsets = std::move(offsets);
    }
  }
  if (!file || sink.error_count() > errors_before || call.kept_over_budget) {
    Forget();
    return std::nullopt;
  }

  result.files = DependencyGraph::FilesOf(file);
  result.root = shared_.workspace.root_for_manifest;
  result.source = file->relative;
  result.inputs = Inputs(result.files, render_reads);
  result.project = shared_.workspace.project;
  return result;
}

RenderSession::RenderSession(FileReader& fs, RenderSettings settings)
    : settings_resource_(settings),
      impl_(std::make_unique<Impl>(fs, std::move(settings))) {}

RenderSession::~RenderSession() = default;

std::optional<RenderedSource> RenderSession::Render(
    const std::string& source, const OutputNamer& output_for,
    DiagnosticSink& sink) {
  return impl_->Render(source, settings_resource_, output_for, sink);
}

std::optional<RenderedSource> RenderSession::Render(
    const std::string& source, const ResourceOptions& resource,
    const OutputNamer& output_for, DiagnosticSink& sink) {
  return impl_->Render(source, resource, output_for, sink);
}

std::optional<RenderedSource> RenderSource(FileReader& fs,
                                           const RenderSettings& settings,
                                           const std::string& source,
                                           const OutputNamer& output_for,
                                           DiagnosticSink& sink) {
  return RenderSession(fs, settings).Render(source, output_for, sink);
}

}  // namespace agentgen
