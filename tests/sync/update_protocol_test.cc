// SPDX-License-Identifier: MIT
#include "sync/update_protocol.h"

#include <gtest/gtest.h>

#include "base/sha256.h"
#include "support/memory_file_system.h"

namespace agentgen {
namespace {

using EntryKind = FileSystem::EntryKind;
using Recorded = std::map<std::string, std::string>;

std::string Digest(const std::string& bytes) {
  return "sha256:" + Sha256Hex(bytes);
}

std::string Printed(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    out += FormatDiagnostic(diagnostic);
  return out;
}

// One path's row of the protocol, run in memory with the destination /w/d
// and the working directory /w.
class ProtocolTest : public testing::Test {
 protected:
  FileDecision Decide(const std::vector<PlannedFile>& planned,
                      const Recorded& recorded, bool force = false,
                      bool check = false, const Recorded& agpm = {}) {
    return DecideFiles(fs_, "/w/d", planned, recorded, agpm, force, check,
                       sink_);
  }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
};

const PlannedFile kAgent{"a/x.md", "new\n", std::nullopt, "agents/x.md"};

TEST_F(ProtocolTest, AMissingOutputIsWritten) {
  FileDecision decision = Decide({kAgent}, {});
  EXPECT_EQ(Printed(sink_), "");
  ASSERT_EQ(decision.writes.size(), 1u);
  EXPECT_EQ(decision.writes[0].path, "/w/d/a/x.md");
  EXPECT_EQ(decision.writes[0].bytes, "new\n");
  EXPECT_EQ(decision.writes[0].trace, "agents/x.md");
  EXPECT_EQ(decision.recorded, (Recorded{{"a/x.md", Digest("new\n")}}));
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "missing");
  EXPECT_EQ(decision.findings[0].current, std::nullopt);
  EXPECT_EQ(decision.findings[0].wanted, "new\n");
}

TEST_F(ProtocolTest, AnEqualFileIsAdoptedAndNotWritten) {
  fs_.Add("d/a/x.md", "new\n");
  FileDecision decision = Decide({kAgent}, {});
  EXPECT_EQ(Printed(sink_), "");
  EXPECT_TRUE(decision.writes.empty());
  EXPECT_TRUE(decision.findings.empty());
  EXPECT_EQ(decision.recorded, (Recorded{{"a/x.md", Digest("new\n")}}));
}

TEST_F(ProtocolTest, ARecordedUnchangedFileIsStaleAndRewritten) {
  fs_.Add("d/a/x.md", "old\n");
  FileDecision decision = Decide({kAgent}, {{"a/x.md", Digest("old\n")}});
  EXPECT_EQ(Printed(sink_), "");
  ASSERT_EQ(decision.writes.size(), 1u);
  EXPECT_EQ(decision.recorded, (Recorded{{"a/x.md", Digest("new\n")}}));
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "stale");
  EXPECT_EQ(decision.findings[0].current, "old\n");
  EXPECT_EQ(decision.findings[0].wanted, "new\n");
}

TEST_F(ProtocolTest, AHandEditIsRefused) {
  fs_.Add("d/a/x.md", "edited\n");
  FileDecision decision = Decide({kAgent}, {{"a/x.md", Digest("old\n")}});
  EXPECT_EQ(Printed(sink_),
            "d/a/x.md: error: edited by hand since sync wrote it; move the "
            "change into its source, or run sync with --force to overwrite "
            "it\n");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "sync.hand-edited");
  EXPECT_TRUE(decision.writes.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "hand-edited");
}

TEST_F(ProtocolTest, ForceOverwritesAHandEdit) {
  fs_.Add("d/a/x.md", "edited\n");
  FileDecision decision =
      Decide({kAgent}, {{"a/x.md", Digest("old\n")}}, /*force=*/true);
  EXPECT_EQ(Printed(sink_), "");
  ASSERT_EQ(decision.writes.size(), 1u);
  EXPECT_EQ(decision.recorded, (Recorded{{"a/x.md", Digest("new\n")}}));
  EXPECT_EQ(decision.findings[0].kind, "hand-edited");
}

