// SPDX-License-Identifier: MIT
#include "outputs.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"

namespace agentgen {
namespace {

TEST(OutputsTest, CreatesFoldersAndWritesEveryFile) {
  MemoryFileSystem fs("/w");
  std::string error;
  ASSERT_TRUE(CommitOutputs(
      fs, {{"/w/a/b/x.md", "X", false}, {"/w/c/y.json", "Y", false}}, &error))
      << error;
  EXPECT_EQ(fs.Contents("a/b/x.md"), "X");
  EXPECT_EQ(fs.Contents("c/y.json"), "Y");
}

TEST(OutputsTest, NothingIsPublishedUnlessEveryWriteSucceeded) {
  MemoryFileSystem fs("/w");
  fs.Add("a/x.md", "old x");
  fs.Add("b/y.d", "old y");
  fs.FailWritesUnder("/w/b");
  std::string error;
  EXPECT_FALSE(CommitOutputs(
      fs, {{"/w/a/x.md", "new x", false}, {"/w/b/y.d", "new y", false}},
      &error));
  EXPECT_EQ(error.rfind("cannot write '/w/b/y.d': ", 0), 0u) << error;
  EXPECT_EQ(fs.Contents("a/x.md"), "old x");
  EXPECT_EQ(fs.Contents("b/y.d"), "old y");
  EXPECT_EQ(fs.staged_count(), 0u);
}

TEST(OutputsTest, WriteIfChangedSkipsEqualBytesOnly) {
  MemoryFileSystem fs("/w");
  fs.Add("same.md", "S");
  fs.Add("diff.md", "old");
  std::string error;
  ASSERT_TRUE(CommitOutputs(
      fs, {{"/w/same.md", "S", true}, {"/w/diff.md", "new", true}}, &error));
  EXPECT_EQ(fs.files_written().size(), 1u);
  EXPECT_EQ(fs.Contents("diff.md"), "new");
}

}  // namespace
}  // namespace agentgen
