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
#include <memory>
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

  /// One entry of a folder, as StatEntry sees it (a symlink not followed).
  struct DirectoryEntry {
    std::string name;
    EntryKind kind = EntryKind::kMissing;
  };

  /// The entries of the folder at `path` (not `.` and `..`), sorted by name
  /// in byte order. nullopt and why in `error` when it cannot be listed.
  virtual std::optional<std::vector<DirectoryEntry>> ListDirectory(
      const std::string& path, std::string* error) = 0;

  /// The permission bits (07777) of the file at `path`, symlinks followed;
  /// nullopt when it cannot be told.
  virtual std::optional<uint32_t> Permissions(const std::string& path) = 0;
};

/// A lock held on a file (flock) until it is destroyed.
class FileLock {
 public:
  virtual ~FileLock() = default;
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

  /// Gives a staged file the permission bits `permissions` (07777) before
  /// it is published; a file staged without this gets the default (0666
  /// less the umask).
  virtual bool SetStagedPermissions(size_t staged, uint32_t permissions,
                                    std::string* error) = 0;

  /// Removes the regular file or symlink at `path` (never a folder).
  virtual bool RemoveFile(const std::string& path, std::string* error) = 0;

  /// Takes an exclusive lock on the file at `path`, creating it when
  /// `create` (else a missing file gives a null lock and no error), waiting
  /// at most `timeout_seconds` for another holder. nullptr and why in
  /// `error` on failure or time-out.
  virtual std::unique_ptr<FileLock> LockFile(const std::string& path,
                                             bool create, int timeout_seconds,
                                             std::string* error) = 0;
};

}  // namespace agentgen

#endif  // AGENTGEN_BASE_FILE_SYSTEM_H_
