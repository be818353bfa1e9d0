// SPDX-License-Identifier: MIT
#include "validation/plugin_check.h"

#include <memory>
#include <vector>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "validation/check.h"
#include "validation/formats_data.h"
#include "validation/hook_schema.h"
#include "validation/mcp_server.h"
#include "validation/plugin_json.h"
#include "validation/schema.h"

namespace agentgen {
namespace {

struct PluginFormats {
  std::vector<std::string> string_keys, path_keys, config_keys, other_keys,
      marketplace_only_keys, experimental_keys, component_folders,
      agent_keys_ignored;
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
    return f;
  }();
  return formats;
}

// A hooks file of the plugin (`relative` to it), `{"hooks": {Event: ...}}`.
void CheckHooksFile(FileReader& fs, const PluginFolder& plugin,
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
void CheckMcpFile(FileReader& fs, const PluginFolder& plugin,
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
                  const PluginFolder* plugin, DiagnosticSink& sink)
      : fs_(fs),
        place_(place),
        prefix_(std::move(prefix)),
        plugin_(plugin),
        sink_(sink),
        formats_(Formats()) {}

  // Checks every key of `object` but `name`, which the callers check, and
  // (when `object` is a marketplace entry) but the entry's own keys.
  void Keys(const YamlNode& object,
            const std::vector<std::string>* entry_keys) {
    bool entry = entry_keys != nullptr;
    std::vector<std::string> known = formats_.string_keys;
    for (const auto* list :
         {&formats_.path_keys, &formats_.config_keys, &formats_.other_keys})
      known.insert(known.end(), list->begin(), list->end());
    if (entry)
      known.insert(known.end(), entry_keys->begin(), entry_keys->end());
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
      } else if (entry && Contains(*entry_keys, key)) {
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
  const PluginFolder* plugin_;
  DiagnosticSink& sink_;
  const PluginFormats& formats_;
};

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

void CheckComponents(FileReader& fs, const PluginFolder& plugin,
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
void CheckSymlinks(FileReader& fs, const PluginFolder& plugin,
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

}  // namespace

PluginSummary CheckPlugin(FileReader& fs, const PluginFolder& plugin,
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
      ManifestChecker(fs, file->place, "plugin", &plugin, sink)
          .Keys(root, nullptr);
      summary.declares_components = DeclaresComponents(root);
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

PluginSummary CheckPluginFolder(FileReader& fs, const std::string& folder,
                                DiagnosticSink& sink) {
  PluginFolder plugin{AbsoluteNormal(fs.CurrentDirectory(), folder), folder,
                      ""};
  return CheckPlugin(fs, plugin, sink);
}

void CheckManifestKeys(FileReader& fs, const TreePlace& place,
                       const std::string& prefix, const PluginFolder* plugin,
                       const YamlNode& object,
                       const std::vector<std::string>* entry_keys,
                       DiagnosticSink& sink) {
  ManifestChecker(fs, place, prefix, plugin, sink).Keys(object, entry_keys);
}

bool DeclaresComponents(const YamlNode& object) {
  const PluginFormats& formats = Formats();
  for (const YamlNode::Entry& item : object.entries()) {
    const std::string& key = item.key->scalar();
    if (Contains(formats.path_keys, key) ||
        Contains(formats.config_keys, key) || key == "experimental")
      return true;
  }
  return false;
}

}  // namespace agentgen
