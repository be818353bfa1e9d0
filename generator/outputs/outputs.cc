// SPDX-License-Identifier: MIT
#include "outputs/outputs.h"

#include "base/paths.h"

namespace agentgen {
namespace {

using EntryKind = FileReader::EntryKind;

// The kernel's own limit (MAXSYMLINKS), so that agentgen calls a loop what
// open(2) would call one.
constexpr int kMaxLinks = 40;

// How an error names an output: as the command gave it, and the file it
// leads to when a symlink points elsewhere.
std::string Describe(const std::string& path, const std::string& target) {
  if (target == path) return "'" + path + "'";
  return "'" + path + "' (a symlink to '" + target + "')";
}

// The end of a chain of links (or the output itself) must be something
// agentgen can write: a regular file, a device, a FIFO, or nothing yet in a
// folder that exists.
std::optional<OutputTarget> Accept(FileReader& fs, const std::string& path,
                                   OutputTarget target, std::string* error) {
  switch (target.kind) {
    case EntryKind::kFile:
    case EntryKind::kDevice:
    case EntryKind::kFifo:
      return target;
    case EntryKind::kMissing:
      break;
    case EntryKind::kDirectory:
      *error =
          "cannot write " + Describe(path, target.path) + ": it is a folder";
      return std::nullopt;
    case EntryKind::kSocket:
      *error = "cannot write " + Describe(path, target.path) +
               ": it is a socket, which cannot be opened for writing";
      return std::nullopt;
    case EntryKind::kSymlink:  // not met: ResolveOutput follows links first
      *error =
          "cannot write " + Describe(path, target.path) + ": it is a symlink";
      return std::nullopt;
  }
  // A missing output gets its folders created, but a link names one file:
  // making folders to hold its target would guess at what was meant.
  if (target.path == path) return target;
  std::string folder = ParentOf(target.path);
  FileReader::Kind folder_kind = fs.Stat(folder);
  if (folder_kind == FileReader::Kind::kDirectory) return target;
  *error = "cannot write '" + path + "': it is a symlink to '" + target.path +
           "', whose folder " +
           (folder_kind == FileReader::Kind::kMissing ? "does not exist"
                                                      : "is not a folder");
  return std::nullopt;
}

bool Unchanged(FileReader& fs, const OutputTarget& target,
               const std::string& bytes) {
  // Devices and FIFOs always count as changed: reading a FIFO blocks.
  if (target.kind != EntryKind::kFile) return false;
  std::string existing;
  std::string ignored;
  return fs.ReadFile(target.path, &existing, &ignored) && existing == bytes;
}

// One commit's staged files and created folders. Whatever it has not
// published when it goes out of scope is undone, so every early return
// leaves nothing behind.
class Commit {
 public:
  explicit Commit(FileSystem& fs) : fs_(fs) {}
  Commit(const Commit&) = delete;
  Commit& operator=(const Commit&) = delete;
  ~Commit();

  bool Stage(const PendingOutput& output, const OutputTarget& target,
             std::string* error);
  bool PublishAll(std::string* error);

