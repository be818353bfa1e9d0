// SPDX-License-Identifier: MIT
#include "base/real_file_system.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace agentgen {
namespace {

class RealFileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/agentgen-fs-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes a file through Stage and Publish, as outputs are written.
  bool Write(const std::string& path, std::string_view bytes,
             std::string* error) {
    std::optional<size_t> staged = fs_.Stage(path, bytes, error);
    return staged && fs_.Publish(*staged, error);
  }

  std::vector<std::string> Entries(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  RealFileSystem fs_;
  std::string dir_;
};

TEST_F(RealFileSystemTest, WritesReadsAndStats) {
  std::string error;
  std::vector<std::string> created;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/a/b", &created, &error)) << error;
  ASSERT_TRUE(Write(dir_ + "/a/b/f", "bytes\n", &error)) << error;
  uint64_t size = 0;
  EXPECT_EQ(fs_.Stat(dir_ + "/a/b/f", &size), FileSystem::Kind::kFile);
  EXPECT_EQ(size, 6u);
  EXPECT_EQ(fs_.Stat(dir_ + "/a", nullptr), FileSystem::Kind::kDirectory);
  EXPECT_EQ(fs_.Stat(dir_ + "/a/b/t", nullptr), FileSystem::Kind::kMissing);
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/a/b/f", &bytes, &error));
  EXPECT_EQ(bytes, "bytes\n");
  EXPECT_FALSE(fs_.ReadFile(dir_ + "/nope", &bytes, &error));
  EXPECT_EQ(error, "No such file or directory");
}

// A staged file is nowhere to be seen until it is published, then replaces
// the old one whole; a discarded one leaves nothing behind.
TEST_F(RealFileSystemTest, StagedFilesAppearOnlyWhenPublished) {
  std::string error;
  ASSERT_TRUE(Write(dir_ + "/out.md", "old\n", &error)) << error;
  std::optional<size_t> replacing =
      fs_.Stage(dir_ + "/out.md", "new\n", &error);
  std::optional<size_t> creating = fs_.Stage(dir_ + "/new.md", "n\n", &error);
  std::optional<size_t> dropped = fs_.Stage(dir_ + "/gone.md", "g\n", &error);
  ASSERT_TRUE(replacing && creating && dropped) << error;
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"out.md"});
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/out.md", &bytes, &error));
  EXPECT_EQ(bytes, "old\n");

  ASSERT_TRUE(fs_.Publish(*replacing, &error)) << error;
  ASSERT_TRUE(fs_.Publish(*creating, &error)) << error;
  fs_.Discard(*dropped);
  EXPECT_EQ(Entries(dir_), (std::vector<std::string>{"new.md", "out.md"}));
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/out.md", &bytes, &error));
  EXPECT_EQ(bytes, "new\n");
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/new.md", &bytes, &error));
  EXPECT_EQ(bytes, "n\n");
  // An id is used up by Publish.
  EXPECT_FALSE(fs_.Publish(*replacing, &error));
}

// A file already under the temporary name (a killed run's, or a link
// planted there) is stepped past, never written through.
TEST_F(RealFileSystemTest, ATakenTemporaryNameIsNeverWrittenThrough) {
  std::string error;
  ASSERT_TRUE(Write(dir_ + "/victim", "victim\n", &error)) << error;
  ASSERT_TRUE(Write(dir_ + "/out.md", "old\n", &error)) << error;
  // The ids so far were 0 and 1; the next staging takes 2.
  std::string taken =
      ".out.md.agentgen-tmp-" + std::to_string(::getpid()) + "-2";
  ASSERT_EQ(::symlink("victim", (dir_ + "/" + taken).c_str()), 0);
  ASSERT_TRUE(Write(dir_ + "/out.md", "new\n", &error)) << error;
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/out.md", &bytes, &error));
  EXPECT_EQ(bytes, "new\n");
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/victim", &bytes, &error));
  EXPECT_EQ(bytes, "victim\n");
  EXPECT_EQ(Entries(dir_),
            (std::vector<std::string>{taken, "out.md", "victim"}));
}

TEST_F(RealFileSystemTest, StagingInAMissingFolderFails) {
  std::string error;
  EXPECT_FALSE(fs_.Stage(dir_ + "/missing/x.md", "x", &error));
  EXPECT_EQ(error, "No such file or directory");
}

