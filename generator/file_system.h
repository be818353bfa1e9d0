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

  /// Writes (creates or truncates) a file. Does not create folders.
  virtual bool WriteFile(const std::string& path, std::string_view bytes,
                         std::string* error) = 0;

  /// Replaces `to` by `from` in one step (rename(2)).
  virtual bool Rename(const std::string& from, const std::string& to,
                      std::string* error) = 0;

  /// Removes a file; a missing file is not an error.
  virtual void Remove(const std::string& path) = 0;

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
