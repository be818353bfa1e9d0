// SPDX-License-Identifier: MIT
#include "real_file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace agentgen {
namespace fs = boost::filesystem;

namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Writes all of `bytes`, retrying short writes.
bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::optional<std::string> FullRealPath(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> real(
      ::realpath(path.c_str(), nullptr), &std::free);
  if (!real) return std::nullopt;
  return std::string(real.get());
}

}  // namespace

// One stat(2) per question: a render asks about every file it reads, and
// boost::filesystem's status() and file_size() would each make their own.
FileSystem::Kind RealFileSystem::Stat(const std::string& path, uint64_t* size) {
  struct stat status;
  if (::stat(path.c_str(), &status) != 0) return Kind::kMissing;
  if (S_ISREG(status.st_mode)) {
    if (size) *size = static_cast<uint64_t>(status.st_size);
    return Kind::kFile;
  }
  return S_ISDIR(status.st_mode) ? Kind::kDirectory : Kind::kOther;
}

bool RealFileSystem::ReadFile(const std::string& path, std::string* bytes,
                              std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = ErrnoText();
    return false;
  }
  // Read straight into the string, sized by fstat(2) plus one byte so that a
  // file that grew meanwhile is noticed; no buffer in between.
  struct stat status;
  size_t expected = ::fstat(fd, &status) == 0 && status.st_size > 0
                        ? static_cast<size_t>(status.st_size)
                        : 0;
  bytes->resize(expected + 1);
  size_t used = 0;
  for (;;) {
    if (used == bytes->size()) bytes->resize(bytes->size() * 2);
    ssize_t n = ::read(fd, bytes->data() + used, bytes->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = ErrnoText();
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  bytes->resize(used);
  ::close(fd);
  return true;
}

// realpath(3) makes a readlink(2) for every component of the path. A render
// asks for the real path of every file it reads, nearly all of them in a few
// folders, so the folders' real paths are kept and the file itself costs one
// lstat(2), unless it is a link.
std::optional<std::string> RealFileSystem::RealPath(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return FullRealPath(path);
  std::string name = path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") return FullRealPath(path);
  std::string folder = path.substr(0, slash);
  std::string real_folder;
  {
    std::lock_guard<std::mutex> lock(real_folders_mutex_);
    auto known = real_folders_.find(folder);
    if (known != real_folders_.end()) real_folder = known->second;
  }
  if (real_folder.empty()) {
    std::optional<std::string> real = FullRealPath(folder);
    if (!real) return std::nullopt;
    real_folder = *real;
    std::lock_guard<std::mutex> lock(real_folders_mutex_);
    real_folders_.emplace(folder, real_folder);
  }
  std::string candidate =
      real_folder == "/" ? "/" + name : real_folder + "/" + name;
  struct stat status;
  if (::lstat(candidate.c_str(), &status) != 0) return std::nullopt;
  if (S_ISLNK(status.st_mode)) return FullRealPath(candidate);
  return candidate;
}

bool RealFileSystem::WriteFile(const std::string& path, std::string_view bytes,
                               std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = ErrnoText();
    return false;
  }
  bool ok = WriteAll(fd, bytes);
  if (!ok) *error = ErrnoText();
  if (::close(fd) != 0 && ok) {
    *error = ErrnoText();
    ok = false;
  }
  return ok;
}

bool RealFileSystem::Rename(const std::string& from, const std::string& to,
                            std::string* error) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    *error = ErrnoText();
    return false;
  }
  return true;
}

void RealFileSystem::Remove(const std::string& path) { ::unlink(path.c_str()); }

bool RealFileSystem::CreateDirectories(const std::string& path,
                                       std::string* error) {
  boost::system::error_code ec;
  fs::create_directories(path, ec);
  if (ec) {
    *error = ec.message();
    return false;
  }
  return true;
}

bool RealFileSystem::AppendLine(const std::string& path, std::string_view line,
                                std::string* error) {
  int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = ErrnoText();
    return false;
  }
  // One write(2) with O_APPEND, so lines of parallel processes never mix.
  std::string buffer(line);
  buffer += '\n';
  ssize_t n = ::write(fd, buffer.data(), buffer.size());
  bool ok = n == static_cast<ssize_t>(buffer.size());
  if (!ok) *error = n < 0 ? ErrnoText() : "short write";
  ::close(fd);
  return ok;
}

std::string RealFileSystem::CurrentDirectory() {
  boost::system::error_code ec;
  return fs::current_path(ec).generic_string();
}

}  // namespace agentgen
