// SPDX-License-Identifier: MIT
// The FileSystem that touches the disk: the only code that does.
#ifndef AGENTGEN_BASE_REAL_FILE_SYSTEM_H_
#define AGENTGEN_BASE_REAL_FILE_SYSTEM_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/file_system.h"

namespace agentgen {

class RealFileSystem : public FileSystem {
 public:
  RealFileSystem();

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
  bool Publish(size_t id, std::string* error) override;
  void Discard(size_t id) override;
  bool WriteInPlace(const std::string& path, std::string_view bytes,
                    std::string* error) override;
  bool CreateDirectories(const std::string& path,
                         std::vector<std::string>* created,
                         std::string* error) override;
  void RemoveEmptyDirectory(const std::string& path) override;
  bool AppendLine(const std::string& path, std::string_view line,
                  std::string* error) override;
  std::string CurrentDirectory() override;
  std::optional<std::vector<DirectoryEntry>> ListDirectory(
      const std::string& path, std::string* error) override;
  std::optional<uint32_t> Permissions(const std::string& path) override;
  bool SetStagedPermissions(size_t id, uint32_t permissions,
                            std::string* error) override;
  bool RemoveFile(const std::string& path, std::string* error) override;
  std::unique_ptr<FileLock> LockFile(const std::string& path, bool create,
                                     int timeout_seconds,
                                     std::string* error) override;

 private:
  // A staged file: an unnamed one (O_TMPFILE) still open, or a temporary
  // file beside the target where the file system cannot make unnamed ones.
  struct StagedFile {
    std::string path;
    int fd = -1;
    std::string temporary;
  };
  std::optional<StagedFile> TakeStaged(size_t id);

  // Linking an unnamed file into place goes through /proc/self/fd.
  const bool can_link_unnamed_;
  std::mutex staged_mutex_;
  std::map<size_t, StagedFile> staged_;
  size_t next_staged_ = 0;

  // The real paths of the folders RealPath has met; batch renders on several
  // threads share them.
  std::mutex real_folders_mutex_;
  std::map<std::string, std::string> real_folders_;
};

}  // namespace agentgen

#endif  // AGENTGEN_BASE_REAL_FILE_SYSTEM_H_
