// SPDX-License-Identifier: MIT
#include "validation/plugin_check.h"

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "inputs/json_positions.h"
#include "inputs/json_tree.h"
#include "validation/check.h"
#include "validation/formats_data.h"
#include "validation/hook_schema.h"
#include "validation/mcp_server.h"
#include "validation/node_values.h"
#include "validation/schema.h"

namespace agentgen {
namespace {

struct PluginFormats {
  std::vector<std::string> string_keys, path_keys, config_keys, other_keys,
      marketplace_only_keys, experimental_keys, component_folders,
      agent_keys_ignored, marketplace_keys, entry_keys, reserved_names;
  std::map<std::string, std::vector<std::string>> source_required;
};

const PluginFormats& Formats() {
  static const PluginFormats formats = [] {
    PluginFormats f;
    f.string_keys = FormatsList("plugin.string_keys");
    f.path_keys = FormatsList("plugin.path_keys");
    f.config_keys = FormatsList("plugin.config_keys");
    f.other_keys = FormatsList("plugin.other_keys");
    f.marketplace_only_keys = FormatsList("plugin.marketplace_only_keys");
    f.experimental_keys = FormatsList("plugin.experimental_keys");
    f.component_folders = FormatsList("plugin.component_folders");
    f.agent_keys_ignored = FormatsList("plugin.agent_keys_ignored");
    f.marketplace_keys = FormatsList("marketplace.keys");
    f.entry_keys = FormatsList("marketplace.entry_keys");
    f.reserved_names = FormatsList("marketplace.reserved_names");
    for (const std::string& kind : FormatsKeys("marketplace.source_required"))
      f.source_required[kind] =
          FormatsList("marketplace.source_required." + kind);
    return f;
  }();
  return formats;
}

bool Contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool IsLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// [a-z0-9]+(-[a-z0-9]+)*: no leading, trailing or doubled '-'. Written out
// rather than as a std::regex, which GCC 12's sanitizer build rejects
// (-Wmaybe-uninitialized inside <regex>) and which costs more to build.
bool IsKebabCase(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '-') {
      if (name[i - 1] == '-') return false;
    } else if (!IsLowerAlnum(name[i])) {
      return false;
    }
  }
  return true;
}

// A numeric identifier of semver: digits, no leading zero but for "0".
// Advances `at` past it.
bool SemverNumber(const std::string& text, size_t* at) {
  size_t start = *at;
  while (*at < text.size() && IsDigit(text[*at])) ++*at;
  size_t length = *at - start;
  return length > 0 && (length == 1 || text[start] != '0');
}

// MAJOR.MINOR.PATCH, then optionally -PRERELEASE and +BUILD, each made of
// [0-9A-Za-z.-].
bool IsSemver(const std::string& version) {
  size_t at = 0;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) {
      if (at >= version.size() || version[at] != '.') return false;
      ++at;
    }
    if (!SemverNumber(version, &at)) return false;
  }
  auto suffix = [&](char mark) {
    if (at >= version.size() || version[at] != mark) return true;
    size_t start = ++at;
    while (at < version.size() && (IsLowerAlnum(version[at]) ||
                                   (version[at] >= 'A' && version[at] <= 'Z') ||
                                   version[at] == '.' || version[at] == '-'))
      ++at;
    return at > start;
  };
  return suffix('-') && suffix('+') && at == version.size();
}

// A path inside a folder as the user named the folder.
std::string Inside(const std::string& display, const std::string& relative) {
  std::string folder = Normal(display);
  return folder == "." ? relative : folder + "/" + relative;
}

Location WholeFile(const std::string& display) {
  Location where;
  where.file = display;
  return where;
}

// A plugin folder: absolute, and as diagnostics name it.
struct Folder {
  std::string path;
  std::string display;
  /// The marketplace's folder, symlinks resolved, when checked as one of
  /// its plugins: a marketplace install copies in what links there reach.
  std::string marketplace;
};

// A JSON file read into our tree, located in its text. Not movable: the
// place's text and locator point into it.
struct JsonFile {
  std::string display;
  std::string bytes;
  YamlDocument tree;
  TreePlace place;
  JsonFile() = default;
  JsonFile(const JsonFile&) = delete;
  JsonFile& operator=(const JsonFile&) = delete;
};

