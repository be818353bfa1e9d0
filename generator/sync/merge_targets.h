// SPDX-License-Identifier: MIT
// The JSON files sync merges into (docs/sync.md, "Merged files"): hooks into
// `.claude/settings.local.json`, MCP servers into `.mcp.json` and into
// OpenCode's `opencode.json`. Sync changes only the members it owns and
// keeps the rest of the file, bytes and formatting included, until one of
// its members changes.
#ifndef AGENTGEN_SYNC_MERGE_TARGETS_H_
#define AGENTGEN_SYNC_MERGE_TARGETS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "sync/sync_state.h"

namespace agentgen {

/// A hook resource (AGPM's hook JSON file), as converted for Claude Code.
struct HookDefinition {
  std::vector<std::string> events;     ///< non-empty, in file order
  std::optional<std::string> matcher;  ///< `matcher`
  /// `{"type": "command", "command": ...[, "timeout": n]}`
  nlohmann::json hook;
};

/// Reads a hook file's JSON `value` (parsed from `text`, named `display`):
/// `events` (a non-empty list of strings), `type` ("command"), `command`
/// (a string), optional `matcher` (a string) and `timeout` (an integer);
/// `description`, `agpm` and `dependencies` dropped; any other key a
/// warning. Checked as `agentgen check --type hook` checks it
/// (ValidateHookResource). Errors are located in `text`; returns nullopt
/// after one.
std::optional<HookDefinition> ReadHookDefinition(const nlohmann::json& value,
                                                 std::string_view text,
                                                 std::string_view display,
                                                 DiagnosticSink& sink);

/// One MCP server sync wants in a merge target.
struct WantedServer {
  std::string key;        ///< its name in the file
  nlohmann::json config;  ///< the server object, checked
  std::string source;     ///< the file it came from, as messages name it
};

/// One hook sync wants: a hook resource, in the order of the hook resources
/// (manifest keys in order, then transitive ones by root-relative path).
struct WantedHook {
  HookDefinition definition;
  std::string source;  ///< the hook file, as messages name it
};

/// Where the members go.
enum class MergeKind {
  kHooks,        ///< `hooks.<event>[].hooks[]` (settings.local.json)
  kMcpServers,   ///< `mcpServers.<key>` (.mcp.json)
  kOpenCodeMcp,  ///< `mcp.<key>` (opencode.json)
};

/// What a merge found that `--check` reports and sync refuses.
struct MergeFinding {
  /// `missing` (a wanted member absent, never owned), `stale` (an owned
  /// member to change, add or remove), `hand-edited` (an owned member
  /// changed or removed by hand).
  std::string kind;
  std::string member;  ///< `mcpServers.fs`, `hooks.SessionStart: agpm update`
};

struct MergeRequest {
  MergeKind kind = MergeKind::kMcpServers;
  std::string display;  ///< the target as messages name it
  /// The file's bytes now; nullopt when it does not exist.
  std::optional<std::string> existing;
  /// What the state file says sync owns in it (empty when nothing).
  MergedOwnership owned;
  std::vector<WantedServer> servers;  ///< kMcpServers and kOpenCodeMcp
  std::vector<WantedHook> hooks;      ///< kHooks
};

struct MergeResult {
  /// The file's new bytes when they change (agentgen's JSON style); nullopt
  /// when the file stays as it is, bytes included.
  std::optional<std::string> bytes;
  /// The file is to be deleted: sync created it and it is `{}` now.
  bool remove = false;
  /// What sync owns after the merge (empty when nothing).
  MergedOwnership owned;
  /// Differences from what sync would write, for `--check`; a hand edit
  /// among them is an error for a sync without `--force`, which the
  /// caller reports. `bytes` assumes `--force` (hand-edited members put
  /// back).
  std::vector<MergeFinding> findings;
};

/// Merges the wanted members into `request.existing`, as docs/sync.md
/// says: owned members updated, added or removed; a member carrying
/// `_agpm` never touched; an equal unowned member adopted; a wanted key
/// held by an unowned, different member, or claimed by two different
/// servers, is an error naming both. Errors go to `sink` (an existing
/// file that is not a JSON object, too); returns nullopt after one.
std::optional<MergeResult> MergeTarget(const MergeRequest& request,
                                       DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_MERGE_TARGETS_H_
