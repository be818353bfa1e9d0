// SPDX-License-Identifier: MIT
#include "memory_file_system.h"

#include <mutex>

#include "base/paths.h"

namespace agentgen {

std::string MemoryFileSystem::Absolute(const std::string& path) const {
  return AbsoluteNormal(cwd_, path);
}

void MemoryFileSystem::Add(const std::string& path, const std::string& bytes) {
  std::string absolute = Absolute(path);
  files_[absolute] = bytes;
  AddDirectory(ParentOf(absolute));
}

void MemoryFileSystem::AddDirectory(const std::string& path) {
  for (std::string folder = Absolute(path);; folder = ParentOf(folder)) {
    directories_.insert(folder);
    if (folder == "/") break;
  }
}

void MemoryFileSystem::AddSymlink(const std::string& path,
                                  const std::string& target) {
  std::string absolute = Absolute(path);
  symlinks_[absolute] = target;
  AddDirectory(ParentOf(absolute));
}

void MemoryFileSystem::AddSpecial(const std::string& path, EntryKind kind) {
  std::string absolute = Absolute(path);
  specials_[absolute] = kind;
  AddDirectory(ParentOf(absolute));
}

// Walks the path a component at a time, as the kernel does: a symlink's
// target takes the place of the link (a relative one from the link's
// folder), and `..` steps back from what is resolved so far.
std::string MemoryFileSystem::Resolve(const std::string& path) const {
  auto push_parts = [](const std::string& text,
                       std::vector<std::string>* pending) {
    std::vector<std::string> parts;
    size_t begin = 0;
    while (begin <= text.size()) {
      size_t slash = text.find('/', begin);
      if (slash == std::string::npos) slash = text.size();
      parts.push_back(text.substr(begin, slash - begin));
      begin = slash + 1;
    }
    pending->insert(pending->end(), parts.rbegin(), parts.rend());
  };
  std::vector<std::string> pending;  // the next part at the back
  push_parts(path, &pending);
  std::string resolved;  // "" stands for "/"
  int hops = 0;
  while (!pending.empty()) {
    std::string part = std::move(pending.back());
    pending.pop_back();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      resolved.resize(resolved.empty() ? 0 : resolved.rfind('/'));
      continue;
    }
    std::string next = resolved + "/" + part;
    auto link = symlinks_.find(next);
    // A loop is left unresolved, so that nothing is found there.
    if (link != symlinks_.end() && ++hops <= 40) {
      if (!link->second.empty() && link->second[0] == '/') resolved.clear();
      push_parts(link->second, &pending);
      continue;
    }
    resolved = std::move(next);
  }
  return resolved.empty() ? "/" : resolved;
}

std::string MemoryFileSystem::ResolveFolderOf(const std::string& path) const {
  if (path == "/") return path;
  std::string folder = Resolve(ParentOf(path));
  std::string name = path.substr(path.rfind('/') + 1);
  return folder == "/" ? "/" + name : folder + "/" + name;
}

bool MemoryFileSystem::Exists(const std::string& resolved) const {
  return files_.count(resolved) || directories_.count(resolved) ||
         specials_.count(resolved);
}

bool MemoryFileSystem::IsFailing(const std::string& path) const {
  return !failing_.empty() && IsWithin(path, failing_);
}

std::string MemoryFileSystem::Contents(const std::string& path) const {
  auto it = files_.find(Absolute(path));
  return it == files_.end() ? "" : it->second;
}

bool MemoryFileSystem::Has(const std::string& path) const {
  return files_.count(Absolute(path)) > 0;
}

bool MemoryFileSystem::HasDirectory(const std::string& path) const {
  return directories_.count(Resolve(Absolute(path))) > 0;
}

std::string MemoryFileSystem::LinkTarget(const std::string& path) const {
  auto link = symlinks_.find(ResolveFolderOf(Absolute(path)));
  return link == symlinks_.end() ? "" : link->second;
}

FileSystem::EntryKind MemoryFileSystem::KindOf(const std::string& path) const {
  std::string entry = ResolveFolderOf(Absolute(path));
  if (symlinks_.count(entry)) return EntryKind::kSymlink;
  if (files_.count(entry)) return EntryKind::kFile;
  if (directories_.count(entry)) return EntryKind::kDirectory;
  auto special = specials_.find(entry);
  return special == specials_.end() ? EntryKind::kMissing : special->second;
}

std::vector<std::string> MemoryFileSystem::WritesInPlace(
    const std::string& path) const {
  auto writes = writes_in_place_.find(Resolve(Absolute(path)));
  return writes == writes_in_place_.end() ? std::vector<std::string>{}
                                          : writes->second;
}

std::vector<std::string> MemoryFileSystem::FilesUnder(
    const std::string& folder) const {
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : files_) {
    if (IsWithin(path, Absolute(folder))) paths.push_back(path);
  }
  return paths;
}