// ReadFile sizes its string by fstat(2); what it returns must not depend on
// that size being right.
TEST_F(RealFileSystemTest, ReadsFilesOfAnySize) {
  std::string error;
  for (size_t size : {size_t{0}, size_t{1}, size_t{4096}, size_t{200000}}) {
    std::string written(size, 'x');
    for (size_t i = 0; i < size; i += 7) written[i] = static_cast<char>(i);
    ASSERT_TRUE(Write(dir_ + "/f", written, &error)) << error;
    std::string bytes = "stale";
    ASSERT_TRUE(fs_.ReadFile(dir_ + "/f", &bytes, &error)) << error;
    EXPECT_EQ(bytes, written) << size;
  }
  // A file whose stat size is 0 although it has bytes to read.
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile("/proc/self/status", &bytes, &error)) << error;
  EXPECT_NE(bytes.find("Pid:"), std::string::npos);
}

TEST_F(RealFileSystemTest, StatTellsFilesDirectoriesAndOthers) {
  ASSERT_EQ(::mkfifo((dir_ + "/fifo").c_str(), 0600), 0);
  EXPECT_EQ(fs_.Stat(dir_, nullptr), FileSystem::Kind::kDirectory);
  EXPECT_EQ(fs_.Stat(dir_ + "/fifo", nullptr), FileSystem::Kind::kOther);
  EXPECT_EQ(fs_.Stat(dir_ + "/missing/x", nullptr), FileSystem::Kind::kMissing);
}

// StatEntry tells every kind apart, and does not follow a link.
TEST_F(RealFileSystemTest, StatEntryTellsEveryKindWithoutFollowingLinks) {
  using EntryKind = FileSystem::EntryKind;
  std::string error;
  ASSERT_TRUE(Write(dir_ + "/file", "x", &error)) << error;
  ASSERT_EQ(::symlink("file", (dir_ + "/link").c_str()), 0);
  ASSERT_EQ(::symlink("nowhere", (dir_ + "/dangling").c_str()), 0);
  ASSERT_EQ(::mkfifo((dir_ + "/fifo").c_str(), 0600), 0);
  // A socket exists once bound.
  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string socket_path = dir_ + "/socket";
  ASSERT_LT(socket_path.size(), sizeof(address.sun_path));
  std::memcpy(address.sun_path, socket_path.c_str(), socket_path.size() + 1);
  ASSERT_EQ(
      ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ::close(sock);

  EXPECT_EQ(fs_.StatEntry(dir_ + "/file", &error), EntryKind::kFile);
  EXPECT_EQ(fs_.StatEntry(dir_, &error), EntryKind::kDirectory);
  EXPECT_EQ(fs_.StatEntry(dir_ + "/link", &error), EntryKind::kSymlink);
  EXPECT_EQ(fs_.StatEntry(dir_ + "/dangling", &error), EntryKind::kSymlink);
  EXPECT_EQ(fs_.StatEntry(dir_ + "/fifo", &error), EntryKind::kFifo);
  EXPECT_EQ(fs_.StatEntry(socket_path, &error), EntryKind::kSocket);
  EXPECT_EQ(fs_.StatEntry(dir_ + "/missing", &error), EntryKind::kMissing);
  // A file where a folder should be is not "missing": nothing can be made.
  EXPECT_FALSE(fs_.StatEntry(dir_ + "/file/x", &error));
  EXPECT_EQ(error, "Not a directory");
}

// StatTarget follows every link to what the kernel finds at the end.
TEST_F(RealFileSystemTest, StatTargetFollowsLinks) {
  using EntryKind = FileSystem::EntryKind;
  std::string error;
  ASSERT_EQ(::mkfifo((dir_ + "/fifo").c_str(), 0600), 0);
  ASSERT_EQ(::symlink("fifo", (dir_ + "/to-fifo").c_str()), 0);
  ASSERT_EQ(::symlink("to-fifo", (dir_ + "/to-link").c_str()), 0);
  ASSERT_EQ(::symlink("nowhere", (dir_ + "/dangling").c_str()), 0);
  ASSERT_EQ(::symlink("loop", (dir_ + "/loop").c_str()), 0);
  EXPECT_EQ(fs_.StatTarget(dir_ + "/to-link", &error), EntryKind::kFifo);
  EXPECT_EQ(fs_.StatTarget(dir_, &error), EntryKind::kDirectory);
  EXPECT_EQ(fs_.StatTarget(dir_ + "/dangling", &error), EntryKind::kMissing);
  EXPECT_FALSE(fs_.StatTarget(dir_ + "/loop", &error));
  EXPECT_EQ(error, "Too many levels of symbolic links");
}

TEST_F(RealFileSystemTest, ReadLinkGivesTheTargetAsStored) {
  std::string error;
  ASSERT_EQ(::symlink("../a/b.md", (dir_ + "/relative").c_str()), 0);
  // Longer than ReadLink's first buffer.
  std::string long_target = "/" + std::string(300, 'x') + "/y.md";
  ASSERT_EQ(::symlink(long_target.c_str(), (dir_ + "/long").c_str()), 0);
  EXPECT_EQ(fs_.ReadLink(dir_ + "/relative", &error), "../a/b.md");
  EXPECT_EQ(fs_.ReadLink(dir_ + "/long", &error), long_target);
  ASSERT_TRUE(Write(dir_ + "/file", "x", &error));
  EXPECT_FALSE(fs_.ReadLink(dir_ + "/file", &error));
  EXPECT_EQ(error, "Invalid argument");
}

// A FIFO is written through: its reader gets the bytes, and nothing is
// created beside it.
TEST_F(RealFileSystemTest, WriteInPlaceWritesThroughAFifo) {
  std::string fifo = dir_ + "/fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string bytes(200000, 'f');  // more than a pipe holds at once
  std::string received;
  std::thread reader([&] {
    int fd = ::open(fifo.c_str(), O_RDONLY);
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<size_t>(n));
    ::close(fd);
  });
  std::string error;
  bool written = fs_.WriteInPlace(fifo, bytes, &error);
  reader.join();
  ASSERT_TRUE(written) << error;
  EXPECT_EQ(received, bytes);
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"fifo"});
}

