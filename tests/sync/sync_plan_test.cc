// SPDX-License-Identifier: MIT
// What sync would write for a project, planned over an in-memory file
// system: the output paths of docs/sync.md's table, the variables' merge
// order, the dependencies sync installs, clashes and merged members.
#include "sync/sync_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

using nlohmann::json;

const char kAgent[] = "---\nname: x\ndescription: An agent\n---\nBody.\n";

class SyncPlanTest : public ::testing::Test {
 protected:
  SyncPlanTest() { fs_.AddDirectory("/w/.git"); }

  std::optional<SyncPlan> Plan(const std::string& manifest) {
    fs_.Add("/w/agpm.toml", manifest);
    SyncRequest request;
    request.manifest = "agpm.toml";
    return PlanSync(fs_, request, sink_);
  }

  // The paths of the files a plan writes.
  static std::vector<std::string> Paths(const SyncPlan& plan) {
    std::vector<std::string> paths;
    for (const PlannedFile& file : plan.files) paths.push_back(file.path);
    return paths;
  }

  static const PlannedFile* File(const SyncPlan& plan,
                                 const std::string& path) {
    for (const PlannedFile& file : plan.files)
      if (file.path == path) return &file;
    return nullptr;
  }

  std::string Messages() const { return Printed(sink_); }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
};

// One row of docs/sync.md's "Output paths" table per case.
TEST_F(SyncPlanTest, OutputPathsFollowTheLayoutTable) {
  fs_.Add("/w/agents/plain.md", kAgent);
  fs_.Add("/w/agents/ai/deep.md", kAgent);
  fs_.Add("/w/agents/team.md", kAgent);
  fs_.Add("/w/agents/oc.md", "---\ndescription: An agent\n---\nBody.\n");
  fs_.Add("/w/commands/commit.md", "---\ndescription: Commit\n---\nGo.\n");
  fs_.Add("/w/snippets/rules/a.md", "Rules.\n");
  fs_.Add("/shared/rules/b.md", "Shared.\n");
  fs_.Add("/w/scripts/build.sh", "#!/bin/sh\n");
  fs_.SetPermissions("/w/scripts/build.sh", 0755);
  fs_.Add("/w/skills/pdf/SKILL.md", "---\nname: pdf\ndescription: P\n---\n");
  fs_.Add("/w/skills/pdf/lib/x.py", "x = 1\n");
  fs_.Add("/w/gp.md", kAgent);
  std::optional<SyncPlan> plan = Plan(
      "[agents]\n"
      "plain = \"agents/plain.md\"\n"
      "deep = { path = \"agents/ai/deep.md\", flatten = false }\n"
      "team = { path = \"agents/team.md\", target = \"team\" }\n"
      "oc = { path = \"agents/oc.md\", tool = \"opencode\" }\n"
      "gp = { path = \"gp.md\", filename = \"general\" }\n"
      "[commands]\n"
      "commit = { path = \"commands/commit.md\" }\n"
      "[snippets]\n"
      "rules = { path = \"snippets/rules/a.md\" }\n"
      "claude = { path = \"snippets/rules/a.md\", tool = \"claude-code\" }\n"
      "[scripts]\n"
      "build = { path = \"scripts/build.sh\" }\n"
      "[skills]\n"
      "pdf = { path = \"skills/pdf\" }\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".agpm/snippets/rules/a.md",
                              ".claude/agents/agpm/ai/deep.md",
                              ".claude/agents/agpm/general",
                              ".claude/agents/agpm/plain.md",
                              ".claude/agents/agpm/team/team.md",
                              ".claude/commands/agpm/commit.md",
                              ".claude/scripts/agpm/build.sh",
                              ".claude/skills/agpm/pdf/SKILL.md",
                              ".claude/skills/agpm/pdf/lib/x.py",
                              ".claude/snippets/agpm/rules/a.md",
                              ".opencode/agent/agpm/oc.md",
                          }));
  EXPECT_EQ(File(*plan, ".claude/scripts/agpm/build.sh")->permissions, 0755u);
  EXPECT_NE(Messages().find("warning"), std::string::npos)
      << "a filename without .md is a warning";
}

