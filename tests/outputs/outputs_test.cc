// SPDX-License-Identifier: MIT
#include "outputs/outputs.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"

namespace agentgen {
namespace {

using EntryKind = FileSystem::EntryKind;

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

// A chain of links is followed to its end, and that file is replaced: the
// links stay links, and the file is staged in the target's own folder.
TEST(OutputsTest, ASymlinkChainIsFollowedAndTheLinksStay) {
  MemoryFileSystem fs("/w");
  fs.Add("t/real.md", "old");
  fs.AddSymlink("out/first.md", "second.md");
  fs.AddSymlink("out/second.md", "../t/real.md");
  std::string error;
  ASSERT_TRUE(CommitOutputs(fs, {{"/w/out/first.md", "new", false}}, &error))
      << error;
  EXPECT_EQ(fs.Contents("t/real.md"), "new");
  EXPECT_EQ(fs.LinkTarget("out/first.md"), "second.md");
  EXPECT_EQ(fs.LinkTarget("out/second.md"), "../t/real.md");
  EXPECT_EQ(fs.files_written(), std::vector<std::string>{"/w/t/real.md"});
}

// `..` in a relative target starts from the folder the link really is in,
// as the kernel reads it, not from the path that led there.
TEST(OutputsTest, ARelativeTargetIsReadFromTheLinksRealFolder) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("deep/er");
  fs.AddSymlink("out", "deep/er");
  fs.AddSymlink("deep/er/link.md", "../x.md");
  std::optional<OutputTarget> target;
  std::string error;
  target = ResolveOutput(fs, "/w/out/link.md", &error);
  ASSERT_TRUE(target) << error;
  EXPECT_EQ(target->path, "/w/deep/x.md");
  EXPECT_EQ(target->kind, EntryKind::kMissing);
}

TEST(OutputsTest, ADanglingLinkWhoseFolderExistsCreatesItsTarget) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("t");
  fs.AddSymlink("link.md", "t/new.md");
  std::string error;
  ASSERT_TRUE(CommitOutputs(fs, {{"/w/link.md", "N", false}}, &error)) << error;
  EXPECT_EQ(fs.Contents("t/new.md"), "N");
  EXPECT_EQ(fs.LinkTarget("link.md"), "t/new.md");
}

// Nothing is written when any output cannot be: every output is looked at
// before the first is staged.
TEST(OutputsTest, ADanglingLinkIntoAMissingFolderIsAnErrorNamingTheLink) {
  MemoryFileSystem fs("/w");
  fs.Add("out/a.md", "old");
  fs.AddSymlink("out/a.d", "../nowhere/a.d");
  std::string error;
  EXPECT_FALSE(CommitOutputs(
      fs, {{"/w/out/a.md", "new", false}, {"/w/out/a.d", "dep", false}},
      &error));
  EXPECT_EQ(error,
            "cannot write '/w/out/a.d': it is a symlink to '/w/nowhere/a.d', "
            "whose folder does not exist");
  EXPECT_EQ(fs.Contents("out/a.md"), "old");
  EXPECT_FALSE(fs.HasDirectory("nowhere"));
  EXPECT_TRUE(fs.files_written().empty());
}

TEST(OutputsTest, ALinkLoopIsAnErrorNamingTheLink) {
  MemoryFileSystem fs("/w");
  fs.AddSymlink("a.md", "b.md");
  fs.AddSymlink("b.md", "a.md");
  fs.AddSymlink("self.md", "./self.md");
  std::string error;
  EXPECT_FALSE(CommitOutputs(fs, {{"/w/a.md", "x", false}}, &error));
  EXPECT_EQ(error,
            "cannot write '/w/a.md': its symlinks form a loop (more than 40 "
            "links)");
  EXPECT_FALSE(ResolveOutput(fs, "/w/self.md", &error));
  EXPECT_EQ(fs.LinkTarget("a.md"), "b.md");
  EXPECT_TRUE(fs.files_written().empty());
}

TEST(OutputsTest, AFolderIsAnErrorAndNothingIsWritten) {
  MemoryFileSystem fs("/w");
  fs.Add("out/a.md", "old");
  fs.AddDirectory("out/a.d");
  fs.AddSymlink("to-folder", "out");
  std::string error;
  EXPECT_FALSE(CommitOutputs(
      fs, {{"/w/out/a.md", "new", false}, {"/w/out/a.d", "dep", false}},
      &error));
  EXPECT_EQ(error, "cannot write '/w/out/a.d': it is a folder");
  EXPECT_EQ(fs.Contents("out/a.md"), "old");
  EXPECT_TRUE(fs.files_written().empty());
  EXPECT_FALSE(CommitOutputs(fs, {{"/w/to-folder", "x", false}}, &error));
  EXPECT_EQ(error,
            "cannot write '/w/to-folder' (a symlink to '/w/out'): it is a "
            "folder");
}

TEST(OutputsTest, ASocketIsAnError) {
  MemoryFileSystem fs("/w");
  fs.AddSpecial("s.sock", EntryKind::kSocket);
  std::string error;
  EXPECT_FALSE(CommitOutputs(fs, {{"/w/s.sock", "x", false}}, &error));
  EXPECT_EQ(error,
            "cannot write '/w/s.sock': it is a socket, which cannot be opened "
            "for writing");
  EXPECT_TRUE(fs.files_written().empty());
}

