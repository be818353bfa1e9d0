// SPDX-License-Identifier: MIT
#include "memory_file_system.h"

#include "paths.h"

namespace agentgen {

std::string MemoryFileSystem::Absolute(const std::string& path) const {
  return AbsoluteNormal(cwd_, path);
}

void MemoryFileSystem::Add(const std::string& path, const std::string& bytes) {
  std::string absolute = Absolute(path);
  files_[absolute] = bytes;
  for (std::string folder = ParentOf(absolute);; folder = ParentOf(folder)) {
    directories_.insert(folder);
    if (folder == "/") break;
  }
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
  symlinks_[absolute] = AbsoluteNormal(ParentOf(absolute), target);
  AddDirectory(ParentOf(absolute));
}

std::string MemoryFileSystem::Resolve(const std::string& path) const {
  std::string resolved;
  size_t begin = 1;
  int hops = 0;
  std::string rest = path;
  while (begin <= rest.size()) {
    size_t slash = rest.find('/', begin);
    if (slash == std::string::npos) slash = rest.size();
    resolved += "/" + rest.substr(begin, slash - begin);
    auto link = symlinks_.find(resolved);
    if (link != symlinks_.end()) {
      if (++hops > 40) return resolved;  // a loop: leave it unresolved
      rest = link->second + rest.substr(slash);
      resolved.clear();
      begin = 1;
      continue;
    }
    begin = slash + 1;
  }
  return Normal(resolved.empty() ? "/" : resolved);
}

std::string MemoryFileSystem::Contents(const std::string& path) const {
  auto it = files_.find(Absolute(path));
  return it == files_.end() ? "" : it->second;
}

bool MemoryFileSystem::Has(const std::string& path) const {
  return files_.count(Absolute(path)) > 0;
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
  return Kind::kMissing;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* bytes,
                                std::string* error) {
  std::string absolute = Absolute(path);
  files_read_.push_back(absolute);
  if (unreadable_.count(absolute)) {
    *error = "Permission denied";
    return false;
  }
  auto file = files_.find(Resolve(absolute));
  if (file == files_.end()) {
    *error = directories_.count(Resolve(absolute))
                 ? "Is a directory"
                 : "No such file or directory";
    return false;
  }
  *bytes = file->second;
  return true;
}

std::optional<std::string> MemoryFileSystem::RealPath(const std::string& path) {
  std::string resolved = Resolve(Absolute(path));
  if (!files_.count(resolved) && !directories_.count(resolved))
    return std::nullopt;
  return resolved;
}

std::optional<size_t> MemoryFileSystem::Stage(const std::string& path,
                                              std::string_view bytes,
                                              std::string* error) {
  std::string absolute = Absolute(path);
  if (!failing_.empty() && IsWithin(absolute, failing_)) {
    *error = "No space left on device";
    return std::nullopt;
  }
  if (!directories_.count(ParentOf(absolute))) {
    *error = "No such file or directory";
    return std::nullopt;
  }
  files_written_.push_back(absolute);
  staged_.emplace(next_staged_, std::make_pair(absolute, std::string(bytes)));
  return next_staged_++;
}

bool MemoryFileSystem::Publish(size_t staged, std::string* error) {
  auto found = staged_.find(staged);
  if (found == staged_.end()) {
    *error = "nothing staged";
    return false;
  }
  files_[found->second.first] = std::move(found->second.second);
  staged_.erase(found);
  return true;
}

void MemoryFileSystem::Discard(size_t staged) { staged_.erase(staged); }

bool MemoryFileSystem::CreateDirectories(const std::string& path,
                                         std::string* error) {
  std::string absolute = Absolute(path);
  if (!failing_.empty() && IsWithin(absolute, failing_) &&
      !directories_.count(absolute)) {
    *error = "No space left on device";
    return false;
  }
  if (files_.count(absolute)) {
    *error = "File exists";
    return false;
  }
  AddDirectory(absolute);
  return true;
}

bool MemoryFileSystem::AppendLine(const std::string& path,
                                  std::string_view line, std::string*) {
  files_[Absolute(path)] += std::string(line) + "\n";
  return true;
}

}  // namespace agentgen
