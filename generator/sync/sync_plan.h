// SPDX-License-Identifier: MIT
// What a sync would make of a project (docs/sync.md): every resource of the
// manifest (or of the `--from` folder), the dependencies it installs, where
// each goes and the bytes it gets, the members of the merged files, and the
// files read. Everything is computed in memory; nothing below the
// destination is read here, so `--list` can print the plan as it is.
#ifndef AGENTGEN_SYNC_SYNC_PLAN_H_
#define AGENTGEN_SYNC_SYNC_PLAN_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "inputs/workspace.h"
#include "sync/merge_targets.h"
#include "sync/sync_report.h"
#include "sync/update_protocol.h"

namespace agentgen {

/// What the command line asks of a sync.
struct SyncRequest {
  /// Manifest mode: the manifest as given (default `agpm.toml`).
  std::string manifest;
  /// Mapping mode: `--from` as given; empty in manifest mode.
  std::string from;
  /// `--to` as given; empty: the manifest's folder.
  std::string to;
  /// `--root`, `--project-file` (mapping mode), `-D`/`--var` in order,
  /// `--allow-outside-root`.
  WorkspaceOptions workspace;
  /// Mapping mode's `--tool`.
  std::optional<std::string> tool;
  /// `--layout plugin`: Claude Code plugins (docs/plugins.md) instead of
  /// the tree `agpm install` writes.
  bool plugin_layout = false;
};

/// The members sync wants in one merged file.
struct PlannedMerge {
  std::string target;  ///< relative to the destination
  MergeKind kind = MergeKind::kMcpServers;
  std::vector<WantedServer> servers;
  std::vector<WantedHook> hooks;
};

struct SyncPlan {
  std::string destination;          ///< absolute
  std::string destination_display;  ///< as messages name it
  /// The manifest's folder (AGPM's project directory), absolute; in mapping
  /// mode the project directory of the project file.
  std::string project_directory;
  std::vector<PlannedFile> files;  ///< sorted by path
  std::vector<PlannedMerge> merges;
  std::vector<ListRow> rows;  ///< `--list`'s rows
  /// Every file read and folder walked, absolute, each once, in the order
  /// first met: the depfile's prerequisites.
  std::vector<std::string> prerequisites;
  /// `agpm.lock` beside the manifest, absolute, when it exists.
  std::string lockfile;
};

/// Plans the sync `request` asks for, rendering on up to `jobs` threads
/// (the result and its diagnostics do not depend on how many). Reports
/// every independent error to `sink` and returns nullopt when there was one.
std::optional<SyncPlan> PlanSync(FileReader& fs, const SyncRequest& request,
                                 DiagnosticSink& sink, unsigned jobs = 1);

/// A JSON value written as TOML (`"text"`, `3`, `[1, 2]`, `{k = "v"}`):
/// what `--var` and `--context-var` read back as the same value.
std::string TomlSpelling(const nlohmann::json& value);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_SYNC_PLAN_H_
