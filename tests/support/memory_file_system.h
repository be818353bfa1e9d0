// SPDX-License-Identifier: MIT
// An in-memory FileSystem for tests. It records what the code under test
// read and wrote, so a test can check the access pattern as well as the
// result (every file read must be in the depfile, and nothing else).
#ifndef AGENTGEN_TESTS_MEMORY_FILE_SYSTEM_H_
#define AGENTGEN_TESTS_MEMORY_FILE_SYSTEM_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"

namespace agentgen {

class MemoryFileSystem : public FileSystem {
 public:
  explicit MemoryFileSystem(std::string cwd = "/work") : cwd_(std::move(cwd)) {}

  /// Adds a file (relative paths are relative to the working directory).
  void Add(const std::string& path, const std::string& bytes);
  /// Adds an empty folder.
  void AddDirectory(const std::string& path);
  /// Adds a symlink at `path` pointing to `target` (absolute or relative to
  /// the link's folder).
  void AddSymlink(const std::string& path, const std::string& target);
  /// Adds a device, FIFO or socket: written in place, never read here (a
  /// test fails on reading one, as reading a FIFO blocks).
  void AddSpecial(const std::string& path, EntryKind kind);
  /// Makes reading `path` fail, like a file without read permission.
  void MakeUnreadable(const std::string& path) {
    unreadable_.insert(Absolute(path));
  }
  /// Makes every write under `folder` fail, like a full disk.
  void FailWritesUnder(const std::string& folder) { failing_ = folder; }
  /// Makes publishing `path` fail, as a rename can.
  void FailPublishing(const std::string& path) {
    failing_publish_ = Absolute(path);
  }

  /// The file's bytes, or "" when absent.
  std::string Contents(const std::string& path) const;
  bool Has(const std::string& path) const;
  bool HasDirectory(const std::string& path) const;
  /// The target of the symlink at `path` as added, or "" when it is none.
  std::string LinkTarget(const std::string& path) const;
  /// What the entry at `path` is (a symlink not followed), for checks.
  EntryKind KindOf(const std::string& path) const;
  /// The writes made in place to the device or FIFO at `path`, in order.
  std::vector<std::string> WritesInPlace(const std::string& path) const;
  /// Every file below `folder`, by absolute path.
  std::vector<std::string> FilesUnder(const std::string& folder) const;

  const std::vector<std::string>& files_read() const { return files_read_; }
  /// The paths of every file staged (published or not) or written in place.
  const std::vector<std::string>& files_written() const {
    return files_written_;
  }
  /// Files staged and neither published nor discarded: what a real file
  /// system would leave behind as temporary files.
  size_t staged_count() const { return staged_.size(); }

  Kind Stat(const std::string& path, uint64_t* size) override;
  std::optional<EntryKind> StatEntry(const std::string& path,
                                     std::string* error) override;
  std::optional<EntryKind> StatTarget(const std::string& path,
                                      std::string* error) override;
  std::optional<std::string> ReadLink(const std::string& path,
                                      std::string* error) override;
  bool ReadFile(const std::string& path, std::string* bytes,
                std::string* error) override;
  std::optional<std::string> RealPath(const std::string& path) override;
  std::optional<size_t> Stage(const std::string& path, std::string_view bytes,
                              std::string* error) override;
  bool Publish(size_t staged, std::string* error) override;
  void Discard(size_t staged) override;
  bool WriteInPlace(const std::string& path, std::string_view bytes,
                    std::string* error) override;
  bool CreateDirectories(const std::string& path,
                         std::vector<std::string>* created,
                         std::string* error) override;
  void RemoveEmptyDirectory(const std::string& path) override;
  bool AppendLine(const std::string& path, std::string_view line,
                  std::string* error) override;
  std::string CurrentDirectory() override { return cwd_; }
  std::optional<std::vector<DirectoryEntry>> ListDirectory(
      const std::string& path, std::string* error) override;
  std::optional<uint32_t> Permissions(const std::string& path) override;
  bool SetStagedPermissions(size_t staged, uint32_t permissions,
                            std::string* error) override;
  bool RemoveFile(const std::string& path, std::string* error) override;
  std::unique_ptr<FileLock> LockFile(const std::string& path, bool create,
                                     int timeout_seconds,
                                     std::string* error) override;

  /// Sets the permission bits of a file added (0644 unless set).
  void SetPermissions(const std::string& path, uint32_t permissions) {
    permissions_[Absolute(path)] = permissions;
  }
  /// The files removed, in order.
  const std::vector<std::string>& files_removed() const {
    return files_removed_;
  }
  /// Whether some lock on `path` is held now.
  bool IsLocked(const std::string& path) const {
    return locked_.count(Absolute(path)) > 0;
  }

 private:
  std::string Absolute(const std::string& path) const;
  /// `path` with every symlink resolved (missing parts kept as they are).
  std::string Resolve(const std::string& path) const;
  /// `path` with the symlinks of its folder resolved, not its own.
  std::string ResolveFolderOf(const std::string& path) const;
  bool Exists(const std::string& resolved) const;
  bool IsFailing(const std::string& path) const;

  std::string cwd_;
  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::map<std::string, std::string> symlinks_;  // path -> target as given
  std::map<std::string, EntryKind> specials_;
  std::map<std::string, std::vector<std::string>> writes_in_place_;
  std::string failing_;
  std::string failing_publish_;
  std::set<std::string> unreadable_;
  std::vector<std::string> files_read_;
  std::vector<std::string> files_written_;
  std::map<size_t, std::pair<std::string, std::string>> staged_;
  size_t next_staged_ = 0;
  std::map<std::string, uint32_t> permissions_;
  std::map<size_t, uint32_t> staged_permissions_;
  std::vector<std::string> files_removed_;
  std::set<std::string> locked_;
  friend class MemoryLock;
};

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_MEMORY_FILE_SYSTEM_H_
