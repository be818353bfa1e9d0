// SPDX-License-Identifier: MIT
// `agentgen sync` (docs/sync.md): plans the project's tree, then lists it,
// checks it, or brings the tree below the destination up to date under a
// lock, through the update protocol.
#ifndef AGENTGEN_COMMAND_LINE_SYNC_COMMAND_H_
#define AGENTGEN_COMMAND_LINE_SYNC_COMMAND_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

/// Runs a sync. `out` receives `--list`'s rows or `--check`'s patch;
/// `err_text` the lines `--check` prints after the diagnostics. Returns the
/// exit status: 0, 1 (an input error, a refused hand edit, or `--check`
/// finding a difference), 2 (a usage error found only now), 3 (`--check`
/// with an input error). Renders on up to `jobs` threads.
int RunSync(FileSystem& fs, const SyncOptions& options,
            const std::string& trace_path, DiagnosticSink& sink,
            std::string* out, std::string* err_text, unsigned jobs = 1);

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_SYNC_COMMAND_H_