// Devices and FIFOs (through a link too) are written through in one go and
// stay what they were; nothing is staged beside them, and they are never
// read, not even to see whether they changed.
TEST(OutputsTest, DevicesAndFifosAreWrittenInPlaceAndNeverRead) {
  MemoryFileSystem fs("/w");
  fs.AddSpecial("dev/null", EntryKind::kDevice);
  fs.AddSpecial("pipe", EntryKind::kFifo);
  fs.AddSymlink("link", "dev/null");
  std::string error;
  ASSERT_TRUE(CommitOutputs(fs,
                            {{"/w/dev/null", "A", true},
                             {"/w/pipe", "B", true},
                             {"/w/link", "C", false}},
                            &error))
      << error;
  EXPECT_EQ(fs.WritesInPlace("dev/null"), (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(fs.WritesInPlace("pipe"), std::vector<std::string>{"B"});
  EXPECT_EQ(fs.KindOf("pipe"), EntryKind::kFifo);
  EXPECT_EQ(fs.KindOf("dev/null"), EntryKind::kDevice);
  EXPECT_EQ(fs.LinkTarget("link"), "dev/null");
  EXPECT_TRUE(fs.files_read().empty());
  EXPECT_EQ(fs.staged_count(), 0u);
}

// A device that cannot be written is found before anything is published.
TEST(OutputsTest, AFailedDeviceWriteLeavesTheRegularOutputsAsTheyWere) {
  MemoryFileSystem fs("/w");
  fs.Add("out/a.md", "old");
  fs.AddSpecial("full/device", EntryKind::kDevice);
  fs.FailWritesUnder("/w/full");
  std::string error;
  EXPECT_FALSE(CommitOutputs(
      fs, {{"/w/out/a.md", "new", false}, {"/w/full/device", "x", false}},
      &error));
  EXPECT_EQ(error, "cannot write '/w/full/device': No space left on device");
  EXPECT_EQ(fs.Contents("out/a.md"), "old");
  EXPECT_EQ(fs.staged_count(), 0u);
}

// Folders made for a commit that then failed are removed again; folders
// that were there before, or that hold something, stay.
TEST(OutputsTest, AFailedCommitRemovesTheFoldersItCreated) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("kept");
  fs.AddDirectory("disk");
  fs.FailWritesUnder("/w/disk");
  std::string error;
  EXPECT_FALSE(CommitOutputs(
      fs,
      {{"/w/kept/new/deeper/a.md", "A", false}, {"/w/disk/b.d", "B", false}},
      &error));
  EXPECT_EQ(error, "cannot write '/w/disk/b.d': No space left on device");
  EXPECT_TRUE(fs.HasDirectory("kept"));
  EXPECT_FALSE(fs.HasDirectory("kept/new"));
  EXPECT_EQ(fs.staged_count(), 0u);
}

// A publish that fails (a rename can) leaves no staged file; what was
// published before it stays published.
TEST(OutputsTest, AFailedPublishDiscardsTheRest) {
  MemoryFileSystem fs("/w");
  fs.Add("b.md", "old b");
  fs.Add("c.md", "old c");
  fs.FailPublishing("b.md");
  std::string error;
  EXPECT_FALSE(CommitOutputs(fs,
                             {{"/w/a.md", "A", false},
                              {"/w/b.md", "B", false},
                              {"/w/c.md", "C", false}},
                             &error));
  EXPECT_EQ(error, "cannot replace '/w/b.md': Device or resource busy");
  EXPECT_EQ(fs.Contents("a.md"), "A");
  EXPECT_EQ(fs.Contents("b.md"), "old b");
  EXPECT_EQ(fs.Contents("c.md"), "old c");
  EXPECT_EQ(fs.staged_count(), 0u);
}

TEST(OutputsTest, ResolveOutputReportsTheKindAtTheEndOfTheChain) {
  MemoryFileSystem fs("/w");
  fs.Add("f.md", "x");
  fs.AddSpecial("fifo", EntryKind::kFifo);
  fs.AddSymlink("to-fifo", "/w/fifo");
  std::string error;
  std::optional<OutputTarget> file = ResolveOutput(fs, "/w/f.md", &error);
  ASSERT_TRUE(file) << error;
  EXPECT_EQ(file->kind, EntryKind::kFile);
  EXPECT_FALSE(file->written_in_place());
  std::optional<OutputTarget> fifo = ResolveOutput(fs, "/w/to-fifo", &error);
  ASSERT_TRUE(fifo) << error;
  // Opened through the link, as open(2) follows it: a link such as
  // /dev/stdout may name a pipe that no path leads to.
  EXPECT_EQ(fifo->path, "/w/to-fifo");
  EXPECT_TRUE(fifo->written_in_place());
  std::optional<OutputTarget> missing =
      ResolveOutput(fs, "/w/new/dir/x.md", &error);
  ASSERT_TRUE(missing) << error;
  EXPECT_EQ(missing->kind, EntryKind::kMissing);
  fs.Add("file", "x");
  EXPECT_FALSE(ResolveOutput(fs, "/w/file/x.md", &error));
  EXPECT_EQ(error, "cannot write '/w/file/x.md': Not a directory");
}

// Inputs are compared by real path: a link to an input is that input.
TEST(OutputsTest, AnOutputLeadingToAnInputIsFound) {
  MemoryFileSystem fs("/w");
  fs.Add("src/a.md", "A");
  fs.Add("src/b.md", "B");
  fs.AddSymlink("out/link.md", "../src/a.md");
  fs.AddSymlink("src/alias.md", "a.md");
  RenderInputs inputs(fs, {"/w/src/alias.md"});
  EXPECT_TRUE(inputs.WouldBeOverwrittenBy("/w/out/link.md"));
  EXPECT_TRUE(inputs.WouldBeOverwrittenBy("/w/src/a.md"));
  EXPECT_TRUE(inputs.WouldBeOverwrittenBy("/w/src/alias.md"));
  EXPECT_FALSE(inputs.WouldBeOverwrittenBy("/w/src/b.md"));
  EXPECT_FALSE(inputs.WouldBeOverwrittenBy("/w/out/new.md"));
}

}  // namespace
}  // namespace agentgen