// Write in place never makes a file, nor writes over a regular one.
TEST_F(RealFileSystemTest, WriteInPlaceRefusesFilesAndMissingPaths) {
  std::string error;
  EXPECT_FALSE(fs_.WriteInPlace(dir_ + "/missing", "x", &error));
  EXPECT_EQ(error, "No such file or directory");
  ASSERT_TRUE(Write(dir_ + "/file", "old", &error));
  EXPECT_FALSE(fs_.WriteInPlace(dir_ + "/file", "new", &error));
  EXPECT_EQ(error, "it is no longer a device or FIFO");
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/file", &bytes, &error));
  EXPECT_EQ(bytes, "old");
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"file"});
}

// A character device made here (the null device's numbers), never the
// system's /dev/null. mknod(2) needs root.
TEST_F(RealFileSystemTest, WriteInPlaceWritesToADevice) {
  std::string device = dir_ + "/null";
  struct statvfs mount;
  if (::statvfs(dir_.c_str(), &mount) == 0 && (mount.f_flag & ST_NODEV))
    GTEST_SKIP() << dir_ << " is on a file system mounted nodev";
  if (::mknod(device.c_str(), S_IFCHR | 0600, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root: " << std::strerror(errno);
  std::string error;
  EXPECT_EQ(fs_.StatEntry(device, &error), FileSystem::EntryKind::kDevice);
  EXPECT_TRUE(fs_.WriteInPlace(device, "bytes", &error)) << error;
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"null"});
}

TEST_F(RealFileSystemTest, CreateDirectoriesSaysWhichFoldersItMade) {
  std::string error;
  std::vector<std::string> created;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/a", &created, &error)) << error;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/a/b/c", &created, &error))
      << error;
  EXPECT_EQ(created, (std::vector<std::string>{dir_ + "/a", dir_ + "/a/b",
                                               dir_ + "/a/b/c"}));
  created.clear();
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/a/b", &created, &error));
  EXPECT_TRUE(created.empty());
  // Through a file: nothing can be made, and nothing is claimed.
  ASSERT_TRUE(Write(dir_ + "/a/f", "x", &error));
  EXPECT_FALSE(fs_.CreateDirectories(dir_ + "/a/f/g/h", &created, &error));
  EXPECT_EQ(error, "Not a directory");
  EXPECT_TRUE(created.empty());
}

TEST_F(RealFileSystemTest, RemoveEmptyDirectoryKeepsFoldersWithEntries) {
  std::string error;
  std::vector<std::string> created;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/full", &created, &error));
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/empty", &created, &error));
  ASSERT_TRUE(Write(dir_ + "/full/f", "x", &error));
  fs_.RemoveEmptyDirectory(dir_ + "/full");
  fs_.RemoveEmptyDirectory(dir_ + "/empty");
  EXPECT_EQ(Entries(dir_), std::vector<std::string>{"full"});
}