std::unique_ptr<JsonFile> ReadJsonFile(FileReader& fs, const std::string& path,
                                       const std::string& display,
                                       const std::string& rule,
                                       DiagnosticSink& sink) {
  auto file = std::make_unique<JsonFile>();
  file->display = display;
  std::string error;
  if (!fs.ReadFile(path, &file->bytes, &error)) {
    sink.Error(WholeFile(display), "cannot read it: " + error, rule);
    return nullptr;
  }
  const JsonFile* self = file.get();
  file->place =
      TreePlace{file->bytes,
                [self](size_t offset) {
                  return LocateOffset(self->display, self->bytes, offset);
                },
                true};
  nlohmann::json value;
  size_t error_offset = 0;
  if (std::optional<std::string> problem =
          ParseJsonStrictly(file->bytes, &value, &error_offset)) {
    sink.Error(file->place.locate(error_offset),
               "Invalid JSON syntax: " + *problem, rule);
    return nullptr;
  }
  std::optional<YamlDocument> tree = ReadJsonTree(file->bytes);
  if (!tree) {
    sink.Error(file->place.locate(0), "JSON nested deeper than 100 levels",
               rule);
    return nullptr;
  }
  file->tree = std::move(*tree);
  if (!file->tree.root().IsMap()) {
    sink.Error(file->place.locate(file->tree.root().offset()),
               "the file must hold a JSON object; got " +
                   Shown(file->tree.root(), true),
               rule);
    return nullptr;
  }
  return file;
}

// A hooks file of the plugin (`relative` to it), `{"hooks": {Event: ...}}`.
void CheckHooksFile(FileReader& fs, const Folder& plugin,
                    const std::string& relative, DiagnosticSink& sink) {
  std::string path = JoinNormal(plugin.path, relative);
  if (fs.Stat(path) != FileReader::Kind::kFile) return;
  std::unique_ptr<JsonFile> file = ReadJsonFile(
      fs, path, Inside(plugin.display, relative), "plugin.hooks", sink);
  if (!file) return;
  const YamlNode& hooks = MappingValue(file->tree.root(), "hooks");
  if (!hooks.IsDefined()) {
    sink.Error(file->place.locate(0),
               "a hooks file must hold {\"hooks\": {Event: [...]}}: there "
               "is no 'hooks' key",
               "plugin.hooks");
    return;
  }
  HookPlace place{file->bytes, file->place.locate, "plugin",
                  HookOwner::kSettings, true};
  ValidateHooks(hooks, place, sink);
}

// An MCP file of the plugin (`relative` to it): both the documented
// {"mcpServers": {...}} and a bare {name: server}.
void CheckMcpFile(FileReader& fs, const Folder& plugin,
                  const std::string& relative, DiagnosticSink& sink) {
  std::string path = JoinNormal(plugin.path, relative);
  if (fs.Stat(path) != FileReader::Kind::kFile) return;
  std::unique_ptr<JsonFile> file = ReadJsonFile(
      fs, path, Inside(plugin.display, relative), "plugin.mcpServers", sink);
  if (!file) return;
  const YamlNode& wrapped = MappingValue(file->tree.root(), "mcpServers");
  McpServersPlace place{file->bytes, file->place.locate, "plugin"};
  ValidateMcpServerMap(wrapped.IsDefined() ? wrapped : file->tree.root(), place,
                       sink);
}

// The keys of plugin.json, checked in plugin.json itself and in a
// marketplace entry (which may hold any of them).
class ManifestChecker {
 public:
  // `plugin` is the folder paths resolve in; null for a remote plugin.
  ManifestChecker(FileReader& fs, const TreePlace& place, std::string prefix,
                  const Folder* plugin, DiagnosticSink& sink)
      : fs_(fs),
        place_(place),
        prefix_(std::move(prefix)),
        plugin_(plugin),
        sink_(sink),
        formats_(Formats()) {}

  // Checks every key of `object` but `name`, which the callers check, and
  // (for an entry) the entry's own keys.
  void Keys(const YamlNode& object, bool entry) {
    std::vector<std::string> known = formats_.string_keys;
    for (const auto* list :
         {&formats_.path_keys, &formats_.config_keys, &formats_.other_keys})
      known.insert(known.end(), list->begin(), list->end());
    if (entry)
      known.insert(known.end(), formats_.entry_keys.begin(),
                   formats_.entry_keys.end());
    for (const YamlNode::Entry& item : object.entries()) {
      const std::string& key = item.key->scalar();
      const YamlNode& value = *item.value;
      if (Contains(formats_.string_keys, key)) {
        String(*item.key, value);
      } else if (Contains(formats_.path_keys, key)) {
        Paths(*item.key, value, false);
      } else if (Contains(formats_.config_keys, key)) {
        Paths(*item.key, value, true);
      } else if (key == "experimental") {
        Experimental(*item.key, value);
      } else if (Contains(formats_.other_keys, key)) {
        Other(*item.key, value);
      } else if (entry && Contains(formats_.entry_keys, key)) {
        // The entry's own keys are the marketplace checker's.
      } else if (Contains(formats_.marketplace_only_keys, key)) {
        Error(At(*item.key),
              "'" + key +
                  "' is a key of a plugin's marketplace entry: in plugin.json "
                  "it makes the plugin fail to load; move it to the entry in "
                  "marketplace.json",
              key);
      } else if (Contains(formats_.experimental_keys, key)) {
        Warning(At(*item.key),
                "'" + key +
                    "' belongs under 'experimental': Claude Code ignores it "
                    "at the top level",
                key);
      } else {
        std::optional<std::string> near = NearestName(key, known);
        std::string message = "unknown key '" + key + "' in " +
                              (entry ? "a marketplace entry" : "plugin.json") +
                              ": Claude Code ignores it";
        if (near) message += "; did you mean '" + *near + "'?";
        ReportName(place_, *item.key, Severity::kWarning, message, near,
                   prefix_ + ".unknown-key", sink_);
      }
    }
  }