TEST_F(ProtocolTest, CheckReportsAHandEditWithoutAnError) {
  fs_.Add("d/a/x.md", "edited\n");
  FileDecision decision = Decide({kAgent}, {{"a/x.md", Digest("old\n")}},
                                 /*force=*/false, /*check=*/true);
  EXPECT_FALSE(sink_.has_errors());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "hand-edited");
  EXPECT_EQ(decision.findings[0].current, "edited\n");
  EXPECT_EQ(decision.findings[0].wanted, "new\n");
}

TEST_F(ProtocolTest, AFileSyncDidNotWriteIsRefused) {
  fs_.Add("d/a/x.md", "mine\n");
  FileDecision decision = Decide({kAgent}, {});
  EXPECT_EQ(Printed(sink_),
            "d/a/x.md: error: not written by sync, and not what sync would "
            "write there; move or delete it, or run sync with --force to "
            "overwrite it\n");
  EXPECT_TRUE(decision.writes.empty());
  EXPECT_TRUE(decision.recorded.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "not written by sync");
}

TEST_F(ProtocolTest, ForceOverwritesAFileSyncDidNotWrite) {
  fs_.Add("d/a/x.md", "mine\n");
  FileDecision decision = Decide({kAgent}, {}, /*force=*/true);
  EXPECT_EQ(Printed(sink_), "");
  EXPECT_EQ(decision.writes.size(), 1u);
  EXPECT_EQ(decision.recorded, (Recorded{{"a/x.md", Digest("new\n")}}));
}

TEST_F(ProtocolTest, CheckReportsAFileSyncDidNotWriteWithoutAnError) {
  fs_.Add("d/a/x.md", "mine\n");
  FileDecision decision = Decide({kAgent}, {}, false, /*check=*/true);
  EXPECT_FALSE(sink_.has_errors());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "not written by sync");
}

TEST_F(ProtocolTest, ARecordedFileThatIsGoneIsForgotten) {
  fs_.AddDirectory("d");
  FileDecision decision = Decide({}, {{"a/gone.md", Digest("x")}});
  EXPECT_EQ(Printed(sink_), "");
  EXPECT_TRUE(decision.writes.empty());
  EXPECT_TRUE(decision.deletes.empty());
  EXPECT_TRUE(decision.recorded.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "orphan (state)");
  EXPECT_EQ(decision.findings[0].current, std::nullopt);
  EXPECT_EQ(decision.findings[0].wanted, std::nullopt);
}

TEST_F(ProtocolTest, AnUnchangedOrphanIsDeleted) {
  fs_.Add("d/a/old.md", "x");
  FileDecision decision = Decide({}, {{"a/old.md", Digest("x")}});
  EXPECT_EQ(Printed(sink_), "");
  EXPECT_EQ(decision.deletes, std::vector<std::string>{"/w/d/a/old.md"});
  EXPECT_TRUE(decision.recorded.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "orphan");
  EXPECT_EQ(decision.findings[0].current, "x");
  EXPECT_EQ(decision.findings[0].wanted, std::nullopt);
}

TEST_F(ProtocolTest, AHandEditedOrphanIsRefused) {
  fs_.Add("d/a/old.md", "edited");
  FileDecision decision = Decide({}, {{"a/old.md", Digest("x")}});
  EXPECT_EQ(Printed(sink_),
            "d/a/old.md: error: edited by hand since sync wrote it, and no "
            "longer written by sync; delete it, or run sync with --force to "
            "keep it as yours\n");
  EXPECT_TRUE(decision.deletes.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "hand-edited orphan");
  // --check shows no diff for it: sync would leave it as it is.
  EXPECT_EQ(decision.findings[0].current, decision.findings[0].wanted);
}

TEST_F(ProtocolTest, ForceKeepsAHandEditedOrphanAndForgetsIt) {
  fs_.Add("d/a/old.md", "edited");
  FileDecision decision =
      Decide({}, {{"a/old.md", Digest("x")}}, /*force=*/true);
  EXPECT_EQ(Printed(sink_),
            "d/a/old.md: warning: edited by hand since sync wrote it, and no "
            "longer written by sync: kept, and no longer recorded as sync's\n");
  EXPECT_FALSE(sink_.has_errors());
  EXPECT_TRUE(decision.deletes.empty());
  EXPECT_TRUE(decision.recorded.empty());
  EXPECT_EQ(fs_.Contents("d/a/old.md"), "edited");
}

