// SPDX-License-Identifier: MIT
// `agentgen check --type plugin` (docs/validation.md, "Plugins and
// marketplaces"): a Claude Code plugin folder checked as Claude Code loads
// it. The marketplace check (marketplace_check.h) checks each of its local
// plugins here, and the keys of its entries, which are plugin.json's, too.
// The keys and folders are the data of formats.toml ([plugin]).
#ifndef AGENTGEN_VALIDATION_PLUGIN_CHECK_H_
#define AGENTGEN_VALIDATION_PLUGIN_CHECK_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "inputs/yaml_node.h"
#include "validation/node_values.h"

namespace agentgen {

/// What a marketplace entry needs to know of the plugin it names.
struct PluginSummary {
  bool has_manifest = false;         ///< `.claude-plugin/plugin.json` is there
  bool declares_components = false;  ///< it sets a path or config key
  std::optional<std::string> version;  ///< its `version`, when a string
};

/// A plugin folder: absolute, and as diagnostics name it.
struct PluginFolder {
  std::string path;
  std::string display;
  /// The marketplace's folder, symlinks resolved, when checked as one of
  /// its plugins: a marketplace install copies in what links there reach.
  std::string marketplace;
};

/// Checks the plugin folder `folder` (as the user named it, relative to the
/// working directory): its optional `plugin.json`, the place of its
/// component folders, `hooks/hooks.json`, `.mcp.json`, the frontmatter of
/// its agents, commands and skills, and symlinks leaving it. Rules
/// `plugin.<field>`.
PluginSummary CheckPluginFolder(FileReader& fs, const std::string& folder,
                                DiagnosticSink& sink);

/// CheckPluginFolder for a folder already resolved (a marketplace's plugin).
PluginSummary CheckPlugin(FileReader& fs, const PluginFolder& plugin,
                          DiagnosticSink& sink);

/// Checks every key of the manifest `object` but `name` (which the callers
/// check): of plugin.json when `entry_keys` is null, else of a marketplace
/// entry, whose own `entry_keys` the caller checks. Paths resolve in
/// `plugin`, which is null for a remote plugin. Rules `<prefix>.<key>`.
void CheckManifestKeys(FileReader& fs, const TreePlace& place,
                       const std::string& prefix, const PluginFolder* plugin,
                       const YamlNode& object,
                       const std::vector<std::string>* entry_keys,
                       DiagnosticSink& sink);

/// Whether the manifest `object` sets a key that declares components.
bool DeclaresComponents(const YamlNode& object);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_PLUGIN_CHECK_H_
