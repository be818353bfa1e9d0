// SPDX-License-Identifier: MIT
#include "inputs/input_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "base/sha256.h"
#include "support/memory_file_system.h"

namespace agentgen {
namespace {

class InputReaderTest : public ::testing::Test {
 protected:
  InputToRead Input(InputRole role, const std::string& path,
                    const std::string& declared = "") {
    Location where;
    where.file = "a.md";
    where.line = 4;
    where.column = 13;
    bool declared_elsewhere =
        role == InputRole::kDependency || role == InputRole::kContentFile;
    return {role, "/w/" + path, path, declared,
            declared_elsewhere ? where : Location{}};
  }

  // The one diagnostic reported since the last call, as printed.
  std::string Reported() {
    std::string text;
    for (size_t i = seen_; i < sink_.diagnostics().size(); ++i)
      text += FormatDiagnostic(sink_.diagnostics()[i]);
    seen_ = sink_.diagnostics().size();
    return text.substr(0, text.find('\n'));
  }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
  size_t seen_ = 0;
  ReadArea root_{"/w/r", "r", true, std::nullopt};
};

// Each failure is worded in one place, by what asked for the file.
TEST_F(InputReaderTest, AMissingFileIsNamedAsItsDeclarationNamedIt) {
  uint64_t size = 0;
  EXPECT_FALSE(StatInput(fs_, Input(InputRole::kSource, "a.md"), sink_, &size));
  EXPECT_EQ(Reported(), "agentgen: error: cannot read 'a.md': no such file");
  EXPECT_FALSE(
      StatInput(fs_, Input(InputRole::kProjectFile, "p.toml"), sink_, &size));
  EXPECT_EQ(Reported(),
            "agentgen: error: cannot read project file 'p.toml': no such file");
  EXPECT_FALSE(StatInput(fs_, Input(InputRole::kDependency, "s/x.md", "x.md"),
                         sink_, &size));
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: dependency 'x.md' not found (no file "
            "'s/x.md')");
  EXPECT_FALSE(StatInput(fs_, Input(InputRole::kContentFile, "d/x.md", "x.md"),
                         sink_, &size));
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: content filter: file 'x.md' not found (no "
            "file 'd/x.md')");
}

TEST_F(InputReaderTest, AFolderIsNoFile) {
  fs_.AddDirectory("d");
  uint64_t size = 0;
  EXPECT_FALSE(StatInput(fs_, Input(InputRole::kSource, "d"), sink_, &size));
  EXPECT_EQ(Reported(), "agentgen: error: cannot read 'd': not a regular file");
  EXPECT_FALSE(
      StatInput(fs_, Input(InputRole::kDependency, "d", "./d"), sink_, &size));
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: dependency './d' is a folder, not a file");
  fs_.Add("f.md", "12345");
  EXPECT_TRUE(StatInput(fs_, Input(InputRole::kSource, "f.md"), sink_, &size));
  EXPECT_EQ(size, 5u);
}

TEST_F(InputReaderTest, ReadsStayInTheirAreaOnceLinksAreResolved) {
  fs_.Add("r/in.md", "x");
  fs_.Add("out.md", "x");
  fs_.AddSymlink("r/link.md", "../out.md");
  EXPECT_TRUE(
      ConfineInput(fs_, Input(InputRole::kSource, "r/in.md"), root_, sink_));
  EXPECT_FALSE(
      ConfineInput(fs_, Input(InputRole::kDependency, "r/link.md", "link.md"),
                   root_, sink_));
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: dependency 'link.md' lies outside the root 'r' "
            "(pass --allow-outside-root to allow it)");
  EXPECT_FALSE(
      ConfineInput(fs_, Input(InputRole::kContentFile, "r/link.md", "link.md"),
                   root_, sink_));
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: content filter: 'link.md' leaves the project "
            "directory through a symlink");
  ReadArea open = root_;
  open.confined = false;
  EXPECT_TRUE(ConfineInput(
      fs_, Input(InputRole::kDependency, "r/link.md", "link.md"), open, sink_));
}

TEST_F(InputReaderTest, EachRoleHasItsSizeLimit) {
  InputBytes read = ReadInput(fs_, Input(InputRole::kSource, "big.md"),
                              kMaxInputFileSize + 1, sink_);
  EXPECT_FALSE(read.ok);
  EXPECT_EQ(Reported(),
            "agentgen: error: 'big.md' is larger than 16 MiB, the limit on an "
            "input file");
  read = ReadInput(fs_, Input(InputRole::kContentFile, "c.txt", "c.txt"),
                   kMaxContentFileSize + 1, sink_);
  EXPECT_FALSE(read.ok);
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: content filter: 'c.txt' is too large (1048577 "
            "bytes; the limit is 1048576)");
}

TEST_F(InputReaderTest, RefusedBytesAreStillHashed) {
  fs_.Add("bad.md", std::string("a\0b", 3));
  fs_.Add("good.md", "text\n");
  InputBytes bad =
      ReadInput(fs_, Input(InputRole::kSource, "bad.md"), 3, sink_);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.sha256, Sha256Hex(std::string("a\0b", 3)));
  EXPECT_NE(Reported().find("bad.md:1:2: error:"), std::string::npos);
  InputBytes good =
      ReadInput(fs_, Input(InputRole::kSource, "good.md"), 5, sink_);
  EXPECT_TRUE(good.ok);
  EXPECT_EQ(good.bytes, "text\n");
  EXPECT_EQ(good.sha256, Sha256Hex("text\n"));
}

TEST_F(InputReaderTest, AReadThatFailsSaysWhy) {
  fs_.Add("s.md", "x");
  fs_.MakeUnreadable("s.md");
  InputBytes read =
      ReadInput(fs_, Input(InputRole::kDependency, "s.md", "s.md"), 1, sink_);
  EXPECT_FALSE(read.ok);
  EXPECT_TRUE(read.sha256.empty());
  EXPECT_EQ(Reported(),
            "a.md:4:13: error: cannot read 's.md': Permission denied");
}

// OpenInput checks in order: what the path is, then where it lies.
TEST_F(InputReaderTest, OpenInputChecksInOrder) {
  EXPECT_FALSE(OpenInput(fs_, Input(InputRole::kContentFile, "r/none.md", "n"),
                         root_, sink_)
                   .ok);
  EXPECT_NE(Reported().find("not found"), std::string::npos);
  fs_.Add("r/doc.md", "doc");
  InputBytes read = OpenInput(
      fs_, Input(InputRole::kContentFile, "r/doc.md", "doc.md"), root_, sink_);
  EXPECT_TRUE(read.ok);
  EXPECT_EQ(read.bytes, "doc");
  EXPECT_EQ(Reported(), "");
}

}  // namespace
}  // namespace agentgen
