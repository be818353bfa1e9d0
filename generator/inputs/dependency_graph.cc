// SPDX-License-Identifier: MIT
#include "inputs/dependency_graph.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/paths.h"
#include "inputs/json_positions.h"
#include "inputs/source_text.h"
#include "inputs/yaml_frontmatter.h"

namespace agentgen {
namespace {

FileKind KindOf(const std::string& path) {
  std::string extension = ExtensionOf(path);
  if (extension == "md") return FileKind::kMarkdown;
  if (extension == "json") return FileKind::kJson;
  return FileKind::kOther;
}

bool DeclaresAnything(const nlohmann::json& dependencies) {
  if (dependencies.is_null()) return false;
  if (!dependencies.is_object()) return !dependencies.empty();
  for (const auto& item : dependencies.items()) {
    if (!item.value().is_null() && !item.value().empty()) return true;
  }
  return false;
}

}  // namespace

// One LoadSource call: where its diagnostics go, the budget its pre-passes
// draw on, and the files it is in the middle of.
struct DependencyGraph::Load {
  DiagnosticSink& sink;
  WorkBudget& budget;
  std::vector<InputFile*> stack;  // files being loaded, for cycles
  std::set<std::string> paths;    // files of this render
  bool kept_over_budget = false;
};

DependencyGraph::DependencyGraph(FileReader& fs, GraphSettings settings)
    : fs_(fs), settings_(std::move(settings)) {}

void DependencyGraph::Clear() {
  files_.clear();
  closures_.clear();
}

LoadedSource DependencyGraph::LoadSource(const InputToRead& source,
                                         uint64_t size, const std::string& type,
                                         const std::string& tool,
                                         const nlohmann::json& install_path,
                                         DiagnosticSink& sink,
                                         WorkBudget& budget) {
  DiagnosticSink::RuleScope rule(sink, "dependency");
  Load load{sink, budget, {}, {source.path}};
  auto file = std::make_shared<InputFile>();
  file->path = source.path;
  file->display = source.display;
  file->type = type;
  file->tool = tool;
  file->install_path = install_path;
  ReadAndParse(*file, source, size, load);
  LoadedSource loaded;
  if (file->ok) loaded.file = std::move(file);
  loaded.kept_over_budget = load.kept_over_budget;
  return loaded;
}

RenderFiles DependencyGraph::FilesOf(
    const std::shared_ptr<const InputFile>& source) {
  RenderFiles files;
  std::set<std::string> seen;
  std::vector<std::shared_ptr<const InputFile>> pending = {source};
  while (!pending.empty()) {
    std::shared_ptr<const InputFile> file = std::move(pending.back());
    pending.pop_back();
    if (!seen.insert(file->path).second) continue;
    // Pushed in reverse, so the first declared is visited first.
    for (auto it = file->dependencies.rbegin(); it != file->dependencies.rend();
         ++it) {
      if (it->file) pending.push_back(it->file);
    }
    files.push_back(std::move(file));
  }
  return files;
}

const std::set<std::string>& DependencyGraph::Closure(const InputFile& file) {
  auto known = closures_.find(&file);
  if (known != closures_.end()) return known->second;
  std::set<std::string> closure = {file.path};
  for (const ResolvedDependency& dependency : file.dependencies) {
    if (!dependency.file) continue;
    const std::set<std::string>& below = Closure(*dependency.file);
    closure.insert(below.begin(), below.end());
  }
  return closures_.emplace(&file, std::move(closure)).first->second;
}

// A file kept from an earlier source of the batch was loaded completely and
// without error, so the only cycle it can close runs back into the stack of
// the current render; that is checked here as a fresh load would have.
std::shared_ptr<InputFile> DependencyGraph::Reuse(
    const std::shared_ptr<InputFile>& file, const Location& where, Load& load) {
  const std::set<std::string>& closure = Closure(*file);
  for (auto on_stack = load.stack.begin(); on_stack != load.stack.end();
       ++on_stack) {
    if (!closure.count((*on_stack)->path)) continue;
    // Walk the kept files down to the one on the stack, for the message and
    // the place: the entry that closes the loop, as a fresh load reports it.
    const std::string& target = (*on_stack)->path;
    std::string chain;
    for (auto it = on_stack; it != load.stack.end(); ++it)
      chain += (*it)->display + " -> ";
    Location closing = where;
    for (const InputFile* step = file.get(); step != nullptr;) {
      chain += step->display + " -> ";
      const InputFile* next = nullptr;
      for (const ResolvedDependency& dependency : step->dependencies) {
        if (!dependency.file) continue;
        if (dependency.file->path == target) {
          closing = dependency.entry.where;
          break;
        }
        if (Closure(*dependency.file).count(target)) {
          next = dependency.file.get();
          break;
        }
      }
      step = next;
    }
    chain += (*on_stack)->display;
    load.sink.Error(closing, "dependency cycle: " + chain);
    return nullptr;
  }
  // Loaded afresh, each file this render has not met yet would run its
  // pre-pass again.
  std::set<const InputFile*> charged;
  std::vector<const InputFile*> pending = {file.get()};
  while (!pending.empty()) {
    const InputFile* kept = pending.back();
    pending.pop_back();
    if (load.paths.count(kept->path) || !charged.insert(kept).second) continue;
    if (!load.budget.Take(kept->prepass_cost)) load.kept_over_budget = true;
    for (const ResolvedDependency& dependency : kept->dependencies) {
      if (dependency.file) pending.push_back(dependency.file.get());
    }
  }
  load.paths.insert(closure.begin(), closure.end());
  return file;
}

std::shared_ptr<InputFile> DependencyGraph::LoadFile(
    const InputToRead& input, uint64_t size,
    const ResolvedDependency& dependency, Load& load) {
  const std::string type = SingularOf(dependency.entry.category);
  const Location& where = input.where;
  auto on_stack = std::find_if(
      load.stack.begin(), load.stack.end(),
      [&input](const InputFile* file) { return file->path == input.path; });
  if (on_stack != load.stack.end()) {
    std::string chain;
    for (auto it = on_stack; it != load.stack.end(); ++it)
      chain += (*it)->display + " -> ";
    chain += (*on_stack)->display;
    load.sink.Error(where, "dependency cycle: " + chain);
    return nullptr;
  }
  std::string key =
      input.path + '\0' + type + '\0' + dependency.tool + '\0' + input.display;
  auto known = files_.find(key);
  if (known != files_.end()) {
    const std::shared_ptr<InputFile>& file = known->second;
    // Loaded earlier in this render (a diamond), or kept from an earlier one.
    if (load.paths.count(input.path) || !file->ok) return file;
    return Reuse(file, where, load);
  }

  // Limits keep hostile trees from exhausting the machine; each is a located
  // error like any other.
  if (load.stack.size() >= kMaxDependencyDepth) {
    load.sink.Error(where, "dependencies nest deeper than " +
                               std::to_string(kMaxDependencyDepth) + " levels");
    return nullptr;
  }
  if (load.paths.size() >= kMaxFilesPerRender) {
    load.sink.Error(where, "a render may read at most " +
                               std::to_string(kMaxFilesPerRender) + " files");
    return nullptr;
  }
  auto file = std::make_shared<InputFile>();
  files_.emplace(key, file);
  load.paths.insert(input.path);
  file->path = input.path;
  file->display = input.display;
  file->type = type;
  file->tool = dependency.tool;
  file->install_path = dependency.install_path;
  ReadAndParse(*file, input, size, load);
  // A kept Markdown dependency is used through its LF text from now on; its
  // raw bytes would only double what a large batch holds in memory.
  if (file->kind == FileKind::kMarkdown) std::string().swap(file->bytes);
  return file;
}

void DependencyGraph::ReadAndParse(InputFile& file, const InputToRead& input,
                                   uint64_t size, Load& load) {
  file.relative = RelativeTo(file.path, settings_.root.path);
  file.kind = KindOf(file.path);
  InputBytes read = ReadInput(fs_, input, size, load.sink);
  file.sha256 = std::move(read.sha256);
  file.bytes = std::move(read.bytes);
  if (!read.ok) {
    file.ok = false;
    return;
  }
  load.stack.push_back(&file);
  if (file.kind == FileKind::kMarkdown) {
    file.text = NormalizeLineEnds(file.bytes);
    ParseMarkdown(file, load);
  } else if (file.kind == FileKind::kJson) {
    ParseJson(file, load);
  }
  load.stack.pop_back();
}

namespace {

// A frontmatter that is not YAML (or not a mapping) is read as AGPM reads
// it: no templating, no dependencies, the file as it is, with a warning.
// Unless it asks for templating, which AGPM would silently not do.
void ReportNotYaml(const YamlSyntaxError& problem, std::string_view yaml_text,
                   const Locator& locate, DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "yaml");
  if (problem.not_mapping) {
    // YAML all the same: the file is copied with its frontmatter rendered,
    // and a switch in it was read (as a sequence item, not a key).
    sink.Warning(locate(problem.offset),
                 problem.message +
                     ": the frontmatter is YAML but not a mapping, so the "
                     "file is not templated and its dependencies are not "
                     "read (AGPM installs it as it is)",
                 "yaml.not-yaml");
    return;
  }
  if (AsksForTemplating(yaml_text)) {
    sink.Error(locate(problem.offset),
               problem.message +
                   ": the frontmatter is not valid YAML, so AGPM could not "
                   "read its 'templating:' switch and would install the file "
                   "unrendered; fix the YAML (quote the value)");
    return;
  }
  sink.Warning(locate(problem.offset),
               problem.message +
                   ": the frontmatter is not valid YAML, so the file is not "
                   "templated and its dependencies are not read (AGPM "
                   "installs it unchanged); quote the value to make it YAML",
               "yaml.not-yaml");
}

}  // namespace