TEST_F(SyncPlanTest, InstallPathIsThePathWrittenRelativeToTheProject) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\nagpm:\n  templating: true\n---\n"
          "{{ agpm.resource.install_path }}\n");
  std::optional<SyncPlan> plan =
      Plan("[agents]\na = { path = \"agents/a.md\", filename = \"b.md\" }\n");
  ASSERT_TRUE(plan) << Messages();
  ASSERT_EQ(plan->files.size(), 1u);
  EXPECT_EQ(plan->files[0].bytes,
            "---\nname: a\ndescription: x\nagpm:\n  templating: true\n---\n"
            ".claude/agents/agpm/b.md\n");
}

// [project], then -D/--var in order, then the entry's template_vars.project
// deep-merged; other template_vars keys are top-level names.
TEST_F(SyncPlanTest, VariablesMergeInOrder) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\nagpm:\n  templating: true\n---\n"
          "{{ project.lang }} {{ project.deep.a }} {{ project.deep.b }} "
          "{{ project.cli }} {{ extra }}\n");
  fs_.Add("/w/agpm.toml", "");
  SyncRequest request;
  request.manifest = "agpm.toml";
  request.workspace.defines = {{"cli", json("from-cli")},
                               {"lang", json("cli-lang")}};
  fs_.Add("/w/agpm.toml",
          "[project]\nlang = \"toml\"\ndeep = { a = 1, b = 2 }\n"
          "[agents]\na = { path = \"agents/a.md\", template_vars = { project "
          "= { lang = \"entry\", deep = { b = 3 } }, extra = \"x\" } }\n");
  std::optional<SyncPlan> plan = PlanSync(fs_, request, sink_);
  ASSERT_TRUE(plan) << Messages();
  ASSERT_EQ(plan->files.size(), 1u);
  const std::string& bytes = plan->files[0].bytes;
  EXPECT_EQ(bytes.substr(bytes.rfind("---\n") + 4), "entry 1 3 from-cli x\n");
}

TEST_F(SyncPlanTest, DependenciesAreInstalledUnlessInstallFalse) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\ndependencies:\n  snippets:\n"
          "    - path: ../snippets/kept.md\n"
          "    - path: ../snippets/embedded.md\n      install: false\n"
          "---\nA.\n");
  fs_.Add(
      "/w/snippets/kept.md",
      "---\ndependencies:\n  snippets:\n    - path: ./deeper.md\n---\nK.\n");
  fs_.Add("/w/snippets/deeper.md", "D.\n");
  fs_.Add("/w/snippets/embedded.md",
          "---\ndependencies:\n  snippets:\n    - path: ./below.md\n---\nE.\n");
  fs_.Add("/w/snippets/below.md", "B.\n");
  std::optional<SyncPlan> plan = Plan("[agents]\na = \"agents/a.md\"\n");
  ASSERT_TRUE(plan) << Messages();
  // A snippet takes its parent's tool when that tool has a place for
  // snippets, as Claude Code's does.
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".claude/agents/agpm/a.md",
                              ".claude/snippets/agpm/below.md",
                              ".claude/snippets/agpm/deeper.md",
                              ".claude/snippets/agpm/kept.md",
                          }));
  // --list names the parents of a transitive resource.
  bool found = false;
  for (const ListRow& row : plan->rows) {
    if (row.output && *row.output == ".claude/snippets/agpm/kept.md") {
      found = true;
      EXPECT_FALSE(row.entry);
      EXPECT_EQ(row.required_by, std::vector<std::string>{"a"});
    }
  }
  EXPECT_TRUE(found);
}

// A dependency with the identity of a manifest entry is that entry: written
// once, where the entry says.
TEST_F(SyncPlanTest, ATransitiveResourceThatIsAnEntryIsWrittenOnce) {
  fs_.Add("/w/commands/lint.md",
          "---\ndescription: Lint\ndependencies:\n  agents:\n"
          "    - path: ../agents/linter.md\n---\nLint.\n");
  fs_.Add("/w/agents/linter.md", kAgent);
  std::optional<SyncPlan> plan = Plan(
      "[agents]\nlinter = { path = \"agents/linter.md\", filename = "
      "\"linter-go.md\" }\n[commands]\nlint = \"commands/lint.md\"\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".claude/agents/agpm/linter-go.md",
                              ".claude/commands/agpm/lint.md",
                          }));
  // With other variables it is another resource, at the layout's path.
  sink_ = DiagnosticSink();
  plan = Plan(
      "[agents]\nlinter = { path = \"agents/linter.md\", filename = "
      "\"linter-go.md\" }\n[commands]\nlint = { path = \"commands/lint.md\", "
      "template_vars = { project = { language = \"go\" } } }\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".claude/agents/agpm/linter-go.md",
                              ".claude/agents/agpm/linter.md",
                              ".claude/commands/agpm/lint.md",
                          }));
}