 private:
  struct Staged {
    size_t id;
    std::string path;    // as the command gave it
    std::string target;  // the file it replaces
  };
  FileSystem& fs_;
  std::vector<Staged> staged_;
  size_t published_ = 0;
  bool complete_ = false;
  std::vector<std::string> created_;  // outermost first
};

Commit::~Commit() {
  for (size_t i = published_; i < staged_.size(); ++i)
    fs_.Discard(staged_[i].id);
  if (complete_) return;
  // Innermost first; a folder that a published output (or anyone else)
  // put something in stays.
  for (auto folder = created_.rbegin(); folder != created_.rend(); ++folder)
    fs_.RemoveEmptyDirectory(*folder);
}

bool Commit::Stage(const PendingOutput& output, const OutputTarget& target,
                   std::string* error) {
  std::string why;
  std::string folder = ParentOf(target.path);
  if (!fs_.CreateDirectories(folder, &created_, &why)) {
    *error = "cannot create folder '" + folder + "': " + why;
    return false;
  }
  std::optional<size_t> id = fs_.Stage(target.path, output.bytes, &why);
  if (!id) {
    *error = "cannot write " + Describe(output.path, target.path) + ": " + why;
    return false;
  }
  staged_.push_back({*id, output.path, target.path});
  return true;
}

bool Commit::PublishAll(std::string* error) {
  for (; published_ < staged_.size(); ++published_) {
    const Staged& staged = staged_[published_];
    std::string why;
    if (!fs_.Publish(staged.id, &why)) {
      *error =
          "cannot replace " + Describe(staged.path, staged.target) + ": " + why;
      ++published_;  // the id is used up either way
      return false;
    }
  }
  complete_ = true;
  return true;
}

// Whether `path` is a chain of links that ends at a device, FIFO or socket.
// The kernel is asked rather than the chain walked: some links name what
// no path leads to, such as /dev/stdout -> /proc/self/fd/1 -> "pipe:[123]".
// Such an output is opened through its own path, as open(2) follows it.
std::optional<EntryKind> SpecialAtTheEnd(FileReader& fs,
                                         const std::string& path) {
  std::string ignored;  // a loop or a dangling link: the walk says which
  std::optional<EntryKind> end = fs.StatTarget(path, &ignored);
  if (end == EntryKind::kDevice || end == EntryKind::kFifo ||
      end == EntryKind::kSocket)
    return end;
  return std::nullopt;
}

}  // namespace

std::optional<OutputTarget> ResolveOutput(FileReader& fs,
                                          const std::string& path,
                                          std::string* error) {
  std::string current = path;
  std::string why;
  auto cannot = [&] {
    *error = "cannot write " + Describe(path, current) + ": " + why;
    return std::nullopt;
  };
  for (int links = 0;; ++links) {
    std::optional<EntryKind> kind = fs.StatEntry(current, &why);
    if (!kind) return cannot();
    if (*kind != EntryKind::kSymlink)
      return Accept(fs, path, {current, *kind}, error);
    if (links == 0) {
      if (std::optional<EntryKind> special = SpecialAtTheEnd(fs, path))
        return Accept(fs, path, {path, *special}, error);
    }
    if (links == kMaxLinks) {
      *error = "cannot write '" + path + "': its symlinks form a loop (more " +
               "than " + std::to_string(kMaxLinks) + " links)";
      return std::nullopt;
    }
    std::optional<std::string> link = fs.ReadLink(current, &why);
    if (!link) return cannot();
    // A relative target starts from where the link really is, so that a
    // `..` in it goes where the kernel would go.
    std::string folder = ParentOf(current);
    current = AbsoluteNormal(fs.RealPath(folder).value_or(folder), *link);
  }
}

RenderInputs::RenderInputs(FileReader& fs, std::vector<std::string> paths)
    : fs_(fs), paths_(std::move(paths)) {}

bool RenderInputs::WouldBeOverwrittenBy(const std::string& output) {
  for (const std::string& input : paths_)
    if (input == output) return true;
  // Every input existed when it was read: an output yet to be created is
  // none of them. Resolution errors are left to the commit to report.
  std::string ignored;
  std::optional<OutputTarget> target = ResolveOutput(fs_, output, &ignored);
  if (!target || target->kind == EntryKind::kMissing) return false;
  std::optional<std::string> real = fs_.RealPath(target->path);
  if (!real) return false;
  if (!real_paths_) {
    real_paths_.emplace();
    for (const std::string& input : paths_)
      if (std::optional<std::string> input_real = fs_.RealPath(input))
        real_paths_->insert(std::move(*input_real));
  }
  return real_paths_->count(*real) > 0;
}

bool CommitOutputs(FileSystem& fs, const std::vector<PendingOutput>& outputs,
                   std::string* error) {
  // Everything is looked at before anything is written, so that a link
  // loop or a folder among the outputs leaves all of them as they were.
  std::vector<OutputTarget> targets;
  for (const PendingOutput& output : outputs) {
    std::optional<OutputTarget> target = ResolveOutput(fs, output.path, error);
    if (!target) return false;
    targets.push_back(std::move(*target));
  }
  Commit commit(fs);
  for (size_t i = 0; i < outputs.size(); ++i) {
    const PendingOutput& output = outputs[i];
    if (targets[i].written_in_place()) continue;
    if (output.write_if_changed && Unchanged(fs, targets[i], output.bytes))
      continue;
    if (!commit.Stage(output, targets[i], error)) return false;
  }
  // Devices and FIFOs have no old version to keep: they are written once
  // every regular output is staged, and before any is published, so that a
  // failure here still leaves the regular outputs as they were.
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (!targets[i].written_in_place()) continue;
    std::string why;
    if (!fs.WriteInPlace(targets[i].path, outputs[i].bytes, &why)) {
      *error = "cannot write " + Describe(outputs[i].path, targets[i].path) +
               ": " + why;
      return false;
    }
  }
  return commit.PublishAll(error);
}

}  // namespace agentgen