// A folder removed between staging and publishing: a located failure, and
// no temporary file anywhere.
TEST_F(RealFileSystemTest, PublishingIntoAVanishedFolderFailsCleanly) {
  std::string error;
  std::vector<std::string> created;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/sub", &created, &error));
  std::optional<size_t> staged = fs_.Stage(dir_ + "/sub/x.md", "x", &error);
  ASSERT_TRUE(staged) << error;
  std::filesystem::remove_all(dir_ + "/sub");
  EXPECT_FALSE(fs_.Publish(*staged, &error));
  EXPECT_EQ(error, "No such file or directory");
  EXPECT_TRUE(Entries(dir_).empty());
}

TEST_F(RealFileSystemTest, RealPathFollowsSymlinks) {
  std::string error;
  ASSERT_TRUE(Write(dir_ + "/target", "x", &error));
  ASSERT_EQ(::symlink((dir_ + "/target").c_str(), (dir_ + "/link").c_str()), 0);
  std::optional<std::string> real = fs_.RealPath(dir_ + "/link");
  ASSERT_TRUE(real);
  EXPECT_EQ(*real, std::filesystem::canonical(dir_ + "/target").string());
  EXPECT_FALSE(fs_.RealPath(dir_ + "/missing"));
}

// RealPath keeps the real paths of folders and looks at the last component
// alone; each way a path can hold a link must still resolve as realpath(3)
// resolves it.
TEST_F(RealFileSystemTest, RealPathResolvesLinksAnywhereInThePath) {
  std::string error;
  std::string real_dir = std::filesystem::canonical(dir_).string();
  std::vector<std::string> created;
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/real/sub", &created, &error))
      << error;
  ASSERT_TRUE(Write(dir_ + "/real/sub/f.md", "x", &error));
  ASSERT_TRUE(Write(dir_ + "/real/sub/g.md", "x", &error));
  ASSERT_EQ(::symlink("real", (dir_ + "/folder-link").c_str()), 0);
  ASSERT_EQ(::symlink("../sub/g.md", (dir_ + "/real/sub/link.md").c_str()), 0);
  ASSERT_EQ(::symlink("nowhere", (dir_ + "/real/sub/dangling.md").c_str()), 0);
  const std::string g = real_dir + "/real/sub/g.md";
  // The same folder asked for twice: the second answer comes from the kept
  // folder, and must be the same.
  for (int pass = 0; pass < 2; ++pass) {
    EXPECT_EQ(fs_.RealPath(dir_ + "/folder-link/sub/f.md"),
              real_dir + "/real/sub/f.md");
    EXPECT_EQ(fs_.RealPath(dir_ + "/folder-link/sub/link.md"), g);
    EXPECT_EQ(fs_.RealPath(dir_ + "/real/sub/link.md"), g);
    EXPECT_EQ(fs_.RealPath(dir_ + "/real/sub/.."), real_dir + "/real");
    EXPECT_EQ(fs_.RealPath(dir_ + "/real/sub/."), real_dir + "/real/sub");
    EXPECT_FALSE(fs_.RealPath(dir_ + "/real/sub/missing.md"));
    EXPECT_FALSE(fs_.RealPath(dir_ + "/real/sub/dangling.md"));
    EXPECT_FALSE(fs_.RealPath(dir_ + "/real/sub/f.md/x"));
    EXPECT_FALSE(fs_.RealPath(dir_ + "/missing/f.md"));
  }
  EXPECT_EQ(fs_.RealPath("/"), "/");
  EXPECT_EQ(fs_.RealPath("/tmp"), std::filesystem::canonical("/tmp").string());
}

TEST_F(RealFileSystemTest, AppendLineAddsOneLineEachCall) {
  std::string error;
  ASSERT_TRUE(fs_.AppendLine(dir_ + "/trace", "a.md", &error));
  ASSERT_TRUE(fs_.AppendLine(dir_ + "/trace", "b.md", &error));
  std::string bytes;
  ASSERT_TRUE(fs_.ReadFile(dir_ + "/trace", &bytes, &error));
  EXPECT_EQ(bytes, "a.md\nb.md\n");
}

}  // namespace
}  // namespace agentgen