TEST_F(SyncPlanTest, TwoEntriesWritingOnePathClash) {
  fs_.Add("/w/agents/a.md", kAgent);
  fs_.Add("/w/other/a.md", kAgent);
  EXPECT_FALSE(Plan("[agents]\na = \"agents/a.md\"\nb = \"other/a.md\"\n"));
  EXPECT_NE(Messages().find("'b' writes '.claude/agents/agpm/a.md', which "
                            "'a' writes too"),
            std::string::npos)
      << Messages();
}

// One file reached with several variables: one output when the bytes are
// the same, an error naming two parents when not.
TEST_F(SyncPlanTest, OneDependencyReachedWithSeveralVariables) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\ndependencies:\n  snippets:\n"
          "    - path: ../snippets/s.md\n---\nA.\n");
  fs_.Add("/w/snippets/s.md", "Same.\n");
  std::optional<SyncPlan> plan = Plan(
      "[agents]\n"
      "a1 = { path = \"agents/a.md\", filename = \"a1.md\", template_vars = "
      "{ project = { v = \"1\" } } }\n"
      "a2 = { path = \"agents/a.md\", filename = \"a2.md\", template_vars = "
      "{ project = { v = \"2\" } } }\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(plan->files.size(), 3u);
  fs_.Add("/w/snippets/s.md",
          "---\nagpm:\n  templating: true\n---\n{{ agpm.project.v }}\n");
  sink_ = DiagnosticSink();
  plan = Plan(
      "[agents]\n"
      "a1 = { path = \"agents/a.md\", filename = \"a1.md\", template_vars = "
      "{ project = { v = \"1\" } } }\n"
      "a2 = { path = \"agents/a.md\", filename = \"a2.md\", template_vars = "
      "{ project = { v = \"2\" } } }\n");
  EXPECT_FALSE(plan);
  EXPECT_NE(Messages().find("reach one file with different bytes"),
            std::string::npos)
      << Messages();
}

TEST_F(SyncPlanTest, AgentsWithOneNameGetAWarning) {
  fs_.Add("/w/agents/a.md", kAgent);
  fs_.Add("/w/agents/b.md", kAgent);
  std::optional<SyncPlan> plan =
      Plan("[agents]\na = \"agents/a.md\"\nb = \"agents/b.md\"\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_NE(Messages().find("agents with one name 'x': "
                            ".claude/agents/agpm/a.md, "
                            ".claude/agents/agpm/b.md"),
            std::string::npos)
      << Messages();
}

TEST_F(SyncPlanTest, InstallFalseWritesNothingButIsRendered) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\nagpm:\n  templating: true\n---\n"
          "{{ nothing }}\n");
  EXPECT_FALSE(
      Plan("[agents]\na = { path = \"agents/a.md\", install = false "
           "}\n"));
  EXPECT_NE(Messages().find("error"), std::string::npos);
}

TEST_F(SyncPlanTest, HooksAndServersAreMergeMembers) {
  fs_.Add("/w/hooks/h.json",
          "{\"events\": [\"SessionStart\"], \"type\": \"command\", "
          "\"command\": \"make\"}");
  fs_.Add("/w/mcp/fs.json", "{\"command\": \"fs\"}");
  fs_.Add("/w/agents/o.md",
          "---\ndescription: x\ndependencies:\n  mcp-servers:\n"
          "    - path: ../mcp/search.json\n      name: finder\n---\nO.\n");
  fs_.Add("/w/mcp/search.json", "{\"command\": \"search\"}");
  std::optional<SyncPlan> plan = Plan(
      "[agents]\no = { path = \"agents/o.md\", tool = \"opencode\" }\n"
      "[hooks]\nh = \"hooks/h.json\"\n[mcp-servers]\nfs = \"mcp/fs.json\"\n");
  ASSERT_TRUE(plan) << Messages();
  ASSERT_EQ(plan->merges.size(), 3u);
  std::map<std::string, const PlannedMerge*> by_target;
  for (const PlannedMerge& merge : plan->merges)
    by_target[merge.target] = &merge;
  ASSERT_TRUE(by_target.count(".mcp.json"));
  EXPECT_EQ(by_target[".mcp.json"]->servers.at(0).key, "fs");
  ASSERT_TRUE(by_target.count(".opencode/opencode.json"));
  EXPECT_EQ(by_target[".opencode/opencode.json"]->kind,
            MergeKind::kOpenCodeMcp);
  EXPECT_EQ(by_target[".opencode/opencode.json"]->servers.at(0).key, "search");
  ASSERT_TRUE(by_target.count(".claude/settings.local.json"));
  EXPECT_EQ(by_target[".claude/settings.local.json"]->hooks.size(), 1u);
}

