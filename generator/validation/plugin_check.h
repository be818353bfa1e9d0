// SPDX-License-Identifier: MIT
// `agentgen check --type plugin|marketplace` (docs/validation.md, "Plugins
// and marketplaces"): a Claude Code plugin folder, or a marketplace file and
// every plugin it holds locally, checked as Claude Code loads them. The keys
// and names are the data of formats.toml ([plugin], [marketplace]).
#ifndef AGENTGEN_VALIDATION_PLUGIN_CHECK_H_
#define AGENTGEN_VALIDATION_PLUGIN_CHECK_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"

namespace agentgen {

/// What a marketplace entry needs to know of the plugin it names.
struct PluginSummary {
  bool has_manifest = false;         ///< `.claude-plugin/plugin.json` is there
  bool declares_components = false;  ///< it sets a path or config key
  std::optional<std::string> version;  ///< its `version`, when a string
};

/// Checks the plugin folder `folder` (as the user named it, relative to the
/// working directory): its optional `plugin.json`, the place of its
/// component folders, `hooks/hooks.json`, `.mcp.json`, the frontmatter of
/// its agents, commands and skills, and symlinks leaving it. Rules
/// `plugin.<field>`.
PluginSummary CheckPluginFolder(FileReader& fs, const std::string& folder,
                                DiagnosticSink& sink);

/// Checks a marketplace: `path` names `.claude-plugin/marketplace.json` or
/// the folder holding `.claude-plugin/`. Each entry is checked, and each
/// plugin with a relative source as CheckPluginFolder does. Rules
/// `marketplace.<field>`.
void CheckMarketplace(FileReader& fs, const std::string& path,
                      DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_PLUGIN_CHECK_H_
