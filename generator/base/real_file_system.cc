// SPDX-License-Identifier: MIT
#include "base/real_file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

#include "base/paths.h"

namespace agentgen {
namespace fs = boost::filesystem;

namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Writes all of `bytes`, retrying short writes. A device that takes nothing
// (write(2) returning 0) would otherwise keep this looping.
bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {
      errno = EIO;
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

// Beside the target, so the rename stays within one file system; the pid and
// the staging id keep parallel renders from sharing a name. A later attempt
// steps past a name that is taken: left by a killed run, planted, or used by
// a process of the same pid in another container sharing the folder.
std::string TemporaryNameFor(const std::string& path, size_t id, int attempt) {
  std::string name = ParentOf(path) + "/." + path.substr(path.rfind('/') + 1) +
                     ".agentgen-tmp-" + std::to_string(::getpid()) + "-" +
                     std::to_string(id);
  return attempt == 0 ? name : name + "-" + std::to_string(attempt);
}

constexpr int kTemporaryAttempts = 100;

// Creates a temporary file for `path` under a name no one else has: O_EXCL
// and O_NOFOLLOW, so an existing file or a link under that name is never
// written through. Returns the descriptor, or -1 with errno set.
int CreateTemporary(const std::string& path, size_t id, std::string* name) {
  for (int attempt = 0; attempt < kTemporaryAttempts; ++attempt) {
    *name = TemporaryNameFor(path, id, attempt);
    int fd = ::open(name->c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

// Renames `temporary` over `path`, removing it when that fails.
bool RenameInto(const std::string& temporary, const std::string& path,
                std::string* error) {
  if (::rename(temporary.c_str(), path.c_str()) == 0) return true;
  *error = ErrnoText();
  ::unlink(temporary.c_str());
  return false;
}

// Links the unnamed file open as `fd` at `path`. A link cannot replace a
// file, so when one is there the file is linked at a temporary name and
// renamed over it.
bool PlaceUnnamed(int fd, const std::string& path, size_t id,
                  std::string* error) {
  std::string unnamed = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, unnamed.c_str(), AT_FDCWD, path.c_str(),
               AT_SYMLINK_FOLLOW) == 0) {
    return true;
  }
  for (int attempt = 0; errno == EEXIST && attempt < kTemporaryAttempts;
       ++attempt) {
    std::string temporary = TemporaryNameFor(path, id, attempt);
    if (::linkat(AT_FDCWD, unnamed.c_str(), AT_FDCWD, temporary.c_str(),
                 AT_SYMLINK_FOLLOW) == 0) {
      return RenameInto(temporary, path, error);
    }
  }
  *error = ErrnoText();
  return false;
}

std::optional<FileSystem::EntryKind> KindOf(const struct stat& status,
                                            std::string* error) {
  using EntryKind = FileSystem::EntryKind;
  if (S_ISREG(status.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(status.st_mode)) return EntryKind::kDirectory;
  if (S_ISLNK(status.st_mode)) return EntryKind::kSymlink;
  if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode))
    return EntryKind::kDevice;
  if (S_ISFIFO(status.st_mode)) return EntryKind::kFifo;
  if (S_ISSOCK(status.st_mode)) return EntryKind::kSocket;
  *error = "unknown kind of file";
  return std::nullopt;
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

std::optional<FileSystem::EntryKind> RealFileSystem::StatEntry(
    const std::string& path, std::string* error) {
  struct stat status;
  if (::lstat(path.c_str(), &status) == 0) return KindOf(status, error);
  if (errno == ENOENT) return EntryKind::kMissing;
  *error = ErrnoText();
  return std::nullopt;
}

std::optional<FileSystem::EntryKind> RealFileSystem::StatTarget(
    const std::string& path, std::string* error) {
  struct stat status;
  if (::stat(path.c_str(), &status) == 0) return KindOf(status, error);
  if (errno == ENOENT) return EntryKind::kMissing;
  *error = ErrnoText();
  return std::nullopt;
}

std::optional<std::string> RealFileSystem::ReadLink(const std::string& path,
                                                    std::string* error) {
  // readlink(2) says nothing of a target longer than the buffer but that
  // it filled it, so a full buffer is retried twice as large.
  std::string target(256, '\0');
  for (;;) {
    ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) {
      *error = ErrnoText();
      return std::nullopt;
    }
    if (static_cast<size_t>(n) < target.size()) {
      target.resize(static_cast<size_t>(n));
      return target;
    }
    target.resize(target.size() * 2);
  }
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

RealFileSystem::RealFileSystem()
    : can_link_unnamed_(::access("/proc/self/fd", X_OK) == 0) {}

// Outputs are written as unnamed files (O_TMPFILE) and linked into place:
// one change to the folder instead of creating a temporary name and renaming
// it, and the inode is allocated outside the folder's lock. On this project's
// VMs that wrote an output in 20 us instead of 30 to 600 us (two threads,
// after a large deletion), and a killed run leaves no temporary file.
std::optional<size_t> RealFileSystem::Stage(const std::string& path,
                                            std::string_view bytes,
                                            std::string* error) {
  StagedFile staged;
  staged.path = path;
  size_t id;
  {
    std::lock_guard<std::mutex> lock(staged_mutex_);
    id = next_staged_++;
  }
  int fd = -1;
  if (can_link_unnamed_) {
    fd = ::open(ParentOf(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    // Some file systems cannot make unnamed files; a named one will do.
    if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
      *error = ErrnoText();
      return std::nullopt;
    }
  }
  if (fd < 0) {
    fd = CreateTemporary(path, id, &staged.temporary);
    if (fd < 0) {
      *error = ErrnoText();
      return std::nullopt;
    }
  }
  if (!WriteAll(fd, bytes)) {
    *error = ErrnoText();
    ::close(fd);
    if (!staged.temporary.empty()) ::unlink(staged.temporary.c_str());
    return std::nullopt;
  }
  if (!staged.temporary.empty()) {
    if (::close(fd) != 0) {
      *error = ErrnoText();
      ::unlink(staged.temporary.c_str());
      return std::nullopt;
    }
  } else {
    staged.fd = fd;
  }
  std::lock_guard<std::mutex> lock(staged_mutex_);
  staged_.emplace(id, std::move(staged));
  return id;
}

std::optional<RealFileSystem::StagedFile> RealFileSystem::TakeStaged(
    size_t id) {
  std::lock_guard<std::mutex> lock(staged_mutex_);
  auto found = staged_.find(id);
  if (found == staged_.end()) return std::nullopt;
  StagedFile staged = std::move(found->second);
  staged_.erase(found);
  return staged;
}

bool RealFileSystem::Publish(size_t id, std::string* error) {
  std::optional<StagedFile> staged = TakeStaged(id);
  if (!staged) {
    *error = "nothing staged";
    return false;
  }
  if (staged->fd < 0) return RenameInto(staged->temporary, staged->path, error);
  bool placed = PlaceUnnamed(staged->fd, staged->path, id, error);
  ::close(staged->fd);
  return placed;
}

void RealFileSystem::Discard(size_t id) {
  std::optional<StagedFile> staged = TakeStaged(id);
  if (!staged) return;
  if (staged->fd >= 0) ::close(staged->fd);
  if (!staged->temporary.empty()) ::unlink(staged->temporary.c_str());
}

// A device or FIFO is written through, as a compiler or cp writes it: it has
// no folder entry of its own to replace, and a reader may be waiting on it.
bool RealFileSystem::WriteInPlace(const std::string& path,
                                  std::string_view bytes, std::string* error) {
  // No O_CREAT: this never makes a file; O_NOCTTY: a terminal written to
  // does not become agentgen's controlling terminal.
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *error = ErrnoText();
    return false;
  }
  // The caller saw a device or FIFO; should a regular file have taken its
  // place since, writing through it would break the all-or-nothing rule.
  struct stat status;
  if (::fstat(fd, &status) != 0 || S_ISREG(status.st_mode) ||
      S_ISDIR(status.st_mode)) {
    *error = "it is no longer a device or FIFO";
    ::close(fd);
    return false;
  }
  bool written = WriteAll(fd, bytes);
  if (!written) *error = ErrnoText();
  if (::close(fd) != 0 && written) {
    *error = ErrnoText();
    written = false;
  }
  return written;
}

// One mkdir(2) per missing folder rather than boost's create_directories,
// to know which folders this call made: a failed commit removes them.
bool RealFileSystem::CreateDirectories(const std::string& path,
                                       std::vector<std::string>* created,
                                       std::string* error) {
  std::vector<std::string> missing;
  struct stat status;
  std::string folder = path;
  while (::stat(folder.c_str(), &status) != 0) {
    if (errno != ENOENT) {
      *error = ErrnoText();
      return false;
    }
    missing.push_back(folder);
    folder = ParentOf(folder);
  }
  if (!S_ISDIR(status.st_mode)) {
    *error = std::strerror(ENOTDIR);
    return false;
  }
  for (auto next = missing.rbegin(); next != missing.rend(); ++next) {
    if (::mkdir(next->c_str(), 0777) == 0) {
      created->push_back(*next);
      continue;
    }
    int failure = errno;
    // Another render of the batch, or another process, made it meanwhile.
    if (failure == EEXIST && ::stat(next->c_str(), &status) == 0 &&
        S_ISDIR(status.st_mode)) {
      continue;
    }
    *error = std::strerror(failure);
    return false;
  }
  return true;
}

void RealFileSystem::RemoveEmptyDirectory(const std::string& path) {
  // rmdir(2) refuses a folder that is not empty, which is what is wanted:
  // what someone else put there stays.
  ::rmdir(path.c_str());
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

std::optional<std::vector<FileReader::DirectoryEntry>>
RealFileSystem::ListDirectory(const std::string& path, std::string* error) {
  DIR* folder = ::opendir(path.c_str());
  if (folder == nullptr) {
    *error = ErrnoText();
    return std::nullopt;
  }
  std::vector<DirectoryEntry> entries;
  while (const struct dirent* entry = ::readdir(folder)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string ignored;  // an entry gone since readdir reads as missing
    std::optional<EntryKind> kind = StatEntry(path + "/" + name, &ignored);
    entries.push_back({std::move(name), kind.value_or(EntryKind::kMissing)});
  }
  ::closedir(folder);
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) {
              return a.name < b.name;
            });
  return entries;
}

std::optional<uint32_t> RealFileSystem::Permissions(const std::string& path) {
  struct stat status;
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return static_cast<uint32_t>(status.st_mode & 07777);
}

bool RealFileSystem::SetStagedPermissions(size_t id, uint32_t permissions,
                                          std::string* error) {
  std::lock_guard<std::mutex> lock(staged_mutex_);
  auto found = staged_.find(id);
  if (found == staged_.end()) {
    *error = "nothing staged";
    return false;
  }
  const StagedFile& staged = found->second;
  int result = staged.fd >= 0
                   ? ::fchmod(staged.fd, permissions & 07777)
                   : ::chmod(staged.temporary.c_str(), permissions & 07777);
  if (result != 0) {
    *error = ErrnoText();
    return false;
  }
  return true;
}

bool RealFileSystem::RemoveFile(const std::string& path, std::string* error) {
  if (::unlink(path.c_str()) == 0) return true;
  *error = ErrnoText();
  return false;
}

namespace {

class FlockLock : public FileLock {
 public:
  explicit FlockLock(int fd) : fd_(fd) {}
  ~FlockLock() override { ::close(fd_); }  // closing releases the lock
  FlockLock(const FlockLock&) = delete;
  FlockLock& operator=(const FlockLock&) = delete;

 private:
  int fd_;
};

}  // namespace

std::unique_ptr<FileLock> RealFileSystem::LockFile(const std::string& path,
                                                   bool create,
                                                   int timeout_seconds,
                                                   std::string* error) {
  int flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0);
  int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0) {
    if (!create && errno == ENOENT) return nullptr;
    *error = ErrnoText();
    return nullptr;
  }
  // Polled rather than blocking, so that the wait has an end.
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      *error = ErrnoText();
      ::close(fd);
      return nullptr;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      *error = "another process has held it for " +
               std::to_string(timeout_seconds) + " seconds";
      ::close(fd);
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::make_unique<FlockLock>(fd);
}

}  // namespace agentgen