TEST_F(SyncPlanTest, GitEntriesAreSkippedAndWriteNothing) {
  std::optional<SyncPlan> plan = Plan(
      "[sources]\ngh = \"https://github.com/o/r.git\"\n"
      "[agents]\na = { source = \"gh\", path = \"agents/a.md\", "
      "version = \"v1\" }\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_TRUE(plan->files.empty());
  ASSERT_EQ(plan->rows.size(), 1u);
  EXPECT_EQ(plan->rows[0].action, "skip");
  EXPECT_NE(Messages().find("note:"), std::string::npos) << Messages();
}

TEST_F(SyncPlanTest, AMissingSourceIsLocatedAtItsPath) {
  EXPECT_FALSE(Plan("[agents]\na = { path = \"agents/none.md\" }\n"));
  EXPECT_EQ(Messages(), At("agpm.toml", 2, 14, "error",
                           "'a': 'agents/none.md' does not exist",
                           "a = { path = \"agents/none.md\" }"));
}

TEST_F(SyncPlanTest, PatternsExpandToEntriesNamedByTheirMatch) {
  fs_.Add("/w/agents/a.md", kAgent);
  fs_.Add("/w/agents/sub/b.md",
          "---\nname: b\ndescription: An agent\n---\nBody.\n");
  std::optional<SyncPlan> plan = Plan("[agents]\nall = \"agents/*.md\"\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".claude/agents/agpm/a.md",
                              ".claude/agents/agpm/b.md",
                          }));
  EXPECT_EQ(plan->rows[0].entry, "all[agents/a.md]");
}

TEST_F(SyncPlanTest, AnotherMergeTargetInTheLayoutIsAWarning) {
  fs_.Add("/w/mcp/fs.json", "{\"command\": \"fs\"}");
  std::optional<SyncPlan> plan = Plan(
      "[tools.claude-code]\npath = \".claude\"\n"
      "resources = { agents = { path = \"agents\" }, mcp-servers = { "
      "merge-target = \".claude/mcp.json\" } }\n"
      "[mcp-servers]\nfs = \"mcp/fs.json\"\n");
  ASSERT_TRUE(plan) << Messages();
  ASSERT_EQ(plan->merges.size(), 1u);
  EXPECT_EQ(plan->merges[0].target, ".mcp.json");
  EXPECT_NE(Messages().find("the layout merges mcp-servers of tool "
                            "'claude-code' into '.claude/mcp.json'; sync "
                            "writes them to '.mcp.json'"),
            std::string::npos)
      << Messages();
}

// Renders done ahead on several threads give the plan and the messages of
// one thread.
TEST_F(SyncPlanTest, ThreadsChangeNothing) {
  fs_.Add("/w/agents/a.md",
          "---\nname: a\ndescription: x\nagpm:\n  templating: true\n---\n"
          "{{ agpm.project.v }}\n");
  fs_.Add("/w/agents/bad.md",
          "---\nname: b\ndescription: x\nagpm:\n  templating: true\n---\n"
          "{{ missing }}\n");
  std::string manifest = "[agents]\n";
  for (int i = 0; i < 8; ++i) {
    manifest += "a" + std::to_string(i) +
                " = { path = \"agents/a.md\", filename = \"a" +
                std::to_string(i) +
                ".md\", template_vars = { project = { v = "
                "\"" +
                std::to_string(i) + "\" } } }\n";
  }
  manifest += "bad = \"agents/bad.md\"\n";
  fs_.Add("/w/agpm.toml", manifest);
  SyncRequest request;
  request.manifest = "agpm.toml";
  DiagnosticSink one_sink;
  std::optional<SyncPlan> one = PlanSync(fs_, request, one_sink, 1);
  manifest.erase(manifest.find("bad = "));
  DiagnosticSink many_sink;
  std::optional<SyncPlan> many = PlanSync(fs_, request, many_sink, 4);
  EXPECT_FALSE(one);
  EXPECT_FALSE(many);
  EXPECT_EQ(Printed(one_sink), Printed(many_sink));
  EXPECT_NE(Printed(one_sink).find("missing"), std::string::npos);
  fs_.Add("/w/agpm.toml", manifest);
  one_sink = DiagnosticSink();
  many_sink = DiagnosticSink();
  one = PlanSync(fs_, request, one_sink, 1);
  many = PlanSync(fs_, request, many_sink, 4);
  ASSERT_TRUE(one && many) << Printed(one_sink) << Printed(many_sink);
  ASSERT_EQ(one->files.size(), 8u);
  for (size_t i = 0; i < one->files.size(); ++i) {
    EXPECT_EQ(one->files[i].path, many->files[i].path);
    EXPECT_EQ(one->files[i].bytes, many->files[i].bytes);
  }
  EXPECT_EQ(one->prerequisites, many->prerequisites);
}