void DependencyGraph::ParseMarkdown(InputFile& file, Load& load) {
  DiagnosticSink& sink = load.sink;
  int errors_before = sink.error_count();
  Locator file_locator = SliceLocator(file.display, file.text, 0);
  std::optional<Frontmatter> frontmatter =
      SplitFrontmatter(file.text, file_locator, sink);
  if (!frontmatter) {
    file.ok = false;
    return;
  }
  file.frontmatter = *frontmatter;
  if (!frontmatter->present) return;

  std::string_view yaml_text(file.text.data() + frontmatter->yaml_begin,
                             frontmatter->yaml_end - frontmatter->yaml_begin);
  Locator locator =
      SliceLocator(file.display, file.text, frontmatter->yaml_begin);
  // YAML errors in a rendered frontmatter are mapped back to the source.
  std::optional<FrontmatterPrepass::Rendered> rendered;
  if (HasTemplateSyntax(yaml_text)) {
    rendered =
        settings_.prepass->Render(file, yaml_text, locator, sink, load.budget);
    if (!rendered) {
      file.ok = false;
      return;
    }
    yaml_text = rendered->yaml;
    locator = rendered->locate;
  }

  std::optional<YamlSyntaxError> not_yaml;
  std::optional<YamlDocument> yaml =
      ParseFrontmatterYaml(yaml_text, locator, sink, &not_yaml);
  if (not_yaml && sink.error_count() == errors_before) {
    ReportNotYaml(*not_yaml, yaml_text, locator, sink);
    file.frontmatter_is_yaml = not_yaml->not_mapping;
    if (sink.error_count() == errors_before) return;  // read as AGPM does
  }
  if (!yaml) {
    file.ok = false;
    return;
  }
  file.frontmatter_is_yaml = true;
  file.dialect = ReadTemplatingSwitch(yaml->root(), locator, sink);
  std::vector<DependencyEntry> entries =
      ReadDependencyEntries(yaml->root(), locator, sink);
  if (sink.error_count() > errors_before) file.ok = false;
  ResolveDependencies(file, entries, load);
}

