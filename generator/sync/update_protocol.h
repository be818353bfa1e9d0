// SPDX-License-Identifier: MIT
// The update protocol (docs/sync.md, "How sync updates the tree"): for each
// path below the destination, what sync writes, adopts, deletes or refuses,
// decided from the bytes it would write, the bytes there now and the state
// file; then the commit, in an order that a kill at any moment leaves each
// file old or new and the next sync able to finish the job.
#ifndef AGENTGEN_SYNC_UPDATE_PROTOCOL_H_
#define AGENTGEN_SYNC_UPDATE_PROTOCOL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "sync/sync_state.h"

namespace agentgen {

/// A file sync would write below the destination.
struct PlannedFile {
  std::string path;  ///< relative to the destination, `/`-separated
  std::string bytes;
  /// The permission bits to give it (a copy keeps its source's); nullopt:
  /// the default.
  std::optional<uint32_t> permissions;
  /// The source as the manifest names it: the trace line written when the
  /// file's bytes are written (docs/command-line.md, AGENTGEN_TRACE).
  std::string trace;
};

/// One difference between the tree and what sync would write.
struct SyncFinding {
  /// `missing`, `stale`, `hand-edited`, `not written by sync`, `orphan`,
  /// `orphan (state)`, `hand-edited orphan`.
  std::string kind;
  std::string path;  ///< relative to the destination
  /// For the diff: the bytes there now (nullopt: absent) and those sync
  /// would leave (nullopt: absent).
  std::optional<std::string> current;
  std::optional<std::string> wanted;
};

/// A change to make, absolute paths.
struct FileChange {
  std::string path;
  std::string bytes;
  std::optional<uint32_t> permissions;
  std::string trace;  ///< empty: no trace line (merge targets, state files)
};

/// What the protocol decided for the files (merge targets and state files
/// are added by the caller).
struct FileDecision {
  std::vector<FileChange> writes;    ///< in path order
  std::vector<std::string> deletes;  ///< absolute, in path order
  /// The `files` of the new state.
  std::map<std::string, std::string> recorded;
  std::vector<SyncFinding> findings;  ///< in path order
};

/// Decides, for every planned file and every file `recorded` (the state
/// file's `files`), the row of the protocol that applies, reading the
/// current files below `destination` (absolute). `agpm_owned` maps paths
/// (relative to the destination) that AGPM's lockfile records as installed
/// to the lockfile entry naming them (`agpm.lock: [[agents]] name = "x"`).
/// Errors (a hand edit or a file sync did not write, unless `force`; a
/// planned path that is a folder, a symlink or another non-regular file, or
/// that AGPM owns) go to `sink`, each naming the path; with `check` the
/// hand-edit rows are findings only, never errors. Warnings: a hand-edited
/// orphan forgotten under `force`.
FileDecision DecideFiles(FileReader& fs, const std::string& destination,
                         const std::vector<PlannedFile>& planned,
                         const std::map<std::string, std::string>& recorded,
                         const std::map<std::string, std::string>& agpm_owned,
                         bool force, bool check, DiagnosticSink& sink);

/// Commits `writes` (each atomically, creating folders; the state files
/// among them last, in the order given), then deletes `deletes` and every
/// folder below `destination` they leave empty (never `destination` or
/// above). Appends a line to `trace_path` (when not empty) for each write
/// with a trace. A failure stops at once and says why in `error`: what was
/// done stays done, which the next sync finishes.
bool CommitSync(FileSystem& fs, const std::string& destination,
                const std::vector<FileChange>& writes,
                const std::vector<std::string>& deletes,
                const std::string& trace_path, std::string* error);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_UPDATE_PROTOCOL_H_