  // Whether `object` sets a key that declares components.
  bool DeclaresComponents(const YamlNode& object) const {
    for (const YamlNode::Entry& item : object.entries()) {
      const std::string& key = item.key->scalar();
      if (Contains(formats_.path_keys, key) ||
          Contains(formats_.config_keys, key) || key == "experimental")
        return true;
    }
    return false;
  }

 private:
  Location At(const YamlNode& node) const {
    return place_.locate(node.offset());
  }
  std::string Got(const YamlNode& node) const {
    return "; got " + Shown(node, true);
  }
  void Error(const Location& where, const std::string& message,
             const std::string& key) {
    sink_.Error(where, message, prefix_ + "." + key);
  }
  void Warning(const Location& where, const std::string& message,
               const std::string& key) {
    sink_.Warning(where, message, prefix_ + "." + key);
  }

  void String(const YamlNode& key, const YamlNode& value) {
    const std::string& name = key.scalar();
    if (KindOf(value) != ValueKind::kString) {
      Error(At(key), "'" + name + "' must be a string" + Got(value), name);
    } else if (name == "version" && !IsSemver(value.scalar())) {
      Warning(At(value),
              "'version' \"" + value.scalar() +
                  "\" is not a semantic version (MAJOR.MINOR.PATCH), which "
                  "Claude Code expects to tell updates apart",
              name);
    }
  }

  void Other(const YamlNode& key, const YamlNode& value) {
    const std::string& name = key.scalar();
    ValueKind kind = KindOf(value);
    if (name == "author") {
      const YamlNode& author_name = MappingValue(value, "name");
      if (kind != ValueKind::kMapping || !author_name.IsDefined()) {
        Error(At(key),
              "'author' must be an object with a \"name\" (and optionally "
              "\"email\" and \"url\")" +
                  Got(value),
              name);
        return;
      }
      for (const YamlNode::Entry& item : value.entries()) {
        if (KindOf(*item.value) != ValueKind::kString)
          Error(At(*item.key),
                "'author." + item.key->scalar() + "' must be a string" +
                    Got(*item.value),
                name);
      }
    } else if (name == "keywords") {
      bool strings = kind == ValueKind::kList;
      for (const YamlNode* item : value.items())
        strings = strings && KindOf(*item) == ValueKind::kString;
      if (!strings)
        Error(At(key), "'keywords' must be a list of strings" + Got(value),
              name);
    } else if (name == "metadata" && kind != ValueKind::kMapping) {
      Warning(
          At(key),
          "'metadata' should be an object; Claude Code ignores it" + Got(value),
          name);
    } else if (name == "defaultEnabled" && kind != ValueKind::kBoolean) {
      Error(At(key), "'defaultEnabled' must be true or false" + Got(value),
            name);
    } else if (name == "userConfig" && kind != ValueKind::kMapping) {
      Error(At(key),
            "'userConfig' must be an object of option names to options" +
                Got(value),
            name);
    } else if ((name == "channels" || name == "dependencies") &&
               kind != ValueKind::kList) {
      Error(At(key), "'" + name + "' must be a list" + Got(value), name);
    }
  }

  void Experimental(const YamlNode& key, const YamlNode& value) {
    if (KindOf(value) != ValueKind::kMapping) {
      Error(At(key), "'experimental' must be an object" + Got(value),
            "experimental");
      return;
    }
    for (const YamlNode::Entry& item : value.entries()) {
      if (Contains(formats_.experimental_keys, item.key->scalar()))
        Paths(*item.key, *item.value, false);
    }
  }

