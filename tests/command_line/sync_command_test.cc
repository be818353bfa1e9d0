// SPDX-License-Identifier: MIT
// `agentgen sync` over an in-memory file system: what it writes and in which
// order, what it refuses, and what `--check` reports.
#include "command_line/sync_command.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

class SyncCommandTest : public ::testing::Test {
 protected:
  SyncCommandTest() {
    fs_.AddDirectory("/w/.git");
    fs_.Add("/w/agpm.toml",
            "[agents]\na = \"agents/a.md\"\n[mcp-servers]\nfs = "
            "\"mcp/fs.json\"\n");
    fs_.Add("/w/agents/a.md", "---\nname: a\ndescription: x\n---\nA.\n");
    fs_.Add("/w/mcp/fs.json", "{\"command\": \"fs\"}");
  }

  int Sync(const SyncOptions& options = {}) {
    sink_ = DiagnosticSink();
    out_.clear();
    err_.clear();
    return RunSync(fs_, options, "", sink_, &out_, &err_);
  }

  SyncOptions Check() {
    SyncOptions options;
    options.check = true;
    return options;
  }

  std::string Messages() const { return Printed(sink_); }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
  std::string out_;
  std::string err_;
};

TEST_F(SyncCommandTest, WritesTheTreeThenTheStateFileLast) {
  ASSERT_EQ(Sync(), 0) << Messages();
  EXPECT_EQ(fs_.Contents("/w/.claude/agents/agpm/a.md"),
            "---\nname: a\ndescription: x\n---\nA.\n");
  EXPECT_EQ(fs_.Contents("/w/.mcp.json"),
            "{\n  \"mcpServers\": {\n    \"fs\": {\n      \"command\": "
            "\"fs\"\n    }\n  }\n}\n");
  ASSERT_FALSE(fs_.files_written().empty());
  EXPECT_EQ(fs_.files_written().back(), "/w/.agentgen-sync.json");
  EXPECT_NE(fs_.Contents("/w/.agentgen-sync.json")
                .find("\".claude/agents/agpm/a.md\": \"sha256:"),
            std::string::npos)
      << fs_.Contents("/w/.agentgen-sync.json");
  EXPECT_FALSE(fs_.IsLocked("/w/.agentgen-sync.lock"));
  EXPECT_TRUE(fs_.Has("/w/.agentgen-sync.lock"));
}

TEST_F(SyncCommandTest, ASecondSyncWritesNothing) {
  ASSERT_EQ(Sync(), 0) << Messages();
  size_t writes = fs_.files_written().size();
  ASSERT_EQ(Sync(), 0) << Messages();
  EXPECT_EQ(fs_.files_written().size(), writes);
  EXPECT_EQ(Sync(Check()), 0) << err_;
  EXPECT_EQ(out_, "");
}

TEST_F(SyncCommandTest, CheckReportsAndWritesNothing) {
  EXPECT_EQ(Sync(Check()), 1);
  EXPECT_TRUE(fs_.files_written().empty());
  EXPECT_FALSE(fs_.Has("/w/.agentgen-sync.lock")) << "--check creates nothing";
  EXPECT_NE(err_.find("agentgen: missing: .claude/agents/agpm/a.md\n"),
            std::string::npos)
      << err_;
  EXPECT_NE(out_.find("--- /dev/null\n+++ .claude/agents/agpm/a.md\n"),
            std::string::npos)
      << out_;
}

TEST_F(SyncCommandTest, CheckExitsThreeOnAnInputError) {
  fs_.Add("/w/agpm.toml", "[agents]\na = \"agents/none.md\"\n");
  EXPECT_EQ(Sync(Check()), 3);
  EXPECT_EQ(Sync(), 1);
  EXPECT_TRUE(fs_.files_written().empty());
}

