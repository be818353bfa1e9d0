// SPDX-License-Identifier: MIT
#include "command_line/sync_command.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "base/paths.h"
#include "outputs/depfile.h"
#include "outputs/outputs.h"
#include "sync/agpm_lockfile.h"
#include "sync/merge_targets.h"
#include "sync/sync_plan.h"
#include "sync/sync_report.h"
#include "sync/sync_state.h"
#include "sync/update_protocol.h"
#include "validation/mcp_config.h"

namespace agentgen {

namespace {

const char kSyncLockName[] = ".agentgen-sync.lock";
constexpr int kLockTimeoutSeconds = 60;

// A file below the destination as it is now: its bytes, or nullopt when it
// does not exist. Anything but a regular file there is an error (sync
// never reads or writes through a link inside the destination).
bool ReadBelow(FileReader& fs, const std::string& path,
               const std::string& display, DiagnosticSink& sink,
               std::optional<std::string>* bytes) {
  std::string error;
  std::optional<FileReader::EntryKind> kind = fs.StatEntry(path, &error);
  if (!kind) {
    sink.Error({}, "cannot inspect '" + display + "': " + error, "sync.read");
    return false;
  }
  if (*kind == FileReader::EntryKind::kMissing) {
    bytes->reset();
    return true;
  }
  if (*kind != FileReader::EntryKind::kFile) {
    sink.Error({},
               "'" + display +
                   "' is not a regular file; sync reads and writes only "
                   "regular files below its destination",
               "sync.read");
    return false;
  }
  std::string text;
  if (!fs.ReadFile(path, &text, &error)) {
    sink.Error({}, "cannot read '" + display + "': " + error, "sync.read");
    return false;
  }
  *bytes = std::move(text);
  return true;
}

MergeKind KindOfTarget(const std::string& target) {
  if (target == kLocalSettingsPath) return MergeKind::kHooks;
  const std::string opencode = "opencode.json";
  if (target == opencode ||
      (target.size() > opencode.size() &&
       target.compare(target.size() - opencode.size() - 1, std::string::npos,
                      "/" + opencode) == 0))
    return MergeKind::kOpenCodeMcp;
  return MergeKind::kMcpServers;
}

// The state files as they are, read and merged into one state.
struct CurrentState {
  SyncState state;
  std::optional<std::string> committed;  // bytes; nullopt: absent
  std::optional<std::string> local;
};

std::optional<CurrentState> ReadState(FileReader& fs,
                                      const std::string& destination,
                                      const std::string& display,
                                      DiagnosticSink& sink) {
  CurrentState current;
  const std::pair<const char*, std::optional<std::string>*> files[] = {
      {kSyncStatePath, &current.committed},
      {kSyncLocalStatePath, &current.local}};
  for (const auto& [relative, bytes] : files) {
    std::string shown = JoinNormal(display, relative);
    if (!ReadBelow(fs, JoinNormal(destination, relative), shown, sink, bytes))
      return std::nullopt;
    if (!*bytes) continue;
    std::optional<SyncState> state = ParseSyncState(**bytes, shown, sink);
    if (!state) return std::nullopt;
    for (auto& [path, digest] : state->files)
      current.state.files[path] = digest;
    for (auto& [target, owned] : state->merged)
      current.state.merged[target] = owned;
  }
  return current;
}

// One merged file's outcome.
struct MergedFile {
  std::string target;
  std::optional<std::string> current;
  std::optional<MergeResult> result;
};

}  // namespace

int RunSync(FileSystem& fs, const SyncOptions& options,
            const std::string& trace_path, DiagnosticSink& sink,
            std::string* out, std::string* err_text, unsigned jobs) {
  const SyncRequest& request = options.request;
  const std::string cwd = fs.CurrentDirectory();
  const bool mapping = !request.from.empty();
  if (mapping) {
    std::string from = AbsoluteNormal(cwd, request.from);
    std::string to = AbsoluteNormal(cwd, request.to);
    if (IsWithin(to, from) || IsWithin(from, to)) {
      sink.Error({}, "--to '" + request.to + "' and --from '" + request.from +
                         "' must not lie one inside the other");
      return 2;
    }
  }
  const int input_error = options.check ? 3 : 1;

  if (options.list != SyncListFormat::kNone) {
    std::optional<SyncPlan> plan = PlanSync(fs, request, sink, jobs);
    if (!plan) return 1;
    *out += options.list == SyncListFormat::kTsv ? ListTabSeparated(plan->rows)
                                                 : ListJsonLines(plan->rows);
    return 0;
  }

  // The lock covers the whole run: two syncs of one tree never interleave.
  std::string destination =
      !request.to.empty()
          ? AbsoluteNormal(cwd, request.to)
          : ParentOf(AbsoluteNormal(cwd, request.manifest.empty()
                                             ? "agpm.toml"
                                             : request.manifest));
  std::string lock_path = JoinNormal(destination, kSyncLockName);
  std::string error;
  std::unique_ptr<FileLock> lock;
  if (options.check) {
    if (fs.Stat(lock_path) == FileReader::Kind::kFile)
      lock = fs.LockFile(lock_path, false, kLockTimeoutSeconds, &error);
  } else {
    std::vector<std::string> created;
    if (fs.CreateDirectories(destination, &created, &error))
      lock = fs.LockFile(lock_path, true, kLockTimeoutSeconds, &error);
  }
  if (!error.empty()) {
    sink.Error({}, "cannot lock '" + lock_path + "': " + error, "sync.lock");
    return input_error;
  }

  std::optional<SyncPlan> plan = PlanSync(fs, request, sink, jobs);
  if (!plan) return input_error;
  const std::string& display = plan->destination_display;

  // An output may not overwrite what the sync read.
  RenderInputs inputs(fs, plan->prerequisites);
  for (const PlannedFile& file : plan->files) {
    if (inputs.WouldBeOverwrittenBy(JoinNormal(destination, file.path))) {
      sink.Error({},
                 "'" + JoinNormal(display, file.path) +
                     "' is both an output and an input of the sync",
                 "sync.output");
    }
  }
  std::optional<CurrentState> current =
      ReadState(fs, destination, display, sink);
  std::map<std::string, std::string> agpm_owned;
  if (!plan->lockfile.empty()) {
    std::string text;
    if (!fs.ReadFile(plan->lockfile, &text, &error)) {
      sink.Error({}, "cannot read '" + plan->lockfile + "': " + error);
    } else if (std::optional<std::map<std::string, std::string>> installed =
                   ReadAgpmInstalledPaths(text, plan->lockfile, sink)) {
      std::string folder = ParentOf(plan->lockfile);
      for (const auto& [path, entry] : *installed)
        agpm_owned[RelativeTo(JoinNormal(folder, path), destination)] = entry;
    }
  }
  if (sink.has_errors() || !current) return input_error;

  FileDecision decision =
      DecideFiles(fs, destination, plan->files, current->state.files,
                  agpm_owned, options.force, options.check, sink);

  // Merged files: every target wanted now or owned before.
  std::map<std::string, const PlannedMerge*> wanted;
  for (const PlannedMerge& merge : plan->merges) wanted[merge.target] = &merge;
  std::set<std::string> targets;
  for (const auto& [target, merge] : wanted) targets.insert(target);
  for (const auto& [target, owned] : current->state.merged)
    targets.insert(target);
  SyncState next;
  next.files = decision.recorded;
  std::vector<MergedFile> merged;
  for (const std::string& target : targets) {
    if (target == ".mcp.json" &&
        fs.Stat(JoinNormal(destination,
                           std::string(".mcp.json") + kMcpOwnershipSuffix)) !=
            FileReader::Kind::kMissing) {
      sink.Error({},
                 "'" + JoinNormal(display, ".mcp.json") +
                     "' is managed by agentgen mcp (its record '.mcp.json" +
                     kMcpOwnershipSuffix +
                     "' exists); one file has one manager",
                 "sync.merge");
      continue;
    }
    // A clean clone has no local state: its per-user file is not compared.
    if (options.check && target == kLocalSettingsPath && !current->local)
      continue;
    MergeRequest merge;
    merge.kind = KindOfTarget(target);
    merge.display = JoinNormal(display, target);
    auto owned = current->state.merged.find(target);
    if (owned != current->state.merged.end()) merge.owned = owned->second;
    auto wanted_here = wanted.find(target);
    if (wanted_here != wanted.end()) {
      merge.kind = wanted_here->second->kind;
      merge.servers = wanted_here->second->servers;
      merge.hooks = wanted_here->second->hooks;
    }
    MergedFile file{target, std::nullopt, std::nullopt};
    if (!ReadBelow(fs, JoinNormal(destination, target), merge.display, sink,
                   &file.current))
      continue;
    merge.existing = file.current;
    file.result = MergeTarget(merge, sink);
    if (!file.result) continue;
    for (const MergeFinding& finding : file.result->findings) {
      if (finding.kind == "hand-edited" && !options.check && !options.force) {
        sink.Error({},
                   "'" + merge.display + "': " + finding.member +
                       " was edited by hand since sync wrote it; run with "
                       "--force to put sync's version back",
                   "sync.hand-edited");
      }
    }
    if (!file.result->owned.empty()) next.merged[target] = file.result->owned;
    merged.push_back(std::move(file));
  }
  if (sink.has_errors()) return input_error;

  // The state files, last.
  std::vector<FileChange> writes = decision.writes;
  std::vector<std::string> deletes = decision.deletes;
  std::vector<SyncFinding> findings = decision.findings;
  for (const MergedFile& file : merged) {
    const MergeResult& result = *file.result;
    std::string path = JoinNormal(destination, file.target);
    if (result.remove && file.current) {
      deletes.push_back(path);
    } else if (result.bytes) {
      writes.push_back({path, *result.bytes, std::nullopt, ""});
    }
    if (!result.findings.empty()) {
      std::optional<std::string> after = result.remove  ? std::nullopt
                                         : result.bytes ? result.bytes
                                                        : file.current;
      findings.push_back(
          {result.findings.front().kind, file.target, file.current, after});
    }
  }
  const std::pair<const char*, const std::optional<std::string>*> states[] = {
      {kSyncStatePath, &current->committed},
      {kSyncLocalStatePath, &current->local}};
  for (const auto& [relative, bytes] : states) {
    const bool local = std::string(relative) == kSyncLocalStatePath;
    SyncState part = StatePart(next, local);
    std::optional<std::string> text;
    if (!part.empty()) text = FormatSyncState(part, local);
    if (text == *bytes) continue;
    if (options.check && local && !current->local) continue;
    std::string path = JoinNormal(destination, relative);
    if (text) {
      writes.push_back({path, *text, std::nullopt, ""});
    } else {
      deletes.push_back(path);
    }
    findings.push_back(
        {bytes->has_value() ? (text ? "stale" : "orphan") : "missing", relative,
         *bytes, text});
  }

  if (options.check) {
    *out += CheckPatch(findings);
    *err_text += CheckSummary(findings, plan->files.size());
    return findings.empty() ? 0 : 1;
  }
  if (!CommitSync(fs, destination, writes, deletes, trace_path, &error)) {
    sink.Error({}, error, "sync.write");
    return 1;
  }
  if (!options.stamp.empty()) {
    std::vector<PendingOutput> build_files;
    std::string stamp = AbsoluteNormal(cwd, options.stamp);
    build_files.push_back({stamp, "", false});
    if (!options.depfile.empty()) {
      std::optional<std::string> depfile =
          FormatDepfile(stamp, plan->prerequisites, sink);
      if (!depfile) return 1;
      build_files.push_back(
          {AbsoluteNormal(cwd, options.depfile), *depfile, false});
    }
    if (!CommitOutputs(fs, build_files, &error)) {
      sink.Error({}, error, "sync.write");
      return 1;
    }
  }
  return 0;
}

}  // namespace agentgen