  // A path field: a path or a list of them, or (for hooks, mcpServers and
  // lspServers) the configuration inline.
  void Paths(const YamlNode& key, const YamlNode& value, bool config) {
    const std::string& name = key.scalar();
    ValueKind kind = KindOf(value);
    if (kind == ValueKind::kString) {
      OnePath(name, value);
    } else if (kind == ValueKind::kList) {
      for (const YamlNode* item : value.items()) {
        if (KindOf(*item) == ValueKind::kString) {
          OnePath(name, *item);
        } else if (config && KindOf(*item) == ValueKind::kMapping) {
          Inline(name, *item);
        } else {
          Error(At(*item),
                "each entry of '" + name + "' must be a path" + Got(*item),
                name);
        }
      }
    } else if (config && kind == ValueKind::kMapping) {
      Inline(name, value);
    } else {
      Error(At(key),
            "'" + name +
                "' must be a path starting with './' or a list of "
                "them" +
                (config ? ", or the configuration as an object" : "") +
                Got(value),
            name);
    }
  }

  // A configuration written in the manifest: servers and hooks are checked
  // as in their files; LSP servers are not checked (yet).
  void Inline(const std::string& name, const YamlNode& value) {
    if (name == "mcpServers") {
      McpServersPlace place{place_.text, place_.locate, prefix_};
      ValidateMcpServerMap(value, place, sink_);
    } else if (name == "hooks") {
      // As a hooks file holds them, or the events themselves.
      const YamlNode& wrapped = MappingValue(value, "hooks");
      HookPlace place{place_.text, place_.locate, prefix_, HookOwner::kSettings,
                      true};
      ValidateHooks(wrapped.IsDefined() ? wrapped : value, place, sink_);
    }
  }

  void OnePath(const std::string& name, const YamlNode& node) {
    const std::string& path = node.scalar();
    bool absolute = !path.empty() && (path[0] == '/' || path[0] == '\\' ||
                                      (path.size() > 1 && path[1] == ':'));
    if (absolute) {
      Error(At(node),
            "'" + name + "' path \"" + path +
                "\" is absolute: only the plugin folder is installed, so "
                "write it relative to the plugin, starting with './'",
            name);
      return;
    }
    if (!(path.rfind("./", 0) == 0 || (name == "skills" && path == "."))) {
      Error(At(node),
            "'" + name + "' path \"" + path +
                "\" must start with './' (relative to the plugin folder)",
            name);
      return;
    }
    std::string normal = Normal(path);
    if (normal == ".." || normal.rfind("../", 0) == 0) {
      Error(At(node),
            "'" + name + "' path \"" + path +
                "\" leaves the plugin folder: only that folder is installed, "
                "so the path breaks after install",
            name);
      return;
    }
    if (name == "hooks" && normal == "hooks/hooks.json") {
      Error(At(node),
            "Duplicate hooks file: hooks/hooks.json is loaded by default, "
            "and Claude Code refuses a manifest that names it again; "
            "'hooks' only lists additional hook files (remove this entry)",
            name);
      return;
    }
    if (plugin_ == nullptr) return;
    FileReader::Kind kind = fs_.Stat(JoinNormal(plugin_->path, normal));
    if (kind == FileReader::Kind::kMissing) {
      Error(At(node),
            "'" + name + "' path \"" + path + "\" does not exist in " +
                plugin_->display,
            name);
    } else if (name == "agents" && kind == FileReader::Kind::kDirectory) {
      Error(At(node),
            "'agents' path \"" + path +
                "\" is a folder, but 'agents' takes agent files "
                "(\"./agents/reviewer.md\"): list the files, or leave "
                "'agents' out to load agents/*.md",
            name);
    } else if (name == "hooks" && kind == FileReader::Kind::kFile) {
      CheckHooksFile(fs_, *plugin_, normal, sink_);
    } else if (name == "mcpServers" && kind == FileReader::Kind::kFile) {
      CheckMcpFile(fs_, *plugin_, normal, sink_);
    } else if (name == "skills" && kind == FileReader::Kind::kFile) {
      Error(At(node),
            "'skills' path \"" + path +
                "\" is a file, but 'skills' takes folders holding "
                "<name>/SKILL.md",
            name);
    }
  }

  FileReader& fs_;
  const TreePlace& place_;
  std::string prefix_;
  const Folder* plugin_;
  DiagnosticSink& sink_;
  const PluginFormats& formats_;
};

// `name` of plugin.json or a marketplace entry: a kebab-case string.
void CheckName(const TreePlace& place, const YamlNode& object,
               const std::string& what, const std::string& rule,
               DiagnosticSink& sink) {
  const YamlNode& name = MappingValue(object, "name");
  if (!name.IsDefined()) {
    sink.Error(place.locate(object.offset()),
               what + " has no 'name' (a kebab-case string)", rule);
  } else if (KindOf(name) != ValueKind::kString || name.scalar().empty()) {
    sink.Error(place.locate(name.offset()),
               "'name' must be a non-empty string; got " + Shown(name, true),
               rule);
  } else if (!IsKebabCase(name.scalar())) {
    sink.Warning(place.locate(name.offset()),
                 "name \"" + name.scalar() +
                     "\" is not kebab-case (lowercase letters, digits and "
                     "'-'): Claude Code loads it, but claude.ai and Claude "
                     "Desktop may not",
                 rule);
  }
}