void DependencyGraph::ParseJson(InputFile& file, Load& load) {
  size_t error_offset = 0;
  if (std::optional<std::string> problem =
          ParseJsonStrictly(file.bytes, &file.json, &error_offset)) {
    load.sink.Error(LocateOffset(file.display, file.bytes, error_offset),
                    *problem);
    file.ok = false;
    return;
  }
  if (!file.json.is_object() || !file.json.contains("dependencies")) return;
  if (DeclaresAnything(file.json["dependencies"])) {
    size_t at = file.bytes.find("\"dependencies\"");
    load.sink.Error(LocateOffset(file.display, file.bytes,
                                 at == std::string::npos ? 0 : at),
                    "dependencies declared in a JSON file are not supported "
                    "(only Markdown files may declare dependencies)");
    file.ok = false;
    return;
  }
  file.json.erase("dependencies");
}

// The tool of a dependency (docs/templates.md, "Install paths"): its entry's
// `tool:`, else the declaring file's when that tool has a place for the
// category, else the category's default; and the install path it gives.
void DependencyGraph::ChooseTool(const InputFile& declaring,
                                 const DependencyEntry& entry,
                                 const std::string& resolved,
                                 ResolvedDependency* dependency, Load& load) {
  const InstallLayout& layout = *settings_.layout;
  const std::string& category = entry.category;
  Location where = entry.where;
  if (!entry.tool.is_null()) {
    where = entry.tool_where;
    if (!entry.tool.is_string()) {
      load.sink.Error(where, "'tool' must be a tool name (tools: " +
                                 layout.ToolNames() + ")");
      return;
    }
    dependency->tool = entry.tool.get<std::string>();
  } else if (layout.Cell(declaring.tool, category)) {
    dependency->tool = declaring.tool;
  } else {
    dependency->tool = layout.DefaultTool(category);
  }
  if (std::optional<std::string> problem =
          ToolProblem(layout, dependency->tool, category)) {
    load.sink.Error(where, *problem, "dependency.tool");
    return;
  }
  std::string relative = RelativeTo(resolved, settings_.project_directory);
  dependency->install_path =
      layout.InstallPath(dependency->tool, category, relative);
}

