// SPDX-License-Identifier: MIT
// Sync's plugin layout (docs/plugins.md): the `[plugins.<name>]` and
// `[marketplace]` tables of a manifest or project file, and the files the
// layout generates from them and from a plugin's hooks and MCP servers:
// `plugin.json`, `marketplace.json`, `hooks/hooks.json`, `.mcp.json`. Also
// the two rewrites a plugin needs: agent keys Claude Code ignores in a
// plugin, and script paths that must go through `${CLAUDE_PLUGIN_ROOT}`.
#ifndef AGENTGEN_SYNC_PLUGIN_LAYOUT_H_
#define AGENTGEN_SYNC_PLUGIN_LAYOUT_H_

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "sync/merge_targets.h"

namespace agentgen {

/// One `[plugins.<name>]` table, checked.
struct PluginTable {
  std::string name;                 ///< the table's key, kebab-case
  Location at;                      ///< the key
  std::optional<std::string> from;  ///< as written
  Location from_at;
  bool has_entries = false;
  Location entries_at;  ///< the `entries` key
  /// `entries` as written: `section.key`, `section.*` or `*`.
  std::vector<std::pair<std::string, Location>> entries;
  /// The `plugin.json` fields in the order the table writes them.
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  /// `category` and `tags`, in the table's order.
  nlohmann::ordered_json listing = nlohmann::ordered_json::object();
};

struct MarketplaceTable {
  Location at;
  /// Every key in the table's order (`name` and `owner` among them).
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
};

struct PluginTables {
  std::vector<PluginTable> plugins;  ///< by name
  std::optional<MarketplaceTable> marketplace;
};

/// Reads the plugin tables of the TOML `text` (a manifest or a project
/// file, named `display`). Reports every problem at its key or value and
/// returns nullopt after an error (a TOML syntax error too). A text without
/// the tables gives empty tables.
std::optional<PluginTables> ReadPluginTables(std::string_view text,
                                             std::string_view display,
                                             DiagnosticSink& sink);

/// `.claude-plugin/plugin.json`: `name`, then the table's fields.
std::string PluginJsonText(const PluginTable& plugin);

/// `.claude-plugin/marketplace.json` listing `plugins` (by name), each at
/// `./plugins/<name>`.
std::string MarketplaceJsonText(const MarketplaceTable& marketplace,
                                const std::vector<PluginTable>& plugins);

/// `hooks/hooks.json` holding `hooks`: one group per event and matcher, in
/// the order first met.
std::string HooksJsonText(const std::vector<WantedHook>& hooks);

/// `.mcp.json` holding `servers` under `mcpServers`.
std::string McpJsonText(const std::vector<WantedServer>& servers);

/// The top-level frontmatter keys Claude Code ignores in a plugin's agent.
bool IsIgnoredPluginAgentKey(std::string_view key);

/// `rendered` (a rendered agent or command of a plugin) less the top-level
/// frontmatter keys a plugin does not carry, each with its value: AGPM's
/// own `dependencies` and `agpm` (build inputs: their paths do not exist in
/// the plugin), and for an agent (`agent`) the keys Claude Code ignores
/// there. The keys removed, in order, go to `*removed`.
std::string WithoutPluginKeys(std::string_view rendered, bool agent,
                              std::vector<std::string>* removed);

/// `command` with every word (split at spaces) that names a key of
/// `scripts` (with or without a leading `./`, quoted or not) replaced by
/// `${CLAUDE_PLUGIN_ROOT}/` and the key's value, in double quotes when
/// `shell`. Every other word for which `is_project_file` is true goes to
/// `*project_paths`.
std::string RewriteScriptPaths(
    std::string_view command, bool shell,
    const std::map<std::string, std::string>& scripts,
    const std::function<bool(const std::string&)>& is_project_file,
    std::vector<std::string>* project_paths);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_PLUGIN_LAYOUT_H_