// A plugin agent's frontmatter keys that Claude Code ignores in a plugin.
void WarnIgnoredAgentKeys(const std::string& text, const std::string& display,
                          DiagnosticSink& sink) {
  if (text.rfind("---", 0) != 0) return;
  size_t end = text.find("\n---", 3);
  if (end == std::string::npos) return;
  size_t line = text.find('\n') + 1;
  while (line < end) {
    for (const std::string& key : Formats().agent_keys_ignored) {
      if (text.compare(line, key.size() + 1, key + ":") == 0) {
        sink.Warning(LocateOffset(display, text, line),
                     "'" + key +
                         "' is ignored in a plugin agent: Claude Code does "
                         "not support it there (only in .claude/agents/)",
                     "plugin.agent");
      }
    }
    line = text.find('\n', line) + 1;
    if (line == 0) break;
  }
}

// The `.md` files of `folder` (not below it).
std::vector<std::string> MarkdownFiles(FileReader& fs,
                                       const std::string& folder) {
  std::vector<std::string> names;
  std::string error;
  auto entries = fs.ListDirectory(folder, &error);
  if (!entries) return names;
  for (const FileReader::DirectoryEntry& entry : *entries) {
    if (ExtensionOf(entry.name) == "md" &&
        entry.kind != FileReader::EntryKind::kDirectory)
      names.push_back(entry.name);
  }
  return names;
}

void CheckMarkdown(FileReader& fs, const std::string& type,
                   const std::string& path, const std::string& display,
                   DiagnosticSink& sink) {
  std::string text, error;
  if (!fs.ReadFile(path, &text, &error)) {
    sink.Error(WholeFile(display), "cannot read it: " + error,
               "plugin." + type);
    return;
  }
  CheckFileFrontmatter(*FindSchema("claude-code", type), text, display, sink);
  if (type == "agent") WarnIgnoredAgentKeys(text, display, sink);
}

void CheckComponents(FileReader& fs, const Folder& plugin,
                     DiagnosticSink& sink) {
  for (const char* type : {"agent", "command"}) {
    std::string folder = std::string(type) + "s";
    for (const std::string& name :
         MarkdownFiles(fs, JoinNormal(plugin.path, folder)))
      CheckMarkdown(fs, type, JoinNormal(plugin.path, folder + "/" + name),
                    Inside(plugin.display, folder + "/" + name), sink);
  }
  std::string error;
  auto skills = fs.ListDirectory(JoinNormal(plugin.path, "skills"), &error);
  if (!skills) return;
  for (const FileReader::DirectoryEntry& skill : *skills) {
    std::string relative = "skills/" + skill.name + "/SKILL.md";
    std::string path = JoinNormal(plugin.path, relative);
    if (fs.Stat(path) == FileReader::Kind::kFile)
      CheckMarkdown(fs, "skill", path, Inside(plugin.display, relative), sink);
  }
}

// Symlinks whose target lies outside the plugin: only the plugin folder is
// installed, so they break.
void CheckSymlinks(FileReader& fs, const Folder& plugin,
                   const std::string& real_root, const std::string& folder,
                   DiagnosticSink& sink) {
  std::string error;
  auto entries = fs.ListDirectory(folder, &error);
  if (!entries) return;
  for (const FileReader::DirectoryEntry& entry : *entries) {
    std::string path = JoinNormal(folder, entry.name);
    if (entry.kind == FileReader::EntryKind::kDirectory) {
      if (entry.name != ".git" && entry.name != "node_modules")
        CheckSymlinks(fs, plugin, real_root, path, sink);
      continue;
    }
    if (entry.kind != FileReader::EntryKind::kSymlink) continue;
    std::string display = Inside(plugin.display, RelativeTo(path, plugin.path));
    std::optional<std::string> target = fs.RealPath(path);
    std::optional<std::string> link = fs.ReadLink(path, &error);
    if (!target) {
      sink.Error(WholeFile(display),
                 "symlink to \"" + link.value_or("?") + "\" points at nothing",
                 "plugin.symlink");
    } else if (!plugin.marketplace.empty() &&
               IsWithin(*target, plugin.marketplace) &&
               !IsWithin(*target, real_root)) {
      sink.Warning(WholeFile(display),
                   "symlink to \"" + link.value_or(*target) +
                       "\" leaves the plugin folder: a marketplace install "
                       "copies its target in, but --plugin-dir, a local "
                       "install and Windows checkouts lose it (copy the file "
                       "in instead)",
                   "plugin.symlink");
    } else if (!IsWithin(*target, real_root)) {
      sink.Error(WholeFile(display),
                 "symlink to \"" + link.value_or(*target) +
                     "\" leaves the plugin folder: only the plugin is "
                     "installed, so it breaks after install (copy the file "
                     "in instead)",
                 "plugin.symlink");
    }
  }
}

