// SPDX-License-Identifier: MIT
#include "inputs/dependency_graph.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/paths.h"
#include "base/sha256.h"
#include "context/template_context.h"
#include "engines/agpm/agpm_template.h"
#include "inputs/source_text.h"
#include "inputs/yaml_frontmatter.h"
#include "validation/json_positions.h"

namespace agentgen {
namespace {

FileKind KindOf(const std::string& path) {
  std::string extension = ExtensionOf(path);
  if (extension == "md") return FileKind::kMarkdown;
  if (extension == "json") return FileKind::kJson;
  return FileKind::kOther;
}

bool HasTemplateSyntax(std::string_view text) {
  return text.find("{{") != std::string_view::npos ||
         text.find("{%") != std::string_view::npos ||
         text.find("{#") != std::string_view::npos;
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

DependencyGraph::DependencyGraph(FileReader& fs, GraphSettings settings)
    : fs_(fs), settings_(std::move(settings)) {}

bool DependencyGraph::IsInsideRoot(const std::string& path) {
  if (!real_root_) real_root_ = fs_.RealPath(settings_.root);
  std::optional<std::string> real = fs_.RealPath(path);
  return real_root_ && real && IsWithin(*real, *real_root_);
}

void DependencyGraph::Clear() {
  files_.clear();
  closures_.clear();
}

InputFile* DependencyGraph::LoadSource(const std::string& path,
                                       const std::string& display,
                                       const std::string& type,
                                       const nlohmann::json& install_path,
                                       DiagnosticSink& sink,
                                       WorkBudget& budget) {
  sink_ = &sink;
  budget_ = &budget;
  kept_over_budget_ = false;
  stack_.clear();
  render_paths_ = {path};
  source_ = std::make_unique<InputFile>();
  source_->path = path;
  source_->display = display;
  source_->type = type;
  ReadAndParse(*source_, Location{}, install_path);
  return source_->ok ? source_.get() : nullptr;
}

std::vector<const InputFile*> DependencyGraph::FilesOf(
    const InputFile& source) {
  std::vector<const InputFile*> files;
  std::set<std::string> seen;
  std::vector<const InputFile*> pending = {&source};
  while (!pending.empty()) {
    const InputFile* file = pending.back();
    pending.pop_back();
    if (!seen.insert(file->path).second) continue;
    files.push_back(file);
    // Pushed in reverse, so the first declared is visited first.
    for (auto it = file->dependencies.rbegin(); it != file->dependencies.rend();
         ++it) {
      if (it->file) pending.push_back(it->file);
    }
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
InputFile* DependencyGraph::Reuse(InputFile* file, const Location& where) {
  const std::set<std::string>& closure = Closure(*file);
  for (auto on_stack = stack_.begin(); on_stack != stack_.end(); ++on_stack) {
    if (!closure.count((*on_stack)->path)) continue;
    // Walk the kept files down to the one on the stack, for the message and
    // the place: the entry that closes the loop, as a fresh load reports it.
    const std::string& target = (*on_stack)->path;
    std::string chain;
    for (auto it = on_stack; it != stack_.end(); ++it)
      chain += (*it)->display + " -> ";
    Location closing = where;
    for (const InputFile* step = file; step != nullptr;) {
      chain += step->display + " -> ";
      const InputFile* next = nullptr;
      for (const ResolvedDependency& dependency : step->dependencies) {
        if (!dependency.file) continue;
        if (dependency.file->path == target) {
          closing = dependency.entry.where;
          break;
        }
        if (Closure(*dependency.file).count(target)) {
          next = dependency.file;
          break;
        }
      }
      step = next;
    }
    chain += (*on_stack)->display;
    sink_->Error(closing, "dependency cycle: " + chain);
    return nullptr;
  }
  // Loaded afresh, each file this render has not met yet would run its
  // pre-pass again.
  std::set<const InputFile*> charged;
  std::vector<const InputFile*> pending = {file};
  while (!pending.empty()) {
    const InputFile* kept = pending.back();
    pending.pop_back();
    if (render_paths_.count(kept->path) || !charged.insert(kept).second)
      continue;
    if (!budget_->Take(kept->prepass_cost)) kept_over_budget_ = true;
    for (const ResolvedDependency& dependency : kept->dependencies) {
      if (dependency.file) pending.push_back(dependency.file);
    }
  }
  render_paths_.insert(closure.begin(), closure.end());
  return file;
}

InputFile* DependencyGraph::LoadFile(const std::string& path,
                                     const std::string& display,
                                     const std::string& type,
                                     const Location* declared_at) {
  Location where = declared_at ? *declared_at : Location{};
  auto on_stack = std::find_if(
      stack_.begin(), stack_.end(),
      [&path](const InputFile* file) { return file->path == path; });
  if (on_stack != stack_.end()) {
    std::string chain;
    for (auto it = on_stack; it != stack_.end(); ++it)
      chain += (*it)->display + " -> ";
    chain += (*on_stack)->display;
    sink_->Error(where, "dependency cycle: " + chain);
    return nullptr;
  }
  std::string key = path + '\0' + type + '\0' + display;
  auto known = files_.find(key);
  if (known != files_.end()) {
    InputFile* file = known->second.get();
    // Loaded earlier in this render (a diamond), or kept from an earlier one.
    return render_paths_.count(path) || !file->ok ? file : Reuse(file, where);
  }

  // Limits keep hostile trees from exhausting the machine; each is a located
  // error like any other.
  if (stack_.size() >= kMaxDependencyDepth) {
    sink_->Error(where, "dependencies nest deeper than " +
                            std::to_string(kMaxDependencyDepth) + " levels");
    return nullptr;
  }
  if (render_paths_.size() >= kMaxFilesPerRender) {
    sink_->Error(where, "a render may read at most " +
                            std::to_string(kMaxFilesPerRender) + " files");
    return nullptr;
  }
  auto owned = std::make_unique<InputFile>();
  InputFile& file = *owned;
  files_.emplace(key, std::move(owned));
  render_paths_.insert(path);
  file.path = path;
  file.display = display;
  file.type = type;
  ReadAndParse(file, where, nullptr);
  // A kept Markdown dependency is used through its LF text from now on; its
  // raw bytes would only double what a large batch holds in memory.
  if (file.kind == FileKind::kMarkdown) std::string().swap(file.bytes);
  return &file;
}

void DependencyGraph::ReadAndParse(InputFile& file, const Location& where,
                                   const nlohmann::json& install_path) {
  file.relative = RelativeTo(file.path, settings_.root);
  file.kind = KindOf(file.path);
  uint64_t size = 0;
  if (fs_.Stat(file.path, &size) == FileReader::Kind::kFile &&
      size > kMaxInputFileSize) {
    sink_->Error(where, "'" + file.display + "' is larger than " +
                            std::to_string(kMaxInputFileSize / (1024 * 1024)) +
                            " MiB, the limit on an input file");
    file.ok = false;
    return;
  }
  std::string error;
  if (!fs_.ReadFile(file.path, &file.bytes, &error)) {
    sink_->Error(where, "cannot read '" + file.display + "': " + error);
    file.ok = false;
    return;
  }
  if (!CheckInputBytes(file.bytes, file.display, *sink_)) {
    file.ok = false;
    return;
  }
  file.sha256 = Sha256Hex(file.bytes);

  stack_.push_back(&file);
  if (file.kind == FileKind::kMarkdown) {
    file.text = NormalizeLineEnds(file.bytes);
    ParseMarkdown(file, install_path);
  } else if (file.kind == FileKind::kJson) {
    ParseJson(file);
  }
  stack_.pop_back();
}

void DependencyGraph::ParseMarkdown(InputFile& file,
                                    const nlohmann::json& install_path) {
  int errors_before = sink_->error_count();
  Locator file_locator = SliceLocator(file.display, file.text, 0);
  std::optional<Frontmatter> frontmatter =
      SplitFrontmatter(file.text, file_locator, *sink_);
  if (!frontmatter) {
    file.ok = false;
    return;
  }
  file.frontmatter = *frontmatter;
  if (!frontmatter->present) return;

  std::string_view yaml_text(file.text.data() + frontmatter->yaml_begin,
                             frontmatter->yaml_end - frontmatter->yaml_begin);
  Locator yaml_locator =
      SliceLocator(file.display, file.text, frontmatter->yaml_begin);

  // The pre-pass renders the frontmatter text with the project variables so
  // that `path:` may use them; YAML errors are mapped back to the source.
  std::string rendered;
  OffsetMap offsets;
  Locator locator = yaml_locator;
  if (HasTemplateSyntax(yaml_text)) {
    std::optional<AgpmTemplate> prepass =
        AgpmTemplate::Parse(std::string(yaml_text), yaml_locator, *sink_);
    if (!prepass) {
      file.ok = false;
      return;
    }
    nlohmann::json context =
        PrepassContext(settings_.project, ResourceObject(file, install_path));
    ContentFilterReader* reader = settings_.content;
    ContentFilter content = [reader](const std::string& path,
                                     const Location& where) {
      return reader->Read(path, where);
    };
    reader->BeginRecording(&file.prepass_reads);
    WorkCost spent_before = budget_->spent();
    std::optional<std::string> output =
        prepass->Render(context, content, *sink_, &offsets, budget_);
    file.prepass_cost = budget_->SpentSince(spent_before);
    reader->EndRecording();
    if (!output) {
      file.ok = false;
      return;
    }
    rendered = std::move(*output);
    yaml_text = rendered;
    locator = [&offsets, &yaml_locator](size_t offset) {
      return yaml_locator(offsets.ToInput(offset));
    };
  }

  std::optional<YamlDocument> yaml =
      ParseFrontmatterYaml(yaml_text, locator, *sink_);
  if (!yaml) {
    file.ok = false;
    return;
  }
  file.dialect = ReadTemplatingSwitch(yaml->root(), locator, *sink_);
  std::vector<DependencyEntry> entries =
      ReadDependencyEntries(yaml->root(), locator, *sink_);
  if (sink_->error_count() > errors_before) file.ok = false;
  ResolveDependencies(file, entries);
}

void DependencyGraph::ParseJson(InputFile& file) {
  try {
    file.json = nlohmann::json::parse(file.bytes);
  } catch (const nlohmann::json::parse_error& error) {
    size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    sink_->Error(LocateOffset(file.display, file.bytes, offset),
                 "invalid JSON: " + JsonParseErrorText(error.what()));
    file.ok = false;
    return;
  }
  if (!file.json.is_object() || !file.json.contains("dependencies")) return;
  if (DeclaresAnything(file.json["dependencies"])) {
    size_t at = file.bytes.find("\"dependencies\"");
    sink_->Error(LocateOffset(file.display, file.bytes,
                              at == std::string::npos ? 0 : at),
                 "dependencies declared in a JSON file are not supported "
                 "(only Markdown files may declare dependencies)");
    file.ok = false;
    return;
  }
  file.json.erase("dependencies");
}

std::string DependencyGraph::DisplayFor(const InputFile& declaring,
                                        const std::string& declared) const {
  const std::string& base = IsFileRelative(declared)
                                ? ParentOf(declaring.display)
                                : settings_.root_display;
  return Normal(base + "/" + declared);
}

void DependencyGraph::ResolveDependencies(
    InputFile& file, const std::vector<DependencyEntry>& entries) {
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
        entry.path, ParentOf(file.path), settings_.root, &error);
    if (!resolved) {
      sink_->Error(entry.where, error);
      unresolved();
      continue;
    }
    // The root `dependencies:` comes first, so on a repeat it wins.
    if (!seen_paths.insert(*resolved).second) continue;

    std::string display = DisplayFor(file, entry.path);
    switch (fs_.Stat(*resolved)) {
      case FileReader::Kind::kFile:
        break;
      case FileReader::Kind::kMissing:
        sink_->Error(entry.where, "dependency '" + entry.path +
                                      "' not found (no file '" + display +
                                      "')");
        unresolved();
        continue;
      case FileReader::Kind::kDirectory:
        sink_->Error(entry.where,
                     "dependency '" + entry.path + "' is a folder, not a file");
        unresolved();
        continue;
      case FileReader::Kind::kOther:
        sink_->Error(entry.where,
                     "dependency '" + entry.path + "' is not a regular file");
        unresolved();
        continue;
    }
    if (!settings_.allow_outside_root && !IsInsideRoot(*resolved)) {
      sink_->Error(entry.where,
                   "dependency '" + entry.path + "' lies outside the root '" +
                       settings_.root_display +
                       "' (pass --allow-outside-root to allow it)");
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
        sink_->Error(entry.where, "dependency key '" + key + "' in '" +
                                      entry.category +
                                      "' is claimed by both '" +
                                      claims[entry.category][key]->display +
                                      "' and '" + display + "'");
        clash = true;
      }
    }
    InputFile* child =
        LoadFile(*resolved, display, SingularOf(entry.category), &entry.where);
    if (clash || !child) {
      unresolved();
      continue;
    }
    for (const std::string& key : dependency.keys) {
      claim_paths[entry.category][key] = *resolved;
      claims[entry.category][key] = child;
    }
    dependency.file = child->ok ? child : nullptr;
    file.dependencies.push_back(std::move(dependency));
  }
}

}  // namespace agentgen