std::string DependencyGraph::DisplayFor(const InputFile& declaring,
                                        const std::string& declared) const {
  const std::string& base = IsFileRelative(declared)
                                ? ParentOf(declaring.display)
                                : settings_.root.display;
  return Normal(base + "/" + declared);
}

void DependencyGraph::ResolveDependencies(
    InputFile& file, const std::vector<DependencyEntry>& entries, Load& load) {
  std::set<std::string> seen_paths;
  // category -> key -> the file claiming it
  std::map<std::string, std::map<std::string, const InputFile*>> claims;
  std::map<std::string, std::map<std::string, std::string>> claim_paths;

  for (const DependencyEntry& entry : entries) {
    // A dependency that fails still claims its keys (with no file), so the
    // template's uses of it are not reported again as undefined names.
    auto unresolved = [&file, &entry] {
      ResolvedDependency dependency;
      dependency.entry = entry;
      dependency.keys.push_back(DependencyKey(StemOf(entry.path)));
      if (entry.name && DependencyKey(*entry.name) != dependency.keys[0])
        dependency.keys.push_back(DependencyKey(*entry.name));
      file.dependencies.push_back(std::move(dependency));
    };
    std::string error;
    std::optional<std::string> resolved = ResolveDeclaredPath(
        entry.path, ParentOf(file.path), settings_.root.path, &error);
    if (!resolved) {
      load.sink.Error(entry.where, error);
      unresolved();
      continue;
    }
    // The root `dependencies:` comes first, so on a repeat it wins.
    if (!seen_paths.insert(*resolved).second) continue;

    InputToRead input{InputRole::kDependency, *resolved,
                      DisplayFor(file, entry.path), entry.path, entry.where};
    uint64_t size = 0;
    if (!StatInput(fs_, input, load.sink, &size) ||
        !ConfineInput(fs_, input, settings_.root, load.sink)) {
      unresolved();
      continue;
    }

    ResolvedDependency dependency;
    dependency.entry = entry;
    dependency.keys.push_back(DependencyKey(StemOf(*resolved)));
    if (entry.name && DependencyKey(*entry.name) != dependency.keys[0])
      dependency.keys.push_back(DependencyKey(*entry.name));

    bool clash = false;
    for (const std::string& key : dependency.keys) {
      auto& owner = claim_paths[entry.category][key];
      if (!owner.empty() && owner != *resolved) {
        load.sink.Error(entry.where, "dependency key '" + key + "' in '" +
                                         entry.category +
                                         "' is claimed by both '" +
                                         claims[entry.category][key]->display +
                                         "' and '" + input.display + "'");
        clash = true;
      }
    }
    ChooseTool(file, entry, *resolved, &dependency, load);
    if (dependency.install_path.is_null()) {
      unresolved();
      continue;
    }
    std::shared_ptr<InputFile> child = LoadFile(input, size, dependency, load);
    if (clash || !child) {
      unresolved();
      continue;
    }
    for (const std::string& key : dependency.keys) {
      claim_paths[entry.category][key] = *resolved;
      claims[entry.category][key] = child.get();
    }
    if (child->ok) dependency.file = std::move(child);
    file.dependencies.push_back(std::move(dependency));
  }
}

}  // namespace agentgen
