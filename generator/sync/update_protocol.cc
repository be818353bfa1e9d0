// SPDX-License-Identifier: MIT
#include "sync/update_protocol.h"

#include <set>

#include "base/paths.h"
#include "base/sha256.h"

namespace agentgen {
namespace {

using EntryKind = FileReader::EntryKind;

// The digest the state file records. sync_state's StateDigest has the same
// form; it is computed here so that the protocol depends only on base/.
std::string Digest(std::string_view bytes) {
  return "sha256:" + Sha256Hex(bytes);
}

// How messages name a file below the destination: relative to the working
// directory when it lies below it (what a user can paste), else absolute.
std::string Display(FileReader& fs, const std::string& absolute) {
  std::string cwd = fs.CurrentDirectory();
  if (absolute != cwd && IsWithin(absolute, cwd))
    return RelativeTo(absolute, cwd);
  return absolute;
}

const char* KindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kDirectory:
      return "a folder";
    case EntryKind::kSymlink:
      return "a symlink";
    case EntryKind::kDevice:
      return "a device";
    case EntryKind::kFifo:
      return "a FIFO";
    case EntryKind::kSocket:
      return "a socket";
    case EntryKind::kMissing:
    case EntryKind::kFile:
      break;
  }
  return "a file";
}

// The lockfile entry that installs `path` (itself, or a skill folder above
// it), or null.
const std::string* AgpmOwner(const std::map<std::string, std::string>& owned,
                             const std::string& path) {
  for (std::string at = path; at != "."; at = ParentOf(at)) {
    auto found = owned.find(at);
    if (found != owned.end()) return &found->second;
  }
  return nullptr;
}

// One path's decision: its inputs, and the sink and result it adds to.
class Decider {
 public:
  Decider(FileReader& fs, const std::string& destination, bool force,
          bool check, DiagnosticSink& sink, FileDecision& decision)
      : fs_(fs),
        destination_(destination),
        force_(force),
        check_(check),
        sink_(sink),
        decision_(decision) {}

  void Output(const PlannedFile& file, const std::string* recorded,
              const std::string* agpm_owner);
  void NotOutput(const std::string& path, const std::string& recorded,
                 const std::string* agpm_owner);

 private:
  // What is at `path` now: false (after an error) when that cannot be told
  // or read; `current` stays nullopt when nothing is there.
  bool ReadCurrent(const std::string& path, EntryKind* kind,
                   std::optional<std::string>* current);
  void Write(const PlannedFile& file);
  void Refuse(const std::string& path, const std::string& message,
              const std::string& rule);
  Location At(const std::string& path) {
    return {Display(fs_, JoinNormal(destination_, path)), 0, 0, ""};
  }

  FileReader& fs_;
  const std::string& destination_;
  bool force_;
  bool check_;
  DiagnosticSink& sink_;
  FileDecision& decision_;
};

bool Decider::ReadCurrent(const std::string& path, EntryKind* kind,
                          std::optional<std::string>* current) {
  std::string absolute = JoinNormal(destination_, path);
  std::string why;
  std::optional<EntryKind> entry = fs_.StatEntry(absolute, &why);
  if (!entry) {
    sink_.Error(At(path), "cannot tell what is there: " + why,
                "sync.unreadable");
    return false;
  }
  *kind = *entry;
  if (*kind != EntryKind::kFile) return true;
  std::string bytes;
  if (!fs_.ReadFile(absolute, &bytes, &why)) {
    sink_.Error(At(path), "cannot read it: " + why, "sync.unreadable");
    return false;
  }
  *current = std::move(bytes);
  return true;
}

void Decider::Write(const PlannedFile& file) {
  decision_.writes.push_back({JoinNormal(destination_, file.path), file.bytes,
                              file.permissions, file.trace});
  decision_.recorded[file.path] = Digest(file.bytes);
}

// A refused hand edit: an error, unless `--check` only reports it.
void Decider::Refuse(const std::string& path, const std::string& message,
                     const std::string& rule) {
  if (!check_) sink_.Error(At(path), message, rule);
}

void Decider::Output(const PlannedFile& file, const std::string* recorded,
                     const std::string* agpm_owner) {
  const std::string& path = file.path;
  if (agpm_owner) {
    sink_.Error(At(path),
                "installed by AGPM (" + *agpm_owner +
                    "): sync never writes a file AGPM installs; drop one of "
                    "the two entries, or give sync's another filename or "
                    "target",
                "sync.agpm-owned");
    return;
  }
  EntryKind kind = EntryKind::kMissing;
  std::optional<std::string> current;
  if (!ReadCurrent(path, &kind, &current)) return;
  if (kind == EntryKind::kMissing) {
    decision_.findings.push_back({"missing", path, std::nullopt, file.bytes});
    Write(file);
    return;
  }
  if (kind != EntryKind::kFile) {
    sink_.Error(At(path),
                std::string("is ") + KindName(kind) +
                    ", not a regular file: sync writes only regular files, "
                    "never through a link; remove it, or give the entry "
                    "another filename or target",
                "sync.not-a-regular-file");
    return;
  }
  if (*current == file.bytes) {  // equal: kept, and adopted if need be
    decision_.recorded[path] = Digest(file.bytes);
    return;
  }
  if (recorded && Digest(*current) == *recorded) {
    decision_.findings.push_back({"stale", path, current, file.bytes});
    Write(file);
    return;
  }
  std::string kind_found = recorded ? "hand-edited" : "not written by sync";
  decision_.findings.push_back({kind_found, path, current, file.bytes});
  if (force_) {
    Write(file);
    return;
  }
  if (recorded) {
    decision_.recorded[path] = *recorded;
    Refuse(path,
           "edited by hand since sync wrote it; move the change into its "
           "source, or run sync with --force to overwrite it",
           "sync.hand-edited");
  } else {
    Refuse(path,
           "not written by sync, and not what sync would write there; move "
           "or delete it, or run sync with --force to overwrite it",
           "sync.not-written-by-sync");
  }
}

