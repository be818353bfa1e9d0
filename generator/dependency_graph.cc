// SPDX-License-Identifier: MIT
#include "dependency_graph.h"

#include <algorithm>
#include <set>
#include <utility>

#include "agpm_template.h"
#include "json_positions.h"
#include "paths.h"
#include "sha256.h"
#include "source_text.h"
#include "template_context.h"
#include "yaml_frontmatter.h"

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

DependencyGraph::DependencyGraph(FileSystem& fs, GraphSettings settings,
                                 DiagnosticSink& sink)
    : fs_(fs), settings_(std::move(settings)), sink_(sink) {}

bool DependencyGraph::IsInsideRoot(const std::string& path) {
  if (!real_root_) real_root_ = fs_.RealPath(settings_.root);
  std::optional<std::string> real = fs_.RealPath(path);
  return real_root_ && real && IsWithin(*real, *real_root_);
}

InputFile* DependencyGraph::Load(const std::string& path,
                                 const std::string& display,
                                 const std::string& type) {
  InputFile* file = LoadFile(path, display, type, nullptr);
  return file && file->ok ? file : nullptr;
}

InputFile* DependencyGraph::LoadFile(const std::string& path,
                                     const std::string& display,
                                     const std::string& type,
                                     const Location* declared_at) {
  auto known = files_.find(path);
  if (known != files_.end()) {
    InputFile* file = known->second.get();
    auto on_stack = std::find(stack_.begin(), stack_.end(), file);
    if (on_stack != stack_.end()) {
      std::string chain;
      for (auto it = on_stack; it != stack_.end(); ++it)
        chain += (*it)->display + " -> ";
      chain += file->display;
      sink_.Error(declared_at ? *declared_at : Location{},
                  "dependency cycle: " + chain);
      return nullptr;
    }
    return file;
  }

  // Limits keep hostile trees from exhausting the machine; each is a located
  // error like any other.
  Location where = declared_at ? *declared_at : Location{};
  if (stack_.size() >= kMaxDependencyDepth) {
    sink_.Error(where, "dependencies nest deeper than " +
                           std::to_string(kMaxDependencyDepth) + " levels");
    return nullptr;
  }
  if (files_.size() >= kMaxFilesPerRender) {
    sink_.Error(where, "a render may read at most " +
                           std::to_string(kMaxFilesPerRender) + " files");
    return nullptr;
  }
  uint64_t size = 0;
  if (fs_.Stat(path, &size) == FileSystem::Kind::kFile &&
      size > kMaxInputFileSize) {
    sink_.Error(where, "'" + display + "' is larger than " +
                           std::to_string(kMaxInputFileSize / (1024 * 1024)) +
                           " MiB, the limit on an input file");
    return nullptr;
  }

  auto owned = std::make_unique<InputFile>();
  InputFile& file = *owned;
  files_.emplace(path, std::move(owned));
  order_.push_back(&file);
  file.path = path;
  file.display = display;
  file.relative = RelativeTo(path, settings_.root);
  file.type = type;
  file.kind = KindOf(path);

  std::string error;
  if (!fs_.ReadFile(path, &file.bytes, &error)) {
    sink_.Error(where, "cannot read '" + display + "': " + error);
    file.ok = false;
    return &file;
  }
  if (!CheckInputBytes(file.bytes, display, sink_)) {
    file.ok = false;
    return &file;
  }
  file.sha256 = Sha256Hex(file.bytes);

  stack_.push_back(&file);
  if (file.kind == FileKind::kMarkdown) {
    file.text = NormalizeLineEnds(file.bytes);
    ParseMarkdown(file);
  } else if (file.kind == FileKind::kJson) {
    ParseJson(file);
  }
  stack_.pop_back();
  return &file;
}

void DependencyGraph::ParseMarkdown(InputFile& file) {
  int errors_before = sink_.error_count();
  Locator file_locator = SliceLocator(file.display, file.text, 0);
  std::optional<Frontmatter> frontmatter =
      SplitFrontmatter(file.text, file_locator, sink_);
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
        AgpmTemplate::Parse(std::string(yaml_text), yaml_locator, sink_);
    if (!prepass) {
      file.ok = false;
      return;
    }
    nlohmann::json install_path =
        stack_.size() == 1 ? settings_.install_path : nlohmann::json();
    nlohmann::json context =
        PrepassContext(settings_.project, ResourceObject(file, install_path));
    std::optional<std::string> output =
        prepass->Render(context, settings_.content_filter, sink_, &offsets);
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

  std::optional<YAML::Node> yaml =
      ParseFrontmatterYaml(yaml_text, locator, sink_);
  if (!yaml) {
    file.ok = false;
    return;
  }
  file.dialect = ReadTemplatingSwitch(*yaml, locator, sink_);
  std::vector<DependencyEntry> entries =
      ReadDependencyEntries(*yaml, locator, sink_);
  if (sink_.error_count() > errors_before) file.ok = false;
  ResolveDependencies(file, entries);
}

void DependencyGraph::ParseJson(InputFile& file) {
  try {
    file.json = nlohmann::json::parse(file.bytes);
  } catch (const nlohmann::json::parse_error& error) {
    size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    sink_.Error(LocateOffset(file.display, file.bytes, offset),
                "invalid JSON: " + JsonParseErrorText(error.what()));
    file.ok = false;
    return;
  }
  if (!file.json.is_object() || !file.json.contains("dependencies")) return;
  if (DeclaresAnything(file.json["dependencies"])) {
    size_t at = file.bytes.find("\"dependencies\"");
    sink_.Error(LocateOffset(file.display, file.bytes,
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
      sink_.Error(entry.where, error);
      unresolved();
      continue;
    }
    // The root `dependencies:` comes first, so on a repeat it wins.
    if (!seen_paths.insert(*resolved).second) continue;

    std::string display = DisplayFor(file, entry.path);
    switch (fs_.Stat(*resolved)) {
      case FileSystem::Kind::kFile:
        break;
      case FileSystem::Kind::kMissing:
        sink_.Error(entry.where, "dependency '" + entry.path +
                                     "' not found (no file '" + display + "')");
        unresolved();
        continue;
      case FileSystem::Kind::kDirectory:
        sink_.Error(entry.where,
                    "dependency '" + entry.path + "' is a folder, not a file");
        unresolved();
        continue;
      case FileSystem::Kind::kOther:
        sink_.Error(entry.where,
                    "dependency '" + entry.path + "' is not a regular file");
        unresolved();
        continue;
    }
    if (!settings_.allow_outside_root && !IsInsideRoot(*resolved)) {
      sink_.Error(entry.where, "dependency '" + entry.path +
                                   "' lies outside the root '" +
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
        sink_.Error(entry.where, "dependency key '" + key + "' in '" +
                                     entry.category + "' is claimed by both '" +
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
