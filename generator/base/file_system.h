// SPDX-License-Identifier: MIT
// The seam between the generator and the disk. Everything that reads a file
// goes through a FileReader, and everything that writes one through a
// FileSystem, so tests can run the whole pipeline in memory and check
// exactly which files a render read. The stages that only read are given a
// FileReader and cannot write by mistake; only the outputs and the commands
// get a FileSystem.
#ifndef AGENTGEN_BASE_FILE_SYSTEM_H_
#define AGENTGEN_BASE_FILE_SYSTEM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// Paths handed to a FileReader or FileSystem are absolute and lexically
/// normalised, with '/' separators.
class FileReader {
 public:
  enum class Kind { kMissing, kFile, kDirectory, kOther };

  /// What a directory entry is in itself: a symlink is not followed, and
  /// the files that are neither regular nor folders are told apart, since
  /// each is written differently (see outputs.h).
  enum class EntryKind {
    kMissing,
    kFile,
    kDirectory,
    kSymlink,
    kDevice,  ///< a character or block device
    kFifo,
    kSocket,
  };

  virtual ~FileReader() = default;

  /// What is at `path`, symlinks followed; the file's size when it is one.
  virtual Kind Stat(const std::string& path, uint64_t* size = nullptr) = 0;

  /// What the entry at `path` is, without following it when it is a
  /// symlink (lstat). kMissing when there is none; nullopt and why in
  /// `error` when that cannot be told (a folder on the way is not a folder
  /// or may not be searched).
  virtual std::optional<EntryKind> StatEntry(const std::string& path,
                                             std::string* error) = 0;

  /// What `path` leads to once every symlink is followed (stat): never
  /// kSymlink; kMissing when nothing is there. nullopt and why in `error`
  /// otherwise (a loop among the links, for one).
  virtual std::optional<EntryKind> StatTarget(const std::string& path,
                                              std::string* error) = 0;

  /// The target of the symlink at `path` as it is stored: absolute, or
  /// relative to the link's folder. nullopt and why in `error` otherwise.
  virtual std::optional<std::string> ReadLink(const std::string& path,
                                              std::string* error) = 0;

  /// Reads a whole file. On failure returns false and says why in `error`.
  virtual bool ReadFile(const std::string& path, std::string* bytes,
                        std::string* error) = 0;

  /// The path with every symlink resolved, or nullopt when it does not exist.
  virtual std::optional<std::string> RealPath(const std::string& path) = 0;

  /// The absolute working directory.
  virtual std::string CurrentDirectory() = 0;
};

/// A FileReader that also writes.
class FileSystem : public FileReader {
 public:
  /// Writes `bytes` as the next version of the regular file at `path` (not
  /// a symlink: the caller resolves those), where no reader sees them until
  /// Publish: the staged file lives in `path`'s own folder, so publishing
  /// it never crosses file systems. Returns an id for Publish or Discard,
  /// or nullopt and why in `error`, leaving nothing behind. Does not create
  /// folders.
  virtual std::optional<size_t> Stage(const std::string& path,
                                      std::string_view bytes,
                                      std::string* error) = 0;

  /// Puts a staged file at its path in one step: a reader sees the old file
  /// or the whole new one, never a part. The id is used up either way.
  virtual bool Publish(size_t staged, std::string* error) = 0;

  /// Drops a staged file that is not to be published.
  virtual void Discard(size_t staged) = 0;

  /// Opens the existing device or FIFO at `path` for writing and writes all
  /// of `bytes` to it, with nothing created, renamed or removed. A FIFO
  /// blocks until it has a reader. False and why in `error` on failure, or
  /// when `path` is a regular file or folder by now.
  virtual bool WriteInPlace(const std::string& path, std::string_view bytes,
                            std::string* error) = 0;

  /// Creates a folder and its missing parents, appending each folder it
  /// made to `created`, outermost first (also those it made before a
  /// failure), so that a failed commit can remove them again.
  virtual bool CreateDirectories(const std::string& path,
                                 std::vector<std::string>* created,
                                 std::string* error) = 0;

  /// Removes the folder at `path` if it is empty; leaves it otherwise.
  virtual void RemoveEmptyDirectory(const std::string& path) = 0;

  /// Appends `line` to `path` in a single write(2), creating the file.
  virtual bool AppendLine(const std::string& path, std::string_view line,
                          std::string* error) = 0;
};

}  // namespace agentgen

#endif  // AGENTGEN_BASE_FILE_SYSTEM_H_
