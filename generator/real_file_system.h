// SPDX-License-Identifier: MIT
// The FileSystem that touches the disk: the only code that does.
#ifndef AGENTGEN_REAL_FILE_SYSTEM_H_
#define AGENTGEN_REAL_FILE_SYSTEM_H_

#include <map>
#include <mutex>

#include "file_system.h"

namespace agentgen {

class RealFileSystem : public FileSystem {
 public:
  Kind Stat(const std::string& path, uint64_t* size) override;
  bool ReadFile(const std::string& path, std::string* bytes,
                std::string* error) override;
  std::optional<std::string> RealPath(const std::string& path) override;
  bool WriteFile(const std::string& path, std::string_view bytes,
                 std::string* error) override;
  bool Rename(const std::string& from, const std::string& to,
              std::string* error) override;
  void Remove(const std::string& path) override;
  bool CreateDirectories(const std::string& path, std::string* error) override;
  bool AppendLine(const std::string& path, std::string_view line,
                  std::string* error) override;
  std::string CurrentDirectory() override;

 private:
  // The real paths of the folders RealPath has met; batch renders on several
  // threads share them.
  std::mutex real_folders_mutex_;
  std::map<std::string, std::string> real_folders_;
};

}  // namespace agentgen

#endif  // AGENTGEN_REAL_FILE_SYSTEM_H_
