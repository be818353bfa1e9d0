// SPDX-License-Identifier: MIT
// Sync's state files (docs/sync.md, "The state file"): which files below
// the destination sync wrote, with the SHA-256 of the bytes it wrote, and
// which members of the merged JSON files it owns. `.agentgen-sync.json` is
// committed with the tree; `.claude/.agentgen-sync.local.json` records the
// members of the per-user `.claude/settings.local.json` and is git-ignored.
#ifndef AGENTGEN_SYNC_SYNC_STATE_H_
#define AGENTGEN_SYNC_SYNC_STATE_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace agentgen {

/// The committed and the local state file, relative to the destination.
extern const char kSyncStatePath[];       // ".agentgen-sync.json"
extern const char kSyncLocalStatePath[];  // ".claude/.agentgen-sync.local.json"
/// The per-user merge target whose ownership the local state file records.
extern const char kLocalSettingsPath[];  // ".claude/settings.local.json"

/// One hook object sync added to a merge target.
struct OwnedHook {
  std::string event;                   ///< `SessionStart`, ...
  std::optional<std::string> matcher;  ///< the group's `matcher`; none: null
  nlohmann::json hook;                 ///< `{"type", "command"[, "timeout"]}`
  bool operator==(const OwnedHook& other) const {
    return event == other.event && matcher == other.matcher &&
           hook == other.hook;
  }
};

/// What sync owns in one merge target.
struct MergedOwnership {
  bool created = false;  ///< sync created the file (delete it once `{}`)
  /// MCP servers by key: `sha256:<hex>` of ServerDigestText(server).
  std::map<std::string, std::string> servers;
  std::vector<OwnedHook> hooks;  ///< in the order added
  bool empty() const { return servers.empty() && hooks.empty(); }
};

struct SyncState {
  /// Outputs sync wrote, by path relative to the destination
  /// (`/`-separated): `sha256:<hex>` of the bytes written.
  std::map<std::string, std::string> files;
  /// By merge target, relative to the destination.
  std::map<std::string, MergedOwnership> merged;
  bool empty() const { return files.empty() && merged.empty(); }
};

/// `sha256:<hex>` of `bytes`.
std::string StateDigest(std::string_view bytes);
/// `sha256:<hex>` of a server object as sync writes it (its compact
/// serialisation with sorted keys).
std::string ServerDigest(const nlohmann::json& server);

/// Reads a state file's `text` (named `display` in diagnostics). Bad JSON,
/// an unknown `schema_version` or a member of the wrong shape is an error
/// saying that deleting the file is safe; returns nullopt then.
std::optional<SyncState> ParseSyncState(std::string_view text,
                                        std::string_view display,
                                        DiagnosticSink& sink);

/// A state file's text: JSON, sorted keys, two-space indent, final newline,
/// `schema_version` 1. The committed file holds `files` and the `merged`
/// entries of every target but kLocalSettingsPath; the local one holds only
/// that target's (`local` true).
std::string FormatSyncState(const SyncState& state, bool local);

/// The part of `state` a state file records (as FormatSyncState writes it);
/// empty when that file is to be absent.
SyncState StatePart(const SyncState& state, bool local);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_SYNC_STATE_H_
