// SPDX-License-Identifier: MIT
// AGPM's lockfile as sync reads it (docs/sync.md, "Next to agpm install"):
// only which paths AGPM installed, so that sync never writes, adopts or
// deletes them.
#ifndef AGENTGEN_SYNC_AGPM_LOCKFILE_H_
#define AGENTGEN_SYNC_AGPM_LOCKFILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// The `installed_at` paths of every resource `agpm.lock` records (in its
/// arrays of tables `[[agents]]`, `[[snippets]]`, ...), lexically normal,
/// relative to the lockfile's folder, each mapped to how messages name its
/// entry: `agpm.lock: [[agents]] name = "reviewer"`. A TOML syntax error is
/// reported at its place in `display`; returns nullopt then.
std::optional<std::map<std::string, std::string>> ReadAgpmInstalledPaths(
    std::string_view text, std::string_view display, DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_AGPM_LOCKFILE_H_