TEST_F(SyncCommandTest, AHandEditIsRefusedAndForceWritesIt) {
  ASSERT_EQ(Sync(), 0) << Messages();
  fs_.Add("/w/.claude/agents/agpm/a.md", "edited\n");
  EXPECT_EQ(Sync(), 1);
  EXPECT_NE(Messages().find("by hand"), std::string::npos) << Messages();
  EXPECT_EQ(fs_.Contents("/w/.claude/agents/agpm/a.md"), "edited\n");
  SyncOptions force;
  force.force = true;
  ASSERT_EQ(Sync(force), 0) << Messages();
  EXPECT_EQ(fs_.Contents("/w/.claude/agents/agpm/a.md"),
            "---\nname: a\ndescription: x\n---\nA.\n");
}

TEST_F(SyncCommandTest, AHandEditedServerIsRefused) {
  ASSERT_EQ(Sync(), 0) << Messages();
  fs_.Add("/w/.mcp.json", "{\"mcpServers\": {\"fs\": {\"command\": \"x\"}}}");
  EXPECT_EQ(Sync(), 1);
  EXPECT_NE(Messages().find("edited by hand"), std::string::npos) << Messages();
  EXPECT_EQ(Sync(Check()), 1);
  EXPECT_NE(err_.find("hand-edited"), std::string::npos) << err_;
}

TEST_F(SyncCommandTest, OneManagerPerMcpFile) {
  fs_.Add("/w/.mcp.json.agentgen", "{}\n");
  EXPECT_EQ(Sync(), 1);
  EXPECT_NE(Messages().find("managed by agentgen mcp"), std::string::npos)
      << Messages();
  EXPECT_FALSE(fs_.Has("/w/.claude/agents/agpm/a.md"));
}

TEST_F(SyncCommandTest, NeverWritesThroughALink) {
  fs_.Add("/elsewhere/a.md", "theirs\n");
  fs_.AddSymlink("/w/.claude/agents/agpm/a.md", "/elsewhere/a.md");
  EXPECT_EQ(Sync(), 1);
  EXPECT_EQ(fs_.Contents("/elsewhere/a.md"), "theirs\n");
}

TEST_F(SyncCommandTest, PathsAgpmInstalledAreNotSyncs) {
  fs_.Add("/w/agpm.lock",
          "version = 1\n\n[[agents]]\nname = \"a\"\npath = \"agents/a.md\"\n"
          "installed_at = \".claude/agents/agpm/a.md\"\n");
  EXPECT_EQ(Sync(), 1);
  EXPECT_NE(Messages().find("agpm.lock"), std::string::npos) << Messages();
}

TEST_F(SyncCommandTest, AnOrphanIsRemovedWithTheFoldersItLeavesEmpty) {
  ASSERT_EQ(Sync(), 0) << Messages();
  fs_.Add("/w/agpm.toml", "[mcp-servers]\nfs = \"mcp/fs.json\"\n");
  ASSERT_EQ(Sync(), 0) << Messages();
  EXPECT_FALSE(fs_.Has("/w/.claude/agents/agpm/a.md"));
  EXPECT_FALSE(fs_.HasDirectory("/w/.claude"));
  EXPECT_TRUE(fs_.Has("/w/.mcp.json"));
}

TEST_F(SyncCommandTest, ListPrintsAndReadsNothingBelowTheDestination) {
  SyncOptions list;
  list.list = SyncListFormat::kTsv;
  ASSERT_EQ(Sync(list), 0) << Messages();
  EXPECT_TRUE(fs_.files_written().empty());
  EXPECT_FALSE(fs_.Has("/w/.agentgen-sync.lock"));
  EXPECT_EQ(out_.substr(0, out_.find('\t', out_.find('\t') + 1)),
            ".agentgen-sync.json\tstate");
}

TEST_F(SyncCommandTest, TheStampAndDepfile) {
  SyncOptions options;
  options.stamp = "build/sync.stamp";
  options.depfile = "build/sync.d";
  fs_.AddDirectory("/w/build");
  ASSERT_EQ(Sync(options), 0) << Messages();
  EXPECT_TRUE(fs_.Has("/w/build/sync.stamp"));
  EXPECT_EQ(fs_.Contents("/w/build/sync.d"),
            "/w/build/sync.stamp: /w/agpm.toml \\\n /w/agents/a.md \\\n "
            "/w/mcp/fs.json\n");
}

}  // namespace
}  // namespace agentgen