// Hook and MCP server files are read as every JSON input is: a repeated
// key is an error at its place.
TEST_F(SyncPlanTest, AServerFileWithARepeatedKeyIsRefused) {
  fs_.Add("/w/mcp/fs.json", "{\"command\": \"a\", \"command\": \"b\"}");
  EXPECT_FALSE(Plan("[mcp-servers]\nfs = \"mcp/fs.json\"\n"));
  EXPECT_NE(Messages().find("mcp/fs.json:1:"), std::string::npos) << Messages();
}

// ---- The plugin layout (docs/plugins.md) ----------------------------------

class PluginPlanTest : public SyncPlanTest {
 protected:
  std::optional<SyncPlan> PlanPlugins(const std::string& manifest,
                                      const std::string& to = "out") {
    fs_.Add("/w/agpm.toml", manifest);
    SyncRequest request;
    request.manifest = "agpm.toml";
    request.to = to;
    request.plugin_layout = true;
    return PlanSync(fs_, request, sink_);
  }
};

TEST_F(PluginPlanTest, EntriesAndASourceFolderMakeOnePlugin) {
  fs_.Add("/w/agents/rev.md",
          "---\nname: rev\ndescription: R\npermissionMode: plan\n"
          "dependencies:\n  snippets:\n    - name: rules\n"
          "      path: ../snippets/rules.md\n---\nBody.\n");
  fs_.Add("/w/snippets/rules.md", "Rules.\n");
  fs_.Add("/w/tools/fmt.sh", "#!/bin/sh\n");
  fs_.Add("/w/hooks/fmt.json",
          "{\"events\": [\"Stop\"], \"type\": \"command\", "
          "\"command\": \"tools/fmt.sh\"}");
  fs_.Add("/w/src/commands/go.md", "---\ndescription: Go\n---\nGo.\n");
  fs_.Add("/w/src/README.md", "# Read me\n");
  fs_.Add("/w/src/skills/pdf/SKILL.md", "---\nname: pdf\n---\nPDF.\n");
  std::optional<SyncPlan> plan = PlanPlugins(
      "[agents]\nrev = \"agents/rev.md\"\n"
      "[scripts]\nfmt = \"tools/fmt.sh\"\n"
      "[hooks]\nfmt = \"hooks/fmt.json\"\n"
      "[plugins.review]\ndescription = \"Review\"\nfrom = \"src\"\n"
      "entries = [\"*\"]\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan),
            (std::vector<std::string>{
                ".claude-plugin/plugin.json", "README.md", "agents/rev.md",
                "commands/go.md", "hooks/hooks.json", "scripts/tools/fmt.sh",
                "skills/pdf/SKILL.md"}));
  EXPECT_TRUE(plan->merges.empty());
  // The snippet is embedded, not written; the ignored key is dropped.
  EXPECT_EQ(File(*plan, "agents/rev.md")->bytes.find("permissionMode"),
            std::string::npos);
  EXPECT_NE(File(*plan, "agents/rev.md")->bytes.find("Body."),
            std::string::npos);
  EXPECT_NE(Messages().find("agents/rev.md:4:1: warning: Claude Code ignores "
                            "'permissionMode' in a plugin's agent"),
            std::string::npos)
      << Messages();
  EXPECT_EQ(json::parse(File(*plan, "hooks/hooks.json")
                            ->bytes)["hooks"]["Stop"][0]["hooks"][0]["command"],
            "\"${CLAUDE_PLUGIN_ROOT}/scripts/tools/fmt.sh\"");
  EXPECT_EQ(File(*plan, "README.md")->bytes, "# Read me\n");
  EXPECT_EQ(json::parse(File(*plan, ".claude-plugin/plugin.json")->bytes),
            json::parse(R"({"name": "review", "description": "Review"})"));
}

