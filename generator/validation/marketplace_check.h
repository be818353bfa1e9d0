// SPDX-License-Identifier: MIT
// `agentgen check --type marketplace` (docs/validation.md, "Plugins and
// marketplaces"): a marketplace file, its entries and their sources, and
// every plugin it holds locally, checked as the plugin check
// (plugin_check.h) checks a plugin folder. The keys and names are the data
// of formats.toml ([marketplace]).
#ifndef AGENTGEN_VALIDATION_MARKETPLACE_CHECK_H_
#define AGENTGEN_VALIDATION_MARKETPLACE_CHECK_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"

namespace agentgen {

/// Checks a marketplace: `path` names `.claude-plugin/marketplace.json` or
/// the folder holding `.claude-plugin/`. Each entry is checked, and each
/// plugin with a relative source as CheckPluginFolder does. Rules
/// `marketplace.<field>`.
void CheckMarketplace(FileReader& fs, const std::string& path,
                      DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_MARKETPLACE_CHECK_H_