void Decider::NotOutput(const std::string& path, const std::string& recorded,
                        const std::string* agpm_owner) {
  // AGPM installed something where sync once wrote: it is AGPM's now.
  if (agpm_owner) {
    sink_.Note(At(path),
               "installed by AGPM (" + *agpm_owner +
                   "): no longer recorded as sync's, and left alone",
               "sync.agpm-owned");
    return;
  }
  EntryKind kind = EntryKind::kMissing;
  std::optional<std::string> current;
  if (!ReadCurrent(path, &kind, &current)) return;
  if (kind == EntryKind::kMissing) {
    decision_.findings.push_back(
        {"orphan (state)", path, std::nullopt, std::nullopt});
    return;
  }
  if (current && Digest(*current) == recorded) {
    decision_.findings.push_back({"orphan", path, current, std::nullopt});
    decision_.deletes.push_back(JoinNormal(destination_, path));
    return;
  }
  // Edited, or replaced by a folder or a link: sync leaves it either way.
  decision_.findings.push_back({"hand-edited orphan", path, current, current});
  if (force_) {
    sink_.Warning(At(path),
                  "edited by hand since sync wrote it, and no longer written "
                  "by sync: kept, and no longer recorded as sync's",
                  "sync.hand-edited-orphan");
    return;
  }
  decision_.recorded[path] = recorded;
  Refuse(path,
         "edited by hand since sync wrote it, and no longer written by sync; "
         "delete it, or run sync with --force to keep it as yours",
         "sync.hand-edited-orphan");
}

}  // namespace

FileDecision DecideFiles(FileReader& fs, const std::string& destination,
                         const std::vector<PlannedFile>& planned,
                         const std::map<std::string, std::string>& recorded,
                         const std::map<std::string, std::string>& agpm_owned,
                         bool force, bool check, DiagnosticSink& sink) {
  std::map<std::string, const PlannedFile*> outputs;
  for (const PlannedFile& file : planned) outputs[file.path] = &file;
  std::set<std::string> paths;
  for (const auto& [path, file] : outputs) paths.insert(path);
  for (const auto& [path, digest] : recorded) paths.insert(path);

  FileDecision decision;
  Decider decider(fs, destination, force, check, sink, decision);
  for (const std::string& path : paths) {
    auto output = outputs.find(path);
    auto record = recorded.find(path);
    const std::string* owner = AgpmOwner(agpm_owned, path);
    if (output != outputs.end()) {
      decider.Output(*output->second,
                     record == recorded.end() ? nullptr : &record->second,
                     owner);
    } else {
      decider.NotOutput(path, record->second, owner);
    }
  }
  return decision;
}

namespace {

// Writes one file atomically, its folders created first. The folders made
// for a file that then fails are removed again.
bool WriteOne(FileSystem& fs, const FileChange& change, std::string* error) {
  std::string why;
  std::string folder = ParentOf(change.path);
  std::vector<std::string> created;
  auto fail = [&](const std::string& message) {
    *error = message + ": " + why;
    for (auto made = created.rbegin(); made != created.rend(); ++made)
      fs.RemoveEmptyDirectory(*made);
    return false;
  };
  if (!fs.CreateDirectories(folder, &created, &why))
    return fail("cannot create folder '" + Display(fs, folder) + "'");
  std::string display = "'" + Display(fs, change.path) + "'";
  std::optional<size_t> staged = fs.Stage(change.path, change.bytes, &why);
  if (!staged) return fail("cannot write " + display);
  if (change.permissions &&
      !fs.SetStagedPermissions(*staged, *change.permissions, &why)) {
    fs.Discard(*staged);
    return fail("cannot set the permissions of " + display);
  }
  if (!fs.Publish(*staged, &why)) return fail("cannot replace " + display);
  return true;
}

// Removes the folders below `destination` that deleting `deleted` left
// empty, innermost first (a set in reverse order lists a folder before any
// folder above it).
void RemoveEmptiedFolders(FileSystem& fs, const std::string& destination,
                          const std::vector<std::string>& deleted) {
  std::set<std::string> folders;
  for (const std::string& path : deleted) {
    for (std::string folder = ParentOf(path);
         folder != destination && IsWithin(folder, destination);
         folder = ParentOf(folder)) {
      folders.insert(folder);
    }
  }
  for (auto folder = folders.rbegin(); folder != folders.rend(); ++folder)
    fs.RemoveEmptyDirectory(*folder);
}

}  // namespace

bool CommitSync(FileSystem& fs, const std::string& destination,
                const std::vector<FileChange>& writes,
                const std::vector<std::string>& deletes,
                const std::string& trace_path, std::string* error) {
  for (const FileChange& change : writes) {
    if (!WriteOne(fs, change, error)) return false;
    // The trace only counts writes: one that cannot be appended changes
    // nothing about the sync.
    std::string ignored;
    if (!trace_path.empty() && !change.trace.empty()) {
      fs.AppendLine(AbsoluteNormal(fs.CurrentDirectory(), trace_path),
                    change.trace, &ignored);
    }
  }
  std::vector<std::string> deleted;
  for (const std::string& path : deletes) {
    std::string why;
    if (!fs.RemoveFile(path, &why)) {
      RemoveEmptiedFolders(fs, destination, deleted);
      *error = "cannot delete '" + Display(fs, path) + "': " + why;
      return false;
    }
    deleted.push_back(path);
  }
  RemoveEmptiedFolders(fs, destination, deleted);
  return true;
}

}  // namespace agentgen