TEST_F(PluginPlanTest, AMarketplacePutsEachPluginInPlugins) {
  fs_.Add("/w/agents/a.md", kAgent);
  fs_.Add("/w/agents/b.md", "---\nname: b\ndescription: B\n---\nB.\n");
  std::optional<SyncPlan> plan = PlanPlugins(
      "[agents]\na = \"agents/a.md\"\nb = \"agents/b.md\"\n"
      "[marketplace]\nname = \"acme\"\nowner = { name = \"Acme\" }\n"
      "[plugins.one]\nentries = [\"agents.a\"]\n"
      "[plugins.two]\nentries = [\"agents.b\"]\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan),
            (std::vector<std::string>{".claude-plugin/marketplace.json",
                                      "plugins/one/.claude-plugin/plugin.json",
                                      "plugins/one/agents/a.md",
                                      "plugins/two/.claude-plugin/plugin.json",
                                      "plugins/two/agents/b.md"}));
  json listing =
      json::parse(File(*plan, ".claude-plugin/marketplace.json")->bytes);
  EXPECT_EQ(listing["plugins"][1]["source"], "./plugins/two");
}

TEST_F(PluginPlanTest, LayoutMistakesAreLocatedErrors) {
  fs_.Add("/w/agents/a.md", kAgent);
  EXPECT_FALSE(PlanPlugins("[agents]\na = \"agents/a.md\"\n"));
  EXPECT_NE(Messages().find("the manifest has no plugin table"),
            std::string::npos);

  sink_ = DiagnosticSink();
  EXPECT_FALSE(PlanPlugins(
      "[agents]\na = \"agents/a.md\"\n[plugins.one]\n[plugins.two]\n"));
  EXPECT_NE(Messages().find("agpm.toml:4:10: error: several plugins need a "
                            "[marketplace]"),
            std::string::npos)
      << Messages();

  sink_ = DiagnosticSink();
  EXPECT_FALSE(
      PlanPlugins("[agents]\na = \"agents/a.md\"\n[plugins.one]\n"
                  "entries = [\"agents.b\"]\n"));
  EXPECT_NE(Messages().find("agpm.toml:4:12: error: the manifest has no entry "
                            "'agents.b'; did you mean 'agents.a'?"),
            std::string::npos)
      << Messages();

  sink_ = DiagnosticSink();
  EXPECT_FALSE(PlanPlugins(
      "[agents]\na = { path = \"agents/a.md\", tool = \"opencode\" }\n"
      "[plugins.one]\nentries = [\"*\"]\n"));
  EXPECT_NE(Messages().find("error: 'a' has the tool 'opencode'; a plugin is "
                            "Claude Code's"),
            std::string::npos)
      << Messages();

  sink_ = DiagnosticSink();
  fs_.Add("/w/src/.claude-plugin/plugin.json", "{\"name\": \"one\"}\n");
  EXPECT_FALSE(PlanPlugins("[plugins.one]\nfrom = \"src\"\n"));
  EXPECT_NE(Messages().find("'.claude-plugin/plugin.json' is generated from "
                            "[plugins.one], and "
                            "'src/.claude-plugin/plugin.json' gives it too"),
            std::string::npos)
      << Messages();
}

TEST_F(PluginPlanTest, AnEntryInNoPluginIsAWarning) {
  fs_.Add("/w/agents/a.md", kAgent);
  fs_.Add("/w/agents/b.md", "---\nname: b\ndescription: B\n---\nB.\n");
  std::optional<SyncPlan> plan = PlanPlugins(
      "[agents]\na = \"agents/a.md\"\nb = \"agents/b.md\"\n"
      "[plugins.one]\nentries = [\"agents.a\"]\n");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan), (std::vector<std::string>{
                              ".claude-plugin/plugin.json", "agents/a.md"}));
  EXPECT_NE(Messages().find("agpm.toml:3:1: warning: 'agents.b' is in no "
                            "plugin's 'entries'"),
            std::string::npos)
      << Messages();
}