TEST_F(ProtocolTest, CheckReportsAHandEditedOrphanWithoutAnError) {
  fs_.Add("d/a/old.md", "edited");
  FileDecision decision =
      Decide({}, {{"a/old.md", Digest("x")}}, false, /*check=*/true);
  EXPECT_FALSE(sink_.has_errors());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "hand-edited orphan");
}

TEST_F(ProtocolTest, AFileNeitherOutputNorRecordedIsNeverTouched) {
  fs_.Add("d/a/mine.md", "mine");
  FileDecision decision = Decide({}, {}, /*force=*/true);
  EXPECT_EQ(Printed(sink_), "");
  EXPECT_TRUE(decision.writes.empty());
  EXPECT_TRUE(decision.deletes.empty());
  EXPECT_TRUE(decision.findings.empty());
  EXPECT_TRUE(fs_.files_read().empty());
}

// A recorded path replaced by a folder or a link is a hand edit: sync
// never deletes either.
TEST_F(ProtocolTest, AnOrphanReplacedByALinkIsAHandEditedOrphan) {
  fs_.Add("d/t.md", "x");
  fs_.AddSymlink("d/a/old.md", "../t.md");
  FileDecision decision = Decide({}, {{"a/old.md", Digest("x")}});
  EXPECT_TRUE(sink_.has_errors());
  EXPECT_TRUE(decision.deletes.empty());
  ASSERT_EQ(decision.findings.size(), 1u);
  EXPECT_EQ(decision.findings[0].kind, "hand-edited orphan");
}

TEST_F(ProtocolTest, AnOutputThatIsNotARegularFileIsAnError) {
  fs_.AddDirectory("d/a/x.md");
  fs_.Add("d/t.md", "new\n");
  fs_.AddSymlink("d/a/link.md", "../t.md");
  fs_.AddSpecial("d/a/fifo.md", EntryKind::kFifo);
  FileDecision decision = Decide({kAgent,
                                  {"a/link.md", "new\n", std::nullopt, "l"},
                                  {"a/fifo.md", "new\n", std::nullopt, "f"}},
                                 {}, /*force=*/true);
  const char* advice =
      ", not a regular file: sync writes only regular files, never through "
      "a link; remove it, or give the entry another filename or target\n";
  EXPECT_EQ(Printed(sink_), std::string("d/a/fifo.md: error: is a FIFO") +
                                advice + "d/a/link.md: error: is a symlink" +
                                advice + "d/a/x.md: error: is a folder" +
                                advice);
  EXPECT_TRUE(decision.writes.empty());
}

// A file where a folder of the output's path should be: nothing can be
// written there, and sync says so rather than guess.
TEST_F(ProtocolTest, AFileInTheWayOfAnOutputsFolderIsAnError) {
  fs_.Add("d/a", "a file");
  FileDecision decision = Decide({kAgent}, {}, /*force=*/true);
  EXPECT_EQ(Printed(sink_),
            "d/a/x.md: error: cannot tell what is there: Not a directory\n");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "sync.unreadable");
  EXPECT_TRUE(decision.writes.empty());
}

TEST_F(ProtocolTest, AnUnreadableOutputIsAnError) {
  fs_.Add("d/a/x.md", "old\n");
  fs_.MakeUnreadable("d/a/x.md");
  FileDecision decision = Decide({kAgent}, {{"a/x.md", Digest("old\n")}});
  EXPECT_EQ(Printed(sink_),
            "d/a/x.md: error: cannot read it: Permission denied\n");
  EXPECT_TRUE(decision.writes.empty());
}

TEST_F(ProtocolTest, APathAgpmInstallsIsAnErrorEvenWithForce) {
  Recorded agpm{{"a/x.md", "agpm.lock: [[agents]] name = \"x\""}};
  FileDecision decision = Decide({kAgent}, {}, /*force=*/true, false, agpm);
  EXPECT_EQ(Printed(sink_),
            "d/a/x.md: error: installed by AGPM (agpm.lock: [[agents]] name = "
            "\"x\"): sync never writes a file AGPM installs; drop one of the "
            "two entries, or give sync's another filename or target\n");
  EXPECT_EQ(sink_.diagnostics()[0].rule, "sync.agpm-owned");
  EXPECT_TRUE(decision.writes.empty());
}

