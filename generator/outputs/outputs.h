// SPDX-License-Identifier: MIT
// Writing the outputs of one source (docs/command-line.md, "How outputs are put
// in place"): the rendered file, manifest and depfile are committed together. A
// regular file is replaced atomically; a device or FIFO is written through; a
// symlink is followed to the file it names.
#ifndef AGENTGEN_OUTPUTS_OUTPUTS_H_
#define AGENTGEN_OUTPUTS_OUTPUTS_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"

namespace agentgen {

/// One file to write.
struct PendingOutput {
  std::string path;  ///< absolute, normal
  std::string bytes;
  /// Leave a file whose bytes would not change alone, timestamp included.
  bool write_if_changed = false;
};

/// What writing an output changes: the output itself, or the file at the
/// end of its chain of symlinks.
struct OutputTarget {
  /// Absolute, normal: the regular file (or the missing one) at the end of
  /// the chain; for a device or FIFO, the output itself, opened through its
  /// links.
  std::string path;
  /// kMissing (to be created), kFile, kDevice or kFifo; never a symlink,
  /// folder or socket, which ResolveOutput refuses.
  FileReader::EntryKind kind = FileReader::EntryKind::kMissing;

  /// Devices and FIFOs are opened and written through; they have no
  /// version to stage and cannot be read back.
  bool written_in_place() const {
    return kind == FileReader::EntryKind::kDevice ||
           kind == FileReader::EntryKind::kFifo;
  }
};

/// Follows `path` through every symlink (a relative target is relative to
/// its link's folder) to the file that writing it changes. Refuses, saying
/// why in `error` and naming `path`: a loop, a link into a folder that does
/// not exist, a folder, a socket.
std::optional<OutputTarget> ResolveOutput(FileReader& fs,
                                          const std::string& path,
                                          std::string* error);

/// The files a render read, for refusing an output that would overwrite
/// one of them.
class RenderInputs {
 public:
  /// `paths` absolute and normal.
  RenderInputs(FileReader& fs, std::vector<std::string> paths);

  /// Whether writing `output` would change one of the inputs: the same
  /// path, or the same file once symlinks are resolved on either side.
  bool WouldBeOverwrittenBy(const std::string& output);

 private:
  FileReader& fs_;
  std::vector<std::string> paths_;
  /// The inputs' real paths, found when an output first exists: most
  /// renders write outputs that do not exist yet, or never ask.
  std::optional<std::set<std::string>> real_paths_;
};

/// Commits the outputs of one source, all or nothing where they are regular
/// files: resolves every output first (refusing as ResolveOutput does),
/// stages each regular file in its target's folder (creating missing
/// folders), writes devices and FIFOs in place, and publishes the staged
/// files only when all of that succeeded. On failure it discards what it
/// staged, removes the folders it created, leaves every regular output as
/// it was, and says why in `error`.
bool CommitOutputs(FileSystem& fs, const std::vector<PendingOutput>& outputs,
                   std::string* error);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_OUTPUTS_H_