FileSystem::Kind MemoryFileSystem::Stat(const std::string& path,
                                        uint64_t* size) {
  std::string resolved = Resolve(Absolute(path));
  auto file = files_.find(resolved);
  if (file != files_.end()) {
    if (size) *size = file->second.size();
    return Kind::kFile;
  }
  if (directories_.count(resolved)) return Kind::kDirectory;
  if (specials_.count(resolved)) return Kind::kOther;
  return Kind::kMissing;
}

std::optional<FileSystem::EntryKind> MemoryFileSystem::StatEntry(
    const std::string& path, std::string* error) {
  std::string folder = ParentOf(ResolveFolderOf(Absolute(path)));
  if (Exists(folder) && !directories_.count(folder)) {
    *error = "Not a directory";
    return std::nullopt;
  }
  return KindOf(path);
}

std::optional<FileSystem::EntryKind> MemoryFileSystem::StatTarget(
    const std::string& path, std::string* error) {
  std::string resolved = Resolve(Absolute(path));
  if (symlinks_.count(resolved)) {  // left unresolved: a loop
    *error = "Too many levels of symbolic links";
    return std::nullopt;
  }
  if (files_.count(resolved)) return EntryKind::kFile;
  if (directories_.count(resolved)) return EntryKind::kDirectory;
  auto special = specials_.find(resolved);
  return special == specials_.end() ? EntryKind::kMissing : special->second;
}

std::optional<std::string> MemoryFileSystem::ReadLink(const std::string& path,
                                                      std::string* error) {
  auto link = symlinks_.find(ResolveFolderOf(Absolute(path)));
  if (link == symlinks_.end()) {
    *error = "Invalid argument";
    return std::nullopt;
  }
  return link->second;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* bytes,
                                std::string* error) {
  std::string absolute = Absolute(path);
  {
    // Sync reads on several threads; the log is the fake's only state that
    // a read changes.
    static std::mutex log_mutex;
    std::lock_guard<std::mutex> lock(log_mutex);
    files_read_.push_back(absolute);
  }
  if (unreadable_.count(absolute)) {
    *error = "Permission denied";
    return false;
  }
  std::string resolved = Resolve(absolute);
  if (specials_.count(resolved)) {
    *error = "read a device, FIFO or socket (a FIFO would block)";
    return false;
  }
  auto file = files_.find(resolved);
  if (file == files_.end()) {
    *error = directories_.count(resolved) ? "Is a directory"
                                          : "No such file or directory";
    return false;
  }
  *bytes = file->second;
  return true;
}

std::optional<std::string> MemoryFileSystem::RealPath(const std::string& path) {
  std::string resolved = Resolve(Absolute(path));
  if (!Exists(resolved)) return std::nullopt;
  return resolved;
}

// A staged file replaces the entry at `path` in its real folder, as a
// rename does: a symlink there is replaced, not followed.
std::optional<size_t> MemoryFileSystem::Stage(const std::string& path,
                                              std::string_view bytes,
                                              std::string* error) {
  std::string entry = ResolveFolderOf(Absolute(path));
  if (IsFailing(entry)) {
    *error = "No space left on device";
    return std::nullopt;
  }
  if (!directories_.count(ParentOf(entry))) {
    *error = "No such file or directory";
    return std::nullopt;
  }
  files_written_.push_back(entry);
  staged_.emplace(next_staged_, std::make_pair(entry, std::string(bytes)));
  return next_staged_++;
}

bool MemoryFileSystem::Publish(size_t staged, std::string* error) {
  auto found = staged_.find(staged);
  if (found == staged_.end()) {
    *error = "nothing staged";
    return false;
  }
  auto [path, bytes] = std::move(found->second);
  staged_.erase(found);
  if (path == failing_publish_) {
    *error = "Device or resource busy";
    return false;
  }
  if (directories_.count(path)) {
    *error = "Is a directory";
    return false;
  }
  if (!directories_.count(ParentOf(path))) {
    *error = "No such file or directory";
    return false;
  }
  symlinks_.erase(path);
  specials_.erase(path);
  files_[path] = std::move(bytes);
  auto permissions = staged_permissions_.find(staged);
  if (permissions != staged_permissions_.end()) {
    permissions_[path] = permissions->second;
    staged_permissions_.erase(permissions);
  } else {
    permissions_.erase(path);
  }
  return true;
}

void MemoryFileSystem::Discard(size_t staged) {
  staged_.erase(staged);
  staged_permissions_.erase(staged);
}

std::optional<std::vector<FileReader::DirectoryEntry>>
MemoryFileSystem::ListDirectory(const std::string& path, std::string* error) {
  std::string folder = Resolve(Absolute(path));
  if (!directories_.count(folder)) {
    *error = Exists(folder) ? "Not a directory" : "No such file or directory";
    return std::nullopt;
  }
  std::set<std::string> names;
  auto collect = [&](const std::string& entry) {
    if (entry != folder && ParentOf(entry) == folder)
      names.insert(entry.substr(folder == "/" ? 1 : folder.size() + 1));
  };
  for (const auto& [entry, bytes] : files_) collect(entry);
  for (const std::string& entry : directories_) collect(entry);
  for (const auto& [entry, target] : symlinks_) collect(entry);
  for (const auto& [entry, kind] : specials_) collect(entry);
  std::vector<DirectoryEntry> entries;
  entries.reserve(names.size());
  for (const std::string& name : names)
    entries.push_back({name, KindOf(folder + "/" + name)});
  return entries;
}