TEST_F(ProtocolTest, AFileBelowASkillAgpmInstallsIsAgpms) {
  Recorded agpm{{"s/pdf", "agpm.lock: [[skills]] name = \"pdf\""}};
  Decide({{"s/pdf/SKILL.md", "x", std::nullopt, ""}}, {}, false, false, agpm);
  EXPECT_TRUE(sink_.has_errors());
}

TEST_F(ProtocolTest, ARecordedPathAgpmInstallsIsNeitherDeletedNorKept) {
  fs_.Add("d/a/x.md", "x");
  Recorded agpm{{"a/x.md", "agpm.lock: [[agents]] name = \"x\""}};
  FileDecision decision =
      Decide({}, {{"a/x.md", Digest("x")}}, false, false, agpm);
  EXPECT_FALSE(sink_.has_errors());
  EXPECT_TRUE(decision.deletes.empty());
  EXPECT_TRUE(decision.recorded.empty());
  EXPECT_TRUE(decision.findings.empty());
}

TEST_F(ProtocolTest, PathsAreDecidedInPathOrder) {
  fs_.Add("d/b.md", "b");
  FileDecision decision =
      Decide({{"c.md", "c", std::nullopt, ""}, {"a.md", "a", std::nullopt, ""}},
             {{"b.md", Digest("b")}});
  ASSERT_EQ(decision.findings.size(), 3u);
  EXPECT_EQ(decision.findings[0].path, "a.md");
  EXPECT_EQ(decision.findings[1].path, "b.md");
  EXPECT_EQ(decision.findings[2].path, "c.md");
  ASSERT_EQ(decision.writes.size(), 2u);
  EXPECT_EQ(decision.writes[0].path, "/w/d/a.md");
  EXPECT_EQ(decision.writes[1].path, "/w/d/c.md");
}

// A destination outside the working directory is named absolutely.
TEST_F(ProtocolTest, MessagesNameFilesOutsideTheWorkingDirectoryAbsolutely) {
  fs_.Add("/elsewhere/a/x.md", "mine\n");
  DecideFiles(fs_, "/elsewhere", {kAgent}, {}, {}, false, false, sink_);
  EXPECT_EQ(Printed(sink_).rfind("/elsewhere/a/x.md: error: not written", 0),
            0u);
}

TEST(CommitSyncTest, WritesInOrderCreatingFoldersAndKeepingPermissions) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("d");
  std::string error;
  ASSERT_TRUE(
      CommitSync(fs, "/w/d",
                 {{"/w/d/s/run.sh", "#!/bin/sh\n", 0755u, "run.sh"},
                  {"/w/d/a/b/x.md", "x", std::nullopt, "x.md"},
                  {"/w/d/.agentgen-sync.json", "{}\n", std::nullopt, ""}},
                 {}, "trace.txt", &error))
      << error;
  EXPECT_EQ(fs.files_written(),
            (std::vector<std::string>{"/w/d/s/run.sh", "/w/d/a/b/x.md",
                                      "/w/d/.agentgen-sync.json"}));
  EXPECT_EQ(fs.Contents("d/a/b/x.md"), "x");
  EXPECT_EQ(fs.Permissions("/w/d/s/run.sh"), 0755u);
  EXPECT_EQ(fs.Permissions("/w/d/a/b/x.md"), 0644u);
  // One trace line per write with a trace: none for the state file.
  EXPECT_EQ(fs.Contents("trace.txt"), "run.sh\nx.md\n");
}

TEST(CommitSyncTest, NoTraceWithoutATracePath) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("d");
  std::string error;
  ASSERT_TRUE(CommitSync(fs, "/w/d", {{"/w/d/x.md", "x", std::nullopt, "x"}},
                         {}, "", &error));
  EXPECT_EQ(fs.FilesUnder("/w"), std::vector<std::string>{"/w/d/x.md"});
}

