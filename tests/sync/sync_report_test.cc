// SPDX-License-Identifier: MIT
#include "sync/sync_report.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace agentgen {
namespace {

const std::vector<SyncFinding> kFindings = {
    {"missing", "a/new.md", std::nullopt, "one\ntwo\n"},
    {"orphan", "a/old.md", "gone\n", std::nullopt},
    {"orphan (state)", "a/forgotten.md", std::nullopt, std::nullopt},
    {"hand-edited orphan", "b/kept.md", "mine\n", "mine\n"},
    {"stale", "c/x.md", "1\n2\n3\n4\n5\nold\n", "1\n2\n3\n4\n5\nnew\n"},
};

constexpr char kPatch[] =
    "--- /dev/null\n"
    "+++ a/new.md\n"
    "@@ -0,0 +1,2 @@\n"
    "+one\n"
    "+two\n"
    "--- a/old.md\n"
    "+++ /dev/null\n"
    "@@ -1 +0,0 @@\n"
    "-gone\n"
    "--- c/x.md\n"
    "+++ c/x.md\n"
    "@@ -3,4 +3,4 @@\n"
    " 3\n"
    " 4\n"
    " 5\n"
    "-old\n"
    "+new\n";

TEST(SyncReportTest, CheckPatchDiffsEveryFileThatWouldChange) {
  EXPECT_EQ(CheckPatch(kFindings), kPatch);
}

TEST(SyncReportTest, CheckPatchIsEmptyWithoutFindings) {
  EXPECT_EQ(CheckPatch({}), "");
}

std::string ReadAll(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// `cd D && patch -p0` turns the tree into what sync would write: files
// created with their folders, orphans deleted, stale files updated.
TEST(SyncReportTest, GnuPatchAppliesCheckPatch) {
  if (std::system("patch --version >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "no patch(1)";
  char folder[] = "/tmp/agentgen-sync-patch-XXXXXX";
  ASSERT_NE(mkdtemp(folder), nullptr);
  std::string d = folder;
  ASSERT_EQ(std::system(("mkdir -p " + d + "/a " + d + "/c").c_str()), 0);
  WriteAll(d + "/a/old.md", "gone\n");
  WriteAll(d + "/c/x.md", "1\n2\n3\n4\n5\nold\n");
  WriteAll(d + "/check.patch", kPatch);
  EXPECT_EQ(std::system(("cd " + d + " && patch -s -p0 < check.patch").c_str()),
            0);
  EXPECT_EQ(ReadAll(d + "/a/new.md"), "one\ntwo\n");
  EXPECT_FALSE(std::ifstream(d + "/a/old.md").good());
  EXPECT_EQ(ReadAll(d + "/c/x.md"), "1\n2\n3\n4\n5\nnew\n");
  std::system(("rm -rf " + d).c_str());
}

TEST(SyncReportTest, CheckSummaryNamesEveryFinding) {
  EXPECT_EQ(CheckSummary(kFindings, 7),
            "agentgen: missing: a/new.md\n"
            "agentgen: orphan: a/old.md\n"
            "agentgen: orphan (state): a/forgotten.md\n"
            "agentgen: hand-edited orphan: b/kept.md\n"
            "agentgen: stale: c/x.md\n"
            "agentgen: sync --check: 5 of 7 outputs differ\n");
  EXPECT_EQ(CheckSummary({}, 3),
            "agentgen: sync --check: 0 of 3 outputs differ\n");
}

std::vector<ListRow> Rows() {
  ListRow render;
  render.output = ".claude/agents/agpm/x.md";
  render.action = "render";
  render.type = "agent";
  render.tool = "claude-code";
  render.source = "agents/x.md";
  render.install_path = ".claude/agents/agpm/x.md";
  render.entry = "x";
  render.args = {"--type", "agent", "-D", "lang=go lang"};
  render.vars = {{"project", {{"lang", "go"}}}};

  ListRow copy;
  copy.output = ".agpm/snippets/a\tb.json";
  copy.action = "copy";
  copy.type = "snippet";
  copy.tool = "agpm";
  copy.source = "snippets/a\\b\n.json";
  copy.install_path = "";
  copy.required_by = {"x -> agents/x.md"};

  ListRow merge_b;
  merge_b.output = ".mcp.json";
  merge_b.action = "merge";
  merge_b.source = "mcp/b.json";
  ListRow merge_a = merge_b;
  merge_a.source = "mcp/a.json";

  ListRow state;
  state.output = ".agentgen-sync.json";
  state.action = "state";

  ListRow skip;
  skip.action = "skip";
  skip.entry = "remote";
  skip.reason = "source 'community' is a git repository";
  ListRow skip2 = skip;
  skip2.entry = "another";
  return {render, merge_b, skip, copy, state, merge_a, skip2};
}

TEST(SyncReportTest, ListJsonLinesSortsRowsAndKeys) {
  EXPECT_EQ(
      ListJsonLines(Rows()),
      R"({"action":"skip","args":[],"entry":"remote","install_path":null,"output":null,"reason":"source 'community' is a git repository","required_by":[],"source":null,"tool":null,"type":null,"vars":null}
{"action":"skip","args":[],"entry":"another","install_path":null,"output":null,"reason":"source 'community' is a git repository","required_by":[],"source":null,"tool":null,"type":null,"vars":null}
{"action":"state","args":[],"entry":null,"install_path":null,"output":".agentgen-sync.json","reason":null,"required_by":[],"source":null,"tool":null,"type":null,"vars":null}
{"action":"copy","args":[],"entry":null,"install_path":"","output":".agpm/snippets/a\tb.json","reason":null,"required_by":["x -> agents/x.md"],"source":"snippets/a\\b\n.json","tool":"agpm","type":"snippet","vars":null}
{"action":"render","args":["--type","agent","-D","lang=go lang"],"entry":"x","install_path":".claude/agents/agpm/x.md","output":".claude/agents/agpm/x.md","reason":null,"required_by":[],"source":"agents/x.md","tool":"claude-code","type":"agent","vars":{"project":{"lang":"go"}}}
{"action":"merge","args":[],"entry":null,"install_path":null,"output":".mcp.json","reason":null,"required_by":[],"source":"mcp/a.json","tool":null,"type":null,"vars":null}
{"action":"merge","args":[],"entry":null,"install_path":null,"output":".mcp.json","reason":null,"required_by":[],"source":"mcp/b.json","tool":null,"type":null,"vars":null}
)");
}

TEST(SyncReportTest, ListJsonLinesReplacesBytesThatAreNotUtf8) {
  ListRow row;
  row.output = "a\xff.md";
  row.action = "copy";
  EXPECT_NE(ListJsonLines({row}).find("\"output\":\"a\xef\xbf\xbd.md\""),
            std::string::npos);
}

TEST(SyncReportTest, ListTabSeparatedDropsSkipsAndEscapes) {
  EXPECT_EQ(ListTabSeparated(Rows()),
            ".agentgen-sync.json\tstate\t-\t-\t-\t-\n"
            ".agpm/snippets/a\\tb.json\tcopy\tsnippet\tagpm\t"
            "snippets/a\\\\b\\n.json\t-\n"
            ".claude/agents/agpm/x.md\trender\tagent\tclaude-code\t"
            "agents/x.md\t.claude/agents/agpm/x.md\t--type\tagent\t-D\t"
            "lang=go lang\n"
            ".mcp.json\tmerge\t-\t-\tmcp/a.json\t-\n"
            ".mcp.json\tmerge\t-\t-\tmcp/b.json\t-\n");
}

}  // namespace
}  // namespace agentgen