std::optional<uint32_t> MemoryFileSystem::Permissions(const std::string& path) {
  std::string resolved = Resolve(Absolute(path));
  if (!files_.count(resolved)) return std::nullopt;
  auto found = permissions_.find(resolved);
  return found == permissions_.end() ? 0644u : found->second;
}

bool MemoryFileSystem::SetStagedPermissions(size_t staged, uint32_t permissions,
                                            std::string* error) {
  if (!staged_.count(staged)) {
    *error = "nothing staged";
    return false;
  }
  staged_permissions_[staged] = permissions & 07777;
  return true;
}

bool MemoryFileSystem::RemoveFile(const std::string& path, std::string* error) {
  std::string entry = ResolveFolderOf(Absolute(path));
  if (IsFailing(entry)) {
    *error = "Read-only file system";
    return false;
  }
  if (files_.erase(entry) + symlinks_.erase(entry) + specials_.erase(entry) ==
      0) {
    *error = directories_.count(entry) ? "Is a directory"
                                       : "No such file or directory";
    return false;
  }
  permissions_.erase(entry);
  files_removed_.push_back(entry);
  return true;
}

class MemoryLock : public FileLock {
 public:
  MemoryLock(MemoryFileSystem& fs, std::string path)
      : fs_(fs), path_(std::move(path)) {
    fs_.locked_.insert(path_);
  }
  ~MemoryLock() override { fs_.locked_.erase(path_); }
  MemoryLock(const MemoryLock&) = delete;
  MemoryLock& operator=(const MemoryLock&) = delete;

 private:
  MemoryFileSystem& fs_;
  std::string path_;
};

std::unique_ptr<FileLock> MemoryFileSystem::LockFile(const std::string& path,
                                                     bool create,
                                                     int /*timeout_seconds*/,
                                                     std::string* error) {
  std::string entry = ResolveFolderOf(Absolute(path));
  if (!files_.count(entry)) {
    if (!create) return nullptr;
    if (!directories_.count(ParentOf(entry))) {
      *error = "No such file or directory";
      return nullptr;
    }
    files_[entry] = "";
  }
  if (locked_.count(entry)) {  // one thread: a second holder never leaves
    *error = "another process holds it";
    return nullptr;
  }
  return std::make_unique<MemoryLock>(*this, entry);
}

bool MemoryFileSystem::WriteInPlace(const std::string& path,
                                    std::string_view bytes,
                                    std::string* error) {
  std::string resolved = Resolve(Absolute(path));
  auto special = specials_.find(resolved);
  if (special == specials_.end()) {
    *error = Exists(resolved) ? "it is no longer a device or FIFO"
                              : "No such file or directory";
    return false;
  }
  if (special->second == EntryKind::kSocket) {
    *error = "No such device or address";
    return false;
  }
  if (IsFailing(resolved)) {
    *error = "No space left on device";
    return false;
  }
  files_written_.push_back(resolved);
  writes_in_place_[resolved].emplace_back(bytes);
  return true;
}

bool MemoryFileSystem::CreateDirectories(const std::string& path,
                                         std::vector<std::string>* created,
                                         std::string* error) {
  std::vector<std::string> missing;
  std::string folder = Absolute(path);
  // The root always exists, added or not.
  while (folder != "/" && !directories_.count(Resolve(folder))) {
    if (Exists(Resolve(folder))) {
      *error = "Not a directory";
      return false;
    }
    missing.push_back(folder);
    folder = ParentOf(folder);
  }
  for (auto next = missing.rbegin(); next != missing.rend(); ++next) {
    if (IsFailing(*next)) {
      *error = "No space left on device";
      return false;
    }
    directories_.insert(Resolve(*next));
    created->push_back(*next);
  }
  return true;
}

void MemoryFileSystem::RemoveEmptyDirectory(const std::string& path) {
  std::string folder = Resolve(Absolute(path));
  auto below = [&folder](const std::string& entry) {
    return entry != folder && IsWithin(entry, folder);
  };
  for (const auto& file : files_)
    if (below(file.first)) return;
  for (const std::string& directory : directories_)
    if (below(directory)) return;
  for (const auto& link : symlinks_)
    if (below(link.first)) return;
  for (const auto& special : specials_)
    if (below(special.first)) return;
  directories_.erase(folder);
}

bool MemoryFileSystem::AppendLine(const std::string& path,
                                  std::string_view line, std::string*) {
  std::string resolved = Resolve(Absolute(path));
  std::string text = std::string(line) + "\n";
  if (specials_.count(resolved))
    writes_in_place_[resolved].push_back(text);
  else
    files_[resolved] += text;
  return true;
}

}  // namespace agentgen