TEST(CommitSyncTest, DeletesAndRemovesTheFoldersLeftEmptyBelowTheDestination) {
  MemoryFileSystem fs("/w");
  fs.Add("d/a/b/old.md", "o");
  fs.Add("d/a/keep.md", "k");
  fs.Add("d/c/d/old.md", "o");
  std::string error;
  ASSERT_TRUE(CommitSync(fs, "/w/d", {}, {"/w/d/a/b/old.md", "/w/d/c/d/old.md"},
                         "", &error))
      << error;
  EXPECT_EQ(fs.files_removed(),
            (std::vector<std::string>{"/w/d/a/b/old.md", "/w/d/c/d/old.md"}));
  EXPECT_FALSE(fs.HasDirectory("d/a/b"));
  EXPECT_TRUE(fs.HasDirectory("d/a"));  // keep.md is there
  EXPECT_FALSE(fs.HasDirectory("d/c/d"));
  EXPECT_FALSE(fs.HasDirectory("d/c"));
  EXPECT_TRUE(fs.HasDirectory("d"));  // never the destination
}

TEST(CommitSyncTest, DeletesComeAfterWrites) {
  MemoryFileSystem fs("/w");
  fs.Add("d/a/old.md", "o");
  std::string error;
  ASSERT_TRUE(CommitSync(fs, "/w/d", {{"/w/d/a/new.md", "n", std::nullopt, ""}},
                         {"/w/d/a/old.md"}, "", &error));
  EXPECT_TRUE(fs.HasDirectory("d/a"));  // new.md keeps it
  EXPECT_EQ(fs.Contents("d/a/new.md"), "n");
  EXPECT_FALSE(fs.Has("d/a/old.md"));
}

// A failure stops the commit: files before it are new, the failing one and
// those after it old, nothing half-written, no temporary file left.
TEST(CommitSyncTest, AFailureLeavesEachFileOldOrNew) {
  MemoryFileSystem fs("/w");
  fs.Add("d/a.md", "old a");
  fs.Add("d/b.md", "old b");
  fs.Add("d/c.md", "old c");
  fs.Add("d/gone.md", "g");
  fs.FailPublishing("/w/d/b.md");
  std::string error;
  EXPECT_FALSE(CommitSync(fs, "/w/d",
                          {{"/w/d/a.md", "new a", std::nullopt, "a"},
                           {"/w/d/b.md", "new b", std::nullopt, "b"},
                           {"/w/d/c.md", "new c", std::nullopt, "c"}},
                          {"/w/d/gone.md"}, "t", &error));
  EXPECT_EQ(error, "cannot replace 'd/b.md': Device or resource busy");
  EXPECT_EQ(fs.Contents("d/a.md"), "new a");
  EXPECT_EQ(fs.Contents("d/b.md"), "old b");
  EXPECT_EQ(fs.Contents("d/c.md"), "old c");
  EXPECT_TRUE(fs.Has("d/gone.md"));
  EXPECT_EQ(fs.Contents("t"), "a\n");
  EXPECT_EQ(fs.staged_count(), 0u);
}

TEST(CommitSyncTest, AFolderThatCannotBeCreatedStopsTheCommit) {
  MemoryFileSystem fs("/w");
  fs.AddDirectory("d");
  fs.FailWritesUnder("/w/d/x");
  std::string error;
  EXPECT_FALSE(CommitSync(fs, "/w/d",
                          {{"/w/d/x/y/z.md", "z", std::nullopt, ""},
                           {"/w/d/ok.md", "ok", std::nullopt, ""}},
                          {}, "", &error));
  EXPECT_EQ(error, "cannot create folder 'd/x/y': No space left on device");
  EXPECT_FALSE(fs.Has("d/ok.md"));
  EXPECT_FALSE(fs.HasDirectory("d/x"));
}

TEST(CommitSyncTest, AFailedDeleteSaysWhich) {
  MemoryFileSystem fs("/w");
  fs.Add("d/a/one.md", "1");
  fs.Add("d/b/two.md", "2");
  fs.FailWritesUnder("/w/d/b");
  std::string error;
  EXPECT_FALSE(CommitSync(fs, "/w/d", {}, {"/w/d/a/one.md", "/w/d/b/two.md"},
                          "", &error));
  EXPECT_EQ(error, "cannot delete 'd/b/two.md': Read-only file system");
  EXPECT_FALSE(fs.Has("d/a/one.md"));
  EXPECT_FALSE(fs.HasDirectory("d/a"));  // what was done is tidied
  EXPECT_TRUE(fs.Has("d/b/two.md"));
}

}  // namespace
}  // namespace agentgen
