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

// realpath(3) rather than boost::filesystem::canonical, which makes about
// twice the system calls (a getcwd and a stat per path component).
std::optional<std::string> RealFileSystem::RealPath(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> real(
      ::realpath(path.c_str(), nullptr), &std::free);
  if (!real) return std::nullopt;
  return std::string(real.get());
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
