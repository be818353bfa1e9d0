// SPDX-License-Identifier: MIT
#include "real_file_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
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
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/a/b", &error)) << error;
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
  EXPECT_EQ(fs_.Stat(dir_, nullptr), FileSystem::Kind::kDirectory);
  EXPECT_EQ(fs_.Stat("/dev/null", nullptr), FileSystem::Kind::kOther);
  EXPECT_EQ(fs_.Stat(dir_ + "/missing/x", nullptr), FileSystem::Kind::kMissing);
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
  ASSERT_TRUE(fs_.CreateDirectories(dir_ + "/real/sub", &error)) << error;
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