PluginSummary CheckPlugin(FileReader& fs, const Folder& plugin,
                          DiagnosticSink& sink) {
  PluginSummary summary;
  if (fs.Stat(plugin.path) != FileReader::Kind::kDirectory) {
    sink.Error(WholeFile(plugin.display), "the plugin folder does not exist",
               "plugin.folder");
    return summary;
  }
  const PluginFormats& formats = Formats();
  std::string error;
  std::string meta = JoinNormal(plugin.path, ".claude-plugin");
  if (auto entries = fs.ListDirectory(meta, &error)) {
    for (const FileReader::DirectoryEntry& entry : *entries) {
      if (Contains(formats.component_folders, entry.name))
        sink.Error(
            WholeFile(Inside(plugin.display, ".claude-plugin/" + entry.name)),
            "'" + entry.name +
                "' belongs at the plugin's root, not in "
                ".claude-plugin/ (which holds plugin.json only): "
                "Claude Code does not look for it here",
            "plugin.layout");
    }
  }
  std::string manifest = JoinNormal(meta, "plugin.json");
  if (fs.Stat(manifest) == FileReader::Kind::kFile) {
    summary.has_manifest = true;
    std::unique_ptr<JsonFile> file = ReadJsonFile(
        fs, manifest, Inside(plugin.display, ".claude-plugin/plugin.json"),
        "plugin.json", sink);
    if (file) {
      const YamlNode& root = file->tree.root();
      CheckName(file->place, root, "plugin.json", "plugin.name", sink);
      ManifestChecker checker(fs, file->place, "plugin", &plugin, sink);
      checker.Keys(root, false);
      summary.declares_components = checker.DeclaresComponents(root);
      const YamlNode& version = MappingValue(root, "version");
      if (KindOf(version) == ValueKind::kString)
        summary.version = version.scalar();
    }
  }
  if (fs.Stat(JoinNormal(plugin.path, "CLAUDE.md")) ==
      FileReader::Kind::kFile) {
    sink.Warning(WholeFile(Inside(plugin.display, "CLAUDE.md")),
                 "a plugin's CLAUDE.md is not loaded: put instructions in a "
                 "skill or an agent",
                 "plugin.claude-md");
  }
  CheckHooksFile(fs, plugin, "hooks/hooks.json", sink);
  CheckMcpFile(fs, plugin, ".mcp.json", sink);
  CheckComponents(fs, plugin, sink);
  if (std::optional<std::string> real = fs.RealPath(plugin.path))
    CheckSymlinks(fs, plugin, *real, plugin.path, sink);
  return summary;
}

// One object `source`: a kind and the keys it requires.
void CheckSourceObject(const TreePlace& place, const YamlNode& source,
                       DiagnosticSink& sink) {
  const auto& required = Formats().source_required;
  const YamlNode& kind = MappingValue(source, "source");
  std::vector<std::string> kinds;
  kinds.reserve(required.size());
  for (const auto& known : required) kinds.push_back(known.first);
  auto found = required.find(kind.scalar());
  if (KindOf(kind) != ValueKind::kString || found == required.end()) {
    sink.Error(place.locate(kind.IsDefined() ? kind.offset() : source.offset()),
               "an object 'source' needs \"source\": one of " + OneOf(kinds) +
                   (kind.IsDefined() ? "; got " + Shown(kind, true) : ""),
               "marketplace.source");
    return;
  }
  for (const std::string& key : found->second) {
    const YamlNode& value = MappingValue(source, key);
    if (KindOf(value) != ValueKind::kString || value.scalar().empty())
      sink.Error(
          place.locate(value.IsDefined() ? value.offset() : source.offset()),
          "a \"" + found->first + "\" source needs \"" + key +
              "\" (a non-empty string)" +
              (value.IsDefined() ? "; got " + Shown(value, true) : ""),
          "marketplace.source");
  }
}

struct Marketplace {
  std::string root;          // the folder holding .claude-plugin/
  std::string root_display;  // as diagnostics name it
  std::string plugin_root;   // metadata.pluginRoot, "" when unset
  std::string real_root;     // `root` with symlinks resolved
};

