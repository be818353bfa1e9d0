// SPDX-License-Identifier: MIT
// `agentgen mcp` over an in-memory file system.
#include "command_line/mcp_command.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

class McpCommandTest : public ::testing::Test {
 protected:
  std::string Messages() const { return Printed(sink_); }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
};

TEST_F(McpCommandTest, WritesOnlyWhatChanged) {
  fs_.Add("agents/a.md",
          "---\nname: a\ndescription: x\ndependencies:\n  mcp-servers:\n"
          "    - path: ../mcp/s.json\n---\n");
  fs_.Add("mcp/s.json", "{\"command\": \"s\"}");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = ".mcp.json";
  options.settings.root = ".";
  ASSERT_EQ(RunMcp(fs_, options, sink_), 0) << Messages();
  EXPECT_EQ(fs_.Contents(".mcp.json"),
            "{\n  \"mcpServers\": {\n    \"s\": {\n      \"command\": "
            "\"s\"\n    }\n  }\n}\n");
  size_t writes = fs_.files_written().size();
  ASSERT_EQ(RunMcp(fs_, options, sink_), 0) << Messages();
  EXPECT_EQ(fs_.files_written().size(), writes);
}

TEST_F(McpCommandTest, RefusesToOverwriteAnInput) {
  fs_.Add("agents/a.md", "---\nname: a\ndescription: x\n---\n");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = "agents/a.md";
  options.settings.root = ".";
  EXPECT_EQ(RunMcp(fs_, options, sink_), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: output 'agents/a.md' is one of the inputs of "
            "'agents/a.md'\n");
}

// The depfile too, and through a symlink: inputs are compared by real path.
TEST_F(McpCommandTest, RefusesADepfileLinkedToAnInput) {
  fs_.Add("agents/a.md", "---\nname: a\ndescription: x\n---\n");
  fs_.AddSymlink("build/mcp.d", "../agents/a.md");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = ".mcp.json";
  options.depfile = "build/mcp.d";
  options.settings.root = ".";
  EXPECT_EQ(RunMcp(fs_, options, sink_), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: output 'build/mcp.d' is one of the inputs of "
            "'agents/a.md'\n");
  EXPECT_TRUE(fs_.files_written().empty());
}

const char kMcpAgent[] =
    "---\nname: a\ndescription: x\ndependencies:\n  mcp-servers:\n"
    "    - path: ../mcp/s.json\n---\n";
const char kMcpConfig[] =
    "{\n  \"mcpServers\": {\n    \"s\": {\n      \"command\": \"s\"\n    "
    "}\n  }\n}\n";

// `mcp -o -` prints what a first run would write: the existing file and
// record are not read, and no record is written.
TEST_F(McpCommandTest, ToStandardOutputPrintsAFirstRun) {
  fs_.Add("agents/a.md", kMcpAgent);
  fs_.Add("mcp/s.json", "{\"command\": \"s\"}");
  fs_.Add(".mcp.json", "{\"mcpServers\": {\"mine\": {\"command\": \"m\"}}}");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = kStandardOutput;
  options.settings.root = ".";
  std::string out;
  ASSERT_EQ(RunMcp(fs_, options, sink_, &out), 0) << Messages();
  EXPECT_EQ(out, kMcpConfig);
  EXPECT_TRUE(fs_.files_written().empty());
  EXPECT_EQ(std::count(fs_.files_read().begin(), fs_.files_read().end(),
                       "/w/.mcp.json"),
            0);
}

// A FIFO as mcp's output is written like a first run, and gets no record.
TEST_F(McpCommandTest, WritesAFifoInPlaceWithoutARecord) {
  fs_.Add("agents/a.md", kMcpAgent);
  fs_.Add("mcp/s.json", "{\"command\": \"s\"}");
  fs_.AddSpecial("pipe", FileSystem::EntryKind::kFifo);
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = "pipe";
  options.settings.root = ".";
  ASSERT_EQ(RunMcp(fs_, options, sink_), 0) << Messages();
  EXPECT_EQ(fs_.WritesInPlace("pipe"), std::vector<std::string>{kMcpConfig});
  EXPECT_EQ(fs_.files_written(), std::vector<std::string>{"/w/pipe"});
}

// Through a link, mcp reads and replaces the target, and keeps its record
// beside the link.
TEST_F(McpCommandTest, FollowsALinkedOutput) {
  fs_.Add("agents/a.md", kMcpAgent);
  fs_.Add("mcp/s.json", "{\"command\": \"s\"}");
  fs_.Add("shared/mcp.json", "{\"theirs\": 1}\n");
  fs_.AddSymlink(".mcp.json", "shared/mcp.json");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = ".mcp.json";
  options.settings.root = ".";
  ASSERT_EQ(RunMcp(fs_, options, sink_), 0) << Messages();
  EXPECT_EQ(fs_.LinkTarget(".mcp.json"), "shared/mcp.json");
  EXPECT_NE(fs_.Contents("shared/mcp.json").find("\"theirs\": 1"),
            std::string::npos);
  EXPECT_NE(fs_.Contents("shared/mcp.json").find("\"command\": \"s\""),
            std::string::npos);
  EXPECT_TRUE(fs_.Has(".mcp.json.agentgen"));
}

TEST_F(McpCommandTest, CheckComparesTheFileAndItsRecord) {
  fs_.Add("agents/a.md",
          "---\nname: a\ndescription: x\ndependencies:\n  mcp-servers:\n"
          "    - path: ../mcp/s.json\n---\n");
  fs_.Add("mcp/s.json", "{\"command\": \"s\"}");
  McpOptions options;
  options.sources = {"agents/a.md"};
  options.output = ".mcp.json";
  options.settings.root = ".";
  options.check = true;
  std::string out;
  EXPECT_EQ(RunMcp(fs_, options, sink_, &out), 1);
  EXPECT_TRUE(fs_.files_written().empty());
  EXPECT_NE(out.find("--- /dev/null\n+++ .mcp.json\n"), std::string::npos)
      << out;
  options.check = false;
  sink_ = DiagnosticSink();
  ASSERT_EQ(RunMcp(fs_, options, sink_), 0) << Messages();
  options.check = true;
  sink_ = DiagnosticSink();
  out.clear();
  EXPECT_EQ(RunMcp(fs_, options, sink_, &out), 0) << Messages();
  EXPECT_EQ(out, "");
  fs_.Add("mcp/s.json", "{\"command\": \"t\"}");
  sink_ = DiagnosticSink();
  EXPECT_EQ(RunMcp(fs_, options, sink_, &out), 1);
  EXPECT_NE(out.find("-      \"command\": \"s\"\n+      \"command\": \"t\""),
            std::string::npos)
      << out;
  fs_.Add("mcp/s.json", "not json");
  sink_ = DiagnosticSink();
  EXPECT_EQ(RunMcp(fs_, options, sink_, &out), 3);
}

}  // namespace
}  // namespace agentgen
