// SPDX-License-Identifier: MIT
#include "validation/marketplace_check.h"

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "validation/formats_data.h"
#include "validation/node_values.h"
#include "validation/plugin_check.h"
#include "validation/plugin_json.h"

namespace agentgen {
namespace {

struct MarketplaceFormats {
  std::vector<std::string> marketplace_keys, entry_keys, reserved_names;
  std::map<std::string, std::vector<std::string>> source_required;
};

const MarketplaceFormats& Formats() {
  static const MarketplaceFormats formats = [] {
    MarketplaceFormats f;
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
std::optional<PluginFolder> LocalSource(FileReader& fs,
                                        const Marketplace& market,
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
  PluginFolder plugin{JoinNormal(market.root, path),
                      Inside(market.root_display, Normal(path)),
                      market.real_root};
  // A symlink on the way leads out as ".." does: installing a marketplace
  // fetches its own repository, and a link out of it points at nothing.
  std::optional<std::string> real = fs.RealPath(plugin.path);
  if (real && !IsWithin(*real, market.real_root)) {
    sink.Error(place.locate(source.offset()),
               "the source \"" + source.scalar() +
                   "\" leads out of the marketplace through a symlink: an "
                   "install fetches the marketplace only, so the plugin is "
                   "missing after install (move the plugin in)",
               "marketplace.source");
    return std::nullopt;
  }
  return plugin;
}

void CheckEntry(FileReader& fs, const Marketplace& market,
                const TreePlace& place, const YamlNode& entry,
                DiagnosticSink& sink) {
  CheckName(place, entry, "a plugin entry", "marketplace.plugins", sink);
  const YamlNode& source = MappingValue(entry, "source");
  std::optional<PluginFolder> plugin;
  if (!source.IsDefined()) {
    sink.Error(place.locate(entry.offset()),
               "a plugin entry has no 'source' (\"./path\" or an object)",
               "marketplace.source");
  } else if (KindOf(source) == ValueKind::kString) {
    plugin = LocalSource(fs, market, place, source, sink);
  } else if (KindOf(source) == ValueKind::kMapping) {
    CheckSourceObject(place, source, sink);
  } else {
    sink.Error(place.locate(source.offset()),
               "'source' must be a path starting with './' or an object; got " +
                   Shown(source, true),
               "marketplace.source");
  }
  CheckManifestKeys(fs, place, "marketplace", plugin ? &*plugin : nullptr,
                    entry, &Formats().entry_keys, sink);
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
  const MarketplaceFormats& formats = Formats();
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