// The plugin folder of a relative `source`, or nullopt after an error.
std::optional<Folder> LocalSource(const Marketplace& market,
                                  const TreePlace& place,
                                  const YamlNode& source,
                                  DiagnosticSink& sink) {
  std::string path = source.scalar();
  bool dotted = path == "." || path.rfind("./", 0) == 0;
  if (!dotted && !market.plugin_root.empty())
    path = market.plugin_root + "/" + path;
  else if (!dotted) {
    sink.Error(place.locate(source.offset()),
               "a relative 'source' must start with './' (relative to the "
               "folder holding .claude-plugin/); got \"" +
                   path + "\"",
               "marketplace.source");
    return std::nullopt;
  }
  std::string segments = "/" + path + "/";
  if (segments.find("/../") != std::string::npos) {
    sink.Error(place.locate(source.offset()),
               "Path contains \"..\": a plugin source must lie within the "
               "marketplace",
               "marketplace.source");
    return std::nullopt;
  }
  return Folder{JoinNormal(market.root, path),
                Inside(market.root_display, Normal(path)), market.real_root};
}

void CheckEntry(FileReader& fs, const Marketplace& market,
                const TreePlace& place, const YamlNode& entry,
                DiagnosticSink& sink) {
  CheckName(place, entry, "a plugin entry", "marketplace.plugins", sink);
  const YamlNode& source = MappingValue(entry, "source");
  std::optional<Folder> plugin;
  if (!source.IsDefined()) {
    sink.Error(place.locate(entry.offset()),
               "a plugin entry has no 'source' (\"./path\" or an object)",
               "marketplace.source");
  } else if (KindOf(source) == ValueKind::kString) {
    plugin = LocalSource(market, place, source, sink);
  } else if (KindOf(source) == ValueKind::kMapping) {
    CheckSourceObject(place, source, sink);
  } else {
    sink.Error(place.locate(source.offset()),
               "'source' must be a path starting with './' or an object; got " +
                   Shown(source, true),
               "marketplace.source");
  }
  ManifestChecker checker(fs, place, "marketplace", plugin ? &*plugin : nullptr,
                          sink);
  checker.Keys(entry, true);
  const YamlNode& strict = MappingValue(entry, "strict");
  bool strict_known =
      !strict.IsDefined() || KindOf(strict) == ValueKind::kBoolean;
  if (!strict_known)
    sink.Error(place.locate(strict.offset()),
               "'strict' must be true or false; got " + Shown(strict, true),
               "marketplace.strict");
  if (!plugin) return;
  PluginSummary summary = CheckPlugin(fs, *plugin, sink);
  if (!strict_known) return;
  bool is_strict = !strict.IsDefined() || strict.scalar() == "true";
  if (is_strict && !summary.has_manifest &&
      fs.Stat(plugin->path) == FileReader::Kind::kDirectory) {
    sink.Warning(place.locate(source.offset()),
                 "a strict entry (the default) whose plugin has no "
                 ".claude-plugin/plugin.json: Claude Code loads it with the "
                 "entry as its manifest, but claude.ai refuses it; set "
                 "\"strict\": false or add a plugin.json",
                 "marketplace.strict");
  }
  if (!is_strict && summary.declares_components) {
    sink.Error(place.locate(strict.offset()),
               "\"strict\": false makes this entry the whole plugin "
               "definition, but " +
                   Inside(plugin->display, ".claude-plugin/plugin.json") +
                   " declares components too: Claude Code refuses the "
                   "conflict; remove them there or drop \"strict\": false",
               "marketplace.strict");
  }
  const YamlNode& version = MappingValue(entry, "version");
  if (summary.version && KindOf(version) == ValueKind::kString &&
      version.scalar() != *summary.version) {
    sink.Warning(place.locate(version.offset()),
                 "the entry's version \"" + version.scalar() +
                     "\" differs from plugin.json's \"" + *summary.version +
                     "\", which Claude Code uses instead",
                 "marketplace.version");
  }
}

