// SPDX-License-Identifier: MIT
// The seam between the generator and the disk. Everything that reads or writes
// a file goes through a FileSystem, so tests can run the whole pipeline in
// memory and check exactly which files a render read.
#ifndef AGENTGEN_FILE_SYSTEM_H_
#define AGENTGEN_FILE_SYSTEM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agentgen {

/// Paths handed to a FileSystem are absolute and lexically normalised, with
/// '/' separators.
class FileSystem {
 public:
  enum class Kind { kMissing, kFile, kDirectory, kOther };

  virtual ~FileSystem() = default;

  /// What is at `path`, symlinks followed; the file's size when it is one.
  virtual Kind Stat(const std::string& path, uint64_t* size = nullptr) = 0;

  /// Reads a whole file. On failure returns false and says why in `error`.
  virtual bool ReadFile(const std::string& path, std::string* bytes,
                        std::string* error) = 0;

  /// The path with every symlink resolved, or nullopt when it does not exist.
  virtual std::optional<std::string> RealPath(const std::string& path) = 0;

  /// Writes `bytes` as the next version of the file at `path`, where no
  /// reader sees them until Publish. Returns an id for Publish or Discard,
  /// or nullopt and why in `error`. Does not create folders.
  virtual std::optional<size_t> Stage(const std::string& path,
                                      std::string_view bytes,
                                      std::string* error) = 0;

  /// Puts a staged file at its path in one step: a reader sees the old file
  /// or the whole new one, never a part. The id is used up either way.
  virtual bool Publish(size_t staged, std::string* error) = 0;

  /// Drops a staged file that is not to be published.
  virtual void Discard(size_t staged) = 0;

  /// Creates a folder and its missing parents.
  virtual bool CreateDirectories(const std::string& path,
                                 std::string* error) = 0;

  /// Appends `line` to `path` in a single write(2), creating the file.
  virtual bool AppendLine(const std::string& path, std::string_view line,
                          std::string* error) = 0;

  /// The absolute working directory.
  virtual std::string CurrentDirectory() = 0;
};

}  // namespace agentgen

#endif  // AGENTGEN_FILE_SYSTEM_H_