TEST_F(PluginPlanTest, HooksRunningPluginFilesGoThroughThePluginRoot) {
  // A hook file reached by two entries is one hook; a script of the source
  // folder is found by its project path too.
  fs_.Add("/w/hooks/h.json",
          "{\"events\": [\"Stop\"], \"type\": \"command\", "
          "\"command\": \"bash src/run.sh\"}");
  fs_.Add("/w/src/run.sh", "#!/bin/sh\n");
  std::optional<SyncPlan> plan = PlanPlugins(
      "[hooks]\nh = \"hooks/h.json\"\nh2 = \"hooks/h.json\"\n"
      "[plugins.p]\nfrom = \"src\"\nentries = [\"*\"]\n");
  ASSERT_TRUE(plan) << Messages();
  json hooks = json::parse(File(*plan, "hooks/hooks.json")->bytes);
  ASSERT_EQ(hooks["hooks"]["Stop"][0]["hooks"].size(), 1u);
  EXPECT_EQ(hooks["hooks"]["Stop"][0]["hooks"][0]["command"],
            "bash \"${CLAUDE_PLUGIN_ROOT}/run.sh\"");
  EXPECT_EQ(Messages().find("warning"), std::string::npos) << Messages();
}

TEST_F(PluginPlanTest, AMarketplaceAtTheManifestsFolderIsNotItsOwnSource) {
  fs_.Add("/w/agents/a.md", kAgent);
  // What the first sync wrote, found again by the second one's pattern.
  fs_.Add("/w/plugins/p/agents/a.md", kAgent);
  std::optional<SyncPlan> plan = PlanPlugins(
      "[agents]\nall = \"**/*.md\"\n"
      "[marketplace]\nname = \"m\"\nowner = { name = \"M\" }\n"
      "[plugins.p]\nentries = [\"*\"]\n",
      ".");
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan),
            (std::vector<std::string>{".claude-plugin/marketplace.json",
                                      "plugins/p/.claude-plugin/plugin.json",
                                      "plugins/p/agents/a.md"}));
}

TEST_F(PluginPlanTest, ABrokenProjectFileIsAnErrorInMappingMode) {
  fs_.Add("/w/agpm.toml", "[plugins.p]\nversion = \"1\"\n[project\n");
  fs_.Add("/w/src/agents/a.md", kAgent);
  SyncRequest request;
  request.from = "src";
  request.to = "out";
  request.plugin_layout = true;
  EXPECT_FALSE(PlanSync(fs_, request, sink_));
  EXPECT_NE(Messages().find("agpm.toml:3:"), std::string::npos) << Messages();
}

TEST_F(PluginPlanTest, MappingModeTakesTheProjectFilesOneTable) {
  fs_.Add("/w/agpm.toml", "[plugins.solo]\nversion = \"0.1.0\"\n");
  fs_.Add("/w/src/agents/a.md", kAgent);
  fs_.Add("/w/src/.mcp.json", "{\"mcpServers\": {}}\n");
  fs_.Add("/w/src/notes/todo.md", "not rendered {{ x }}\n");
  SyncRequest request;
  request.from = "src";
  request.to = "out";
  request.plugin_layout = true;
  std::optional<SyncPlan> plan = PlanSync(fs_, request, sink_);
  ASSERT_TRUE(plan) << Messages();
  EXPECT_EQ(Paths(*plan),
            (std::vector<std::string>{".claude-plugin/plugin.json", ".mcp.json",
                                      "agents/a.md", "notes/todo.md"}));
  EXPECT_EQ(File(*plan, "notes/todo.md")->bytes, "not rendered {{ x }}\n");
  EXPECT_EQ(json::parse(File(*plan, ".claude-plugin/plugin.json")->bytes),
            json::parse(R"({"name": "solo", "version": "0.1.0"})"));
}

TEST(TomlSpellingTest, ReadsBackAsTheSameValue) {
  EXPECT_EQ(TomlSpelling(json("a\"b")), "\"a\\\"b\"");
  EXPECT_EQ(TomlSpelling(json(3)), "3");
  EXPECT_EQ(TomlSpelling(json(1.0)), "1.0");
  EXPECT_EQ(TomlSpelling(json(false)), "false");
  EXPECT_EQ(TomlSpelling(json::array({1, "x"})), "[1, \"x\"]");
  EXPECT_EQ(TomlSpelling(json{{"k", "v"}, {"a b", 1}}),
            "{\"a b\" = 1, k = \"v\"}");
  EXPECT_EQ(TomlSpelling(json::object()), "{}");
}

}  // namespace
}  // namespace agentgen