void CheckMarketplaceFile(FileReader& fs, Marketplace market,
                          const std::string& path, const std::string& display,
                          DiagnosticSink& sink) {
  std::unique_ptr<JsonFile> file =
      ReadJsonFile(fs, path, display, "marketplace.json", sink);
  if (!file) return;
  const TreePlace& place = file->place;
  const YamlNode& root = file->tree.root();
  const PluginFormats& formats = Formats();
  CheckName(place, root, "marketplace.json", "marketplace.name", sink);
  const YamlNode& name = MappingValue(root, "name");
  if (Contains(formats.reserved_names, name.scalar()))
    sink.Warning(place.locate(name.offset()),
                 "\"" + name.scalar() +
                     "\" is reserved for Anthropic's own marketplaces: Claude "
                     "Code refuses it from any other source",
                 "marketplace.name");
  if (!MappingValue(root, "description").IsDefined() &&
      !MappingValue(MappingValue(root, "metadata"), "description").IsDefined())
    sink.Warning(place.locate(root.offset()),
                 "No marketplace description provided: add a 'description' "
                 "for the marketplace's listing",
                 "marketplace.description");
  const YamlNode& owner = MappingValue(root, "owner");
  if (!owner.IsDefined())
    sink.Error(place.locate(root.offset()),
               "marketplace.json has no 'owner' (an object with a \"name\" "
               "string)",
               "marketplace.owner");
  else if (KindOf(owner) != ValueKind::kMapping ||
           KindOf(MappingValue(owner, "name")) != ValueKind::kString)
    sink.Error(place.locate(owner.offset()),
               "'owner' must be an object with a \"name\" string; got " +
                   Shown(owner, true),
               "marketplace.owner");
  const YamlNode& plugin_root =
      MappingValue(MappingValue(root, "metadata"), "pluginRoot");
  if (KindOf(plugin_root) == ValueKind::kString)
    market.plugin_root = plugin_root.scalar();
  for (const YamlNode::Entry& item : root.entries()) {
    const std::string& key = item.key->scalar();
    if (Contains(formats.marketplace_keys, key)) continue;
    std::optional<std::string> near =
        NearestName(key, formats.marketplace_keys);
    std::string message =
        "unknown key '" + key + "' in marketplace.json: Claude Code ignores it";
    if (near) message += "; did you mean '" + *near + "'?";
    ReportName(place, *item.key, Severity::kWarning, message, near,
               "marketplace.unknown-key", sink);
  }
  const YamlNode& plugins = MappingValue(root, "plugins");
  if (KindOf(plugins) != ValueKind::kList) {
    sink.Error(place.locate(plugins.IsDefined() ? plugins.offset() : 0),
               "'plugins' must be a list of plugin entries" +
                   (plugins.IsDefined() ? "; got " + Shown(plugins, true)
                                        : " (there is none)"),
               "marketplace.plugins");
    return;
  }
  if (plugins.items().empty())
    sink.Warning(place.locate(plugins.offset()),
                 "Marketplace has no plugins defined", "marketplace.plugins");
  std::map<std::string, const YamlNode*> seen;
  for (const YamlNode* entry : plugins.items()) {
    if (!entry->IsMap()) {
      sink.Error(place.locate(entry->offset()),
                 "a plugin entry must be an object; got " + Shown(*entry, true),
                 "marketplace.plugins");
      continue;
    }
    const YamlNode& entry_name = MappingValue(*entry, "name");
    if (KindOf(entry_name) == ValueKind::kString &&
        !seen.emplace(entry_name.scalar(), &entry_name).second) {
      sink.Error(
          place.locate(entry_name.offset()),
          "Duplicate plugin name \"" + entry_name.scalar() +
              "\" found in marketplace (first on line " +
              std::to_string(
                  place.locate(seen[entry_name.scalar()]->offset()).line) +
              ")",
          "marketplace.plugins");
    }
    CheckEntry(fs, market, place, *entry, sink);
  }
}

}  // namespace

PluginSummary CheckPluginFolder(FileReader& fs, const std::string& folder,
                                DiagnosticSink& sink) {
  Folder plugin{AbsoluteNormal(fs.CurrentDirectory(), folder), folder, ""};
  return CheckPlugin(fs, plugin, sink);
}

void CheckMarketplace(FileReader& fs, const std::string& path,
                      DiagnosticSink& sink) {
  std::string absolute = AbsoluteNormal(fs.CurrentDirectory(), path);
  Marketplace market;
  std::string file = absolute;
  std::string display = Normal(path);
  if (fs.Stat(absolute) == FileReader::Kind::kDirectory) {
    market.root = absolute;
    market.root_display = display;
    file = JoinNormal(absolute, ".claude-plugin/marketplace.json");
    display = Inside(display, ".claude-plugin/marketplace.json");
  } else {
    market.root = ParentOf(absolute);
    market.root_display = ParentOf(display);
    if (market.root.substr(market.root.rfind('/') + 1) == ".claude-plugin") {
      market.root = ParentOf(market.root);
      market.root_display = ParentOf(market.root_display);
    }
  }
  if (fs.Stat(file) != FileReader::Kind::kFile) {
    sink.Error(WholeFile(display), "no marketplace file here",
               "marketplace.json");
    return;
  }
  market.real_root = fs.RealPath(market.root).value_or(market.root);
  CheckMarketplaceFile(fs, market, file, display, sink);
}

}  // namespace agentgen
