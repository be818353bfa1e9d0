// SPDX-License-Identifier: MIT
// The whole pipeline (render, outputs, depfile, manifest) over an in-memory
// file system.
#include "command_line/render_command.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "command_line/command_line.h"
#include "command_line/mcp_command.h"
#include "command_line/render_command.h"
#include "context/content_filter.h"
#include "outputs/manifest.h"
#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

const char kAgent[] =
    "---\n"
    "name: a\n"
    "agpm:\n"
    "  templating: true\n"
    "dependencies:\n"
    "  snippets:\n"
    "    - name: base\n"
    "      path: ../snippets/base-rules.md\n"
    "---\n"
    "{{ agpm.deps.snippets.base.content }}\n"
    "{{ agpm.project.guide | content }}\n";

class RenderTest : public ::testing::Test {
 protected:
  int Run(const std::vector<std::string>& arguments,
          const std::string& trace = "") {
    ParsedCommandLine parsed = ParseCommandLine(arguments);
    EXPECT_TRUE(parsed.run) << parsed.err;
    if (!parsed.run) return -1;
    return RunRender(fs_, parsed.options, trace, sink_);
  }

  std::string Messages() const { return Printed(sink_); }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
};

// Ninja without CMake's depfile transformation matches the rule's target to
// the output as build.ninja spells it, so the target is written as given.
TEST_F(RenderTest, DepfileTargetIsWrittenAsGivenAndEscaped) {
  fs_.Add("a.md", "Plain\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "out/a.md", "--depfile", "out/a.d",
                 "--depfile-target", "agents/my a#1$.md"}),
            0)
      << Messages();
  EXPECT_EQ(fs_.Contents("out/a.d"), "agents/my\\ a\\#1$$.md: /w/a.md\n");
  EXPECT_EQ(fs_.Contents("out/a.md"), "Plain\n");
}

TEST_F(RenderTest, TheDepfileNamesExactlyTheFilesRead) {
  fs_.Add("agents/a.md", kAgent);
  fs_.Add(
      "snippets/base-rules.md",
      "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
      "    - path: leaf.md\n---\nBase {{ agpm.deps.snippets.leaf.content }}\n");
  fs_.Add("snippets/leaf.md", "Leaf\n");
  fs_.Add("agpm.toml", "[project]\nguide = \"docs/guide.md\"\n");
  fs_.Add("docs/guide.md", "---\ntitle: g\n---\nGuide\n");
  fs_.Add("docs/unused.md", "not read\n");

  ASSERT_EQ(Run({"render", "agents/a.md", "-o", "out/a.md", "--depfile",
                 "out/a.md.d", "--manifest", "out/a.json", "--root", "."}),
            0)
      << Messages();
  EXPECT_EQ(fs_.Contents("out/a.md"),
            "---\nname: a\nagpm:\n  templating: true\ndependencies:\n"
            "  snippets:\n    - name: base\n      path: "
            "../snippets/base-rules.md\n---\nBase Leaf\nGuide\n");
  EXPECT_EQ(fs_.Contents("out/a.md.d"),
            "/w/out/a.md: /w/agents/a.md \\\n"
            " /w/agpm.toml \\\n"
            " /w/snippets/base-rules.md \\\n"
            " /w/snippets/leaf.md \\\n"
            " /w/docs/guide.md\n");

  std::set<std::string> read(fs_.files_read().begin(), fs_.files_read().end());
  EXPECT_EQ(read,
            (std::set<std::string>{"/w/agents/a.md", "/w/agpm.toml",
                                   "/w/snippets/base-rules.md",
                                   "/w/snippets/leaf.md", "/w/docs/guide.md"}));

  nlohmann::json manifest = nlohmann::json::parse(fs_.Contents("out/a.json"));
  EXPECT_EQ(manifest["source"], "agents/a.md");
  EXPECT_EQ(manifest["dialect"], "agpm");
  EXPECT_EQ(manifest["root"], ".");
  EXPECT_EQ(manifest["output"], "out/a.md");
  ASSERT_EQ(manifest["inputs"].size(), 5u);
  EXPECT_EQ(manifest["inputs"][1]["role"], "project");
  EXPECT_EQ(manifest["inputs"][4]["path"], "docs/guide.md");
  EXPECT_EQ(manifest["inputs"][4]["role"], "content");
  EXPECT_EQ(manifest["dependencies"]["agents/a.md"][0],
            nlohmann::json::parse(R"({"category": "snippets",
                "keys": ["base_rules", "base"], "path": "snippets/base-rules.md",
                "declared_path": "../snippets/base-rules.md", "name": "base"})"));
  EXPECT_EQ(manifest["project"]["guide"], "docs/guide.md");
}

TEST_F(RenderTest, AMissingDependencyIsLocatedAtItsPath) {
  fs_.Add("agents/a.md",
          "---\ndependencies:\n  snippets:\n    - path: ../snippets/nope.md\n"
          "---\nx\n");
  EXPECT_EQ(Run({"render", "agents/a.md", "-o", "out/a.md", "--root", "."}), 1);
  EXPECT_EQ(Messages(),
            "agents/a.md:4:13: error: dependency '../snippets/nope.md' not "
            "found (no file 'snippets/nope.md')\n"
            "    - path: ../snippets/nope.md\n"
            "            ^\n");
  EXPECT_FALSE(fs_.Has("out/a.md"));
}

TEST_F(RenderTest, EveryIndependentErrorIsReported) {
  fs_.Add("agents/a.md",
          "---\ndependencies:\n  snippets:\n    - path: one.md\n"
          "    - path: two.md\n  tools:\n    - path: x.md\n---\nx\n");
  EXPECT_EQ(Run({"render", "agents/a.md", "-o", "out/a.md", "--root", "."}), 1);
  EXPECT_EQ(sink_.error_count(), 3) << Messages();
}

TEST_F(RenderTest, ACycleListsTheChain) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - path: b.md\n---\n");
  fs_.Add("b.md", "---\ndependencies:\n  agents:\n    - path: a.md\n---\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "b.md:4:13: error: dependency cycle: a.md -> b.md -> a.md\n"
            "    - path: a.md\n"
            "            ^\n");
}

TEST_F(RenderTest, AFileDependingOnItselfIsACycle) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - path: ./a.md\n---\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:4:13: error: dependency cycle: a.md -> a.md\n"
            "    - path: ./a.md\n"
            "            ^\n");
}

TEST_F(RenderTest, ADiamondReadsTheSharedFileOnce) {
  fs_.Add(
      "a.md",
      "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
      "    - path: b.md\n    - path: c.md\n---\n"
      "{{ agpm.deps.snippets.b.content }}{{ agpm.deps.snippets.c.content }}\n");
  fs_.Add("b.md",
          "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
          "    - path: d.md\n---\nb{{ agpm.deps.snippets.d.content }}\n");
  fs_.Add("c.md",
          "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
          "    - path: d.md\n---\nc{{ agpm.deps.snippets.d.content }}\n");
  fs_.Add("d.md", "d\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 0) << Messages();
  EXPECT_EQ(
      std::count(fs_.files_read().begin(), fs_.files_read().end(), "/w/d.md"),
      1);
  std::string out = fs_.Contents("out/a.md");
  EXPECT_EQ(out.substr(out.rfind("---\n") + 4), "bdcd\n");
}

TEST_F(RenderTest, ACategoryThatIsAToolNameGetsAHint) {
  fs_.Add("a.md", "---\ndependencies:\n  opencode:\n    - path: s.md\n---\n");
  fs_.Add("s.md", "s\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:3:3: error: unknown dependency category 'opencode': "
            "'opencode' is a tool, but categories are resource types (agents, "
            "commands, snippets, hooks, mcp-servers, scripts, skills); set "
            "'tool: opencode' on an entry instead\n"
            "  opencode:\n"
            "  ^\n");
}

TEST_F(RenderTest, AnUnknownEntryFieldIsAnError) {
  fs_.Add("a.md",
          "---\ndependencies:\n  snippets:\n    - path: s.md\n      descr: x\n"
          "---\n");
  fs_.Add("s.md", "s\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:5:7: error: unknown field 'descr' in a dependency entry "
            "(expected path, name, version, tool, install or flatten)\n"
            "      descr: x\n"
            "      ^\n");
}

TEST_F(RenderTest, AnEntryWithoutAPathIsAnError) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - name: s\n---\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:4:7: error: dependency entry has no 'path:'\n"
            "    - name: s\n"
            "      ^\n");
}

TEST_F(RenderTest, TwoFilesClaimingOneKeyIsAnError) {
  fs_.Add("a.md",
          "---\ndependencies:\n  snippets:\n    - path: x/utils.md\n"
          "    - path: y/utils.md\n---\n");
  fs_.Add("x/utils.md", "x\n");
  fs_.Add("y/utils.md", "y\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:5:13: error: dependency key 'utils' in 'snippets' is claimed "
            "by both 'x/utils.md' and 'y/utils.md'\n"
            "    - path: y/utils.md\n"
            "            ^\n");
}

TEST_F(RenderTest, GlobsAbsolutePathsAndBackslashesAreRefused) {
  fs_.Add("a.md",
          "---\ndependencies:\n  snippets:\n    - path: s/*.md\n"
          "    - path: /etc/passwd.md\n    - path: s\\x.md\n---\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(
      Messages(),
      "a.md:4:13: error: glob patterns are not supported in dependency "
      "paths: 's/*.md'\n"
      "    - path: s/*.md\n"
      "            ^\n"
      "a.md:5:13: error: absolute dependency path '/etc/passwd.md' (write "
      "it relative to the file or to the root)\n"
      "    - path: /etc/passwd.md\n"
      "            ^\n"
      "a.md:6:13: error: dependency path 's\\x.md' contains '\\'; use '/' "
      "as the separator\n"
      "    - path: s\\x.md\n"
      "            ^\n");
}

TEST_F(RenderTest, ReadsStayInsideTheRoot) {
  fs_.Add("/w/repo/a.md",
          "---\ndependencies:\n  snippets:\n    - path: ../outside.md\n---\n");
  fs_.Add("/w/outside.md", "secret\n");
  EXPECT_EQ(Run({"render", "repo/a.md", "-o", "out/a.md", "--root", "repo"}),
            1);
  EXPECT_EQ(Messages(),
            "repo/a.md:4:13: error: dependency '../outside.md' lies outside "
            "the root 'repo' (pass --allow-outside-root to allow it)\n"
            "    - path: ../outside.md\n"
            "            ^\n");
  EXPECT_EQ(std::count(fs_.files_read().begin(), fs_.files_read().end(),
                       "/w/outside.md"),
            0);
}

TEST_F(RenderTest, ASymlinkOutOfTheRootIsRefused) {
  fs_.Add("/w/repo/a.md",
          "---\ndependencies:\n  snippets:\n    - path: link.md\n---\n");
  fs_.Add("/etc/secret.md", "secret\n");
  fs_.AddSymlink("/w/repo/link.md", "/etc/secret.md");
  EXPECT_EQ(Run({"render", "repo/a.md", "-o", "out/a.md", "--root", "repo"}),
            1);
  EXPECT_NE(Messages().find("lies outside the root"), std::string::npos);
  EXPECT_TRUE(std::find(fs_.files_read().begin(), fs_.files_read().end(),
                        "/w/repo/link.md") == fs_.files_read().end());
  sink_ = DiagnosticSink();
  EXPECT_EQ(Run({"render", "repo/a.md", "-o", "out/a.md", "--root", "repo",
                 "--allow-outside-root"}),
            0)
      << Messages();
}

TEST_F(RenderTest, TheContentFilterIsConfinedToTheProjectDirectory) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n"
          "{{ '../x.md' | content }}{{ 'run.sh' | content }}"
          "{{ 'missing.md' | content }}{{ 'docs' | content }}\n");
  fs_.AddDirectory("docs");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(sink_.error_count(), 4) << Messages();
  EXPECT_NE(Messages().find("content filter: 'docs' has no extension"),
            std::string::npos);
  EXPECT_NE(Messages().find("content filter: '../x.md' leaves the project "
                            "directory"),
            std::string::npos)
      << Messages();
  EXPECT_NE(Messages().find("content filter: 'run.sh' has extension '.sh'; "
                            "allowed are md, txt, json, toml, yaml and yml"),
            std::string::npos);
  EXPECT_NE(Messages().find("content filter: file 'missing.md' not found"),
            std::string::npos);
}

TEST_F(RenderTest, AJsonDependencyMayNotDeclareDependencies) {
  fs_.Add("a.md",
          "---\ndependencies:\n  mcp-servers:\n    - path: m.json\n---\n");
  fs_.Add("m.json",
          "{\n  \"dependencies\": {\"snippets\": [{\"path\": \"x.md\"}]}\n}\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "m.json:2:3: error: dependencies declared in a JSON file are not "
            "supported (only Markdown files may declare dependencies)\n"
            "  \"dependencies\": {\"snippets\": [{\"path\": \"x.md\"}]}\n"
            "  ^\n");
}

TEST_F(RenderTest, InvalidJsonIsLocatedInTheJsonFile) {
  fs_.Add("a.md",
          "---\ndependencies:\n  mcp-servers:\n    - path: m.json\n---\n");
  fs_.Add("m.json", "{\n  \"command\": npx\n}\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 1);
  std::string messages = Messages();
  EXPECT_EQ(messages.rfind("m.json:2:15: error: invalid JSON: syntax error", 0),
            0u)
      << messages;
}

TEST_F(RenderTest, AnOutputThatIsAnInputIsRefused) {
  fs_.Add("a.md", "plain\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "./a.md"}), 1);
  EXPECT_EQ(
      Messages(),
      "agentgen: error: output '/w/a.md' is one of the render's inputs\n");
  EXPECT_EQ(fs_.Contents("a.md"), "plain\n");
}

TEST_F(RenderTest, AFailedRenderChangesNothing) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n{{ agpm.project.x }}\n");
  fs_.Add("out/a.md", "OLD\n");
  fs_.Add("out/a.md.d", "old: dep\n");
  EXPECT_EQ(
      Run({"render", "a.md", "-o", "out/a.md", "--depfile", "out/a.md.d"}), 1);
  EXPECT_EQ(fs_.Contents("out/a.md"), "OLD\n");
  EXPECT_EQ(fs_.Contents("out/a.md.d"), "old: dep\n");
  EXPECT_TRUE(fs_.files_written().empty());
}

TEST_F(RenderTest, AFullDiskLeavesTheOldOutputsAndNoTemporaryFiles) {
  fs_.Add("a.md", "plain\n");
  fs_.Add("out/a.md", "OLD\n");
  fs_.AddDirectory("deps");
  fs_.FailWritesUnder("/w/deps");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md", "--depfile", "deps/a.d"}),
            1);
  EXPECT_EQ(fs_.Contents("out/a.md"), "OLD\n");
  EXPECT_FALSE(fs_.Has("deps/a.d"));
  EXPECT_EQ(fs_.staged_count(), 0u) << "a staged file was left behind";
}

TEST_F(RenderTest, WriteIfChangedLeavesAnUnchangedOutputAlone) {
  fs_.Add("a.md", "plain\n");
  fs_.Add("out/a.md", "plain\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "out/a.md", "--depfile", "out/a.d",
                 "--write-if-changed"}),
            0)
      << Messages();
  EXPECT_EQ(fs_.files_written(), std::vector<std::string>{"/w/out/a.d"});
  EXPECT_TRUE(fs_.Has("out/a.d"));
}

TEST_F(RenderTest, WithoutWriteIfChangedTheOutputIsAlwaysRewritten) {
  fs_.Add("a.md", "plain\n");
  fs_.Add("out/a.md", "plain\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "out/a.md"}), 0) << Messages();
  EXPECT_EQ(fs_.files_written().size(), 1u);
}

TEST_F(RenderTest, TheTraceGetsOneLinePerSourceSuccessOrFailure) {
  fs_.Add("a.md", "plain\n");
  fs_.Add("b.md", "---\nbroken\n");
  Run({"render", "a.md", "b.md", "--out-dir", "out"}, "trace.txt");
  EXPECT_EQ(fs_.Contents("trace.txt"), "a.md\nb.md\n");
  EXPECT_EQ(fs_.Contents("out/a.md"), "plain\n");
}

TEST_F(RenderTest, OutDirKeepsRootRelativePaths) {
  fs_.Add("agents/x/a.md", "A\n");
  fs_.Add("agents/b.md", "B\n");
  ASSERT_EQ(
      Run({"render", "agents/x/a.md", "agents/b.md", "--out-dir", "out",
           "--depfile-dir", "deps", "--manifest-dir", "m", "--root", "."}),
      0)
      << Messages();
  EXPECT_EQ(fs_.Contents("out/agents/x/a.md"), "A\n");
  EXPECT_EQ(fs_.Contents("deps/agents/b.md.d"),
            "/w/out/agents/b.md: /w/agents/b.md\n");
  EXPECT_TRUE(fs_.Has("m/agents/x/a.md.manifest.json"));
}

TEST_F(RenderTest, TheRootDefaultsToTheGitWorkTree) {
  fs_.AddDirectory("/w/repo/.git");
  fs_.Add("/w/repo/agents/a.md",
          "---\nagpm:\n  templating: true\n---\n{{ agpm.resource.name }}\n");
  fs_.Add("/w/repo/agpm.toml", "[project]\n");
  ASSERT_EQ(Run({"render", "repo/agents/a.md", "-o", "out/a.md", "--manifest",
                 "out/a.json"}),
            0)
      << Messages();
  EXPECT_EQ(fs_.Contents("out/a.md"),
            "---\nagpm:\n  templating: true\n---\nagents/a\n");
  nlohmann::json manifest = nlohmann::json::parse(fs_.Contents("out/a.json"));
  EXPECT_EQ(manifest["root"], "/w/repo");
  EXPECT_EQ(manifest["inputs"][1]["path"], "agpm.toml");
}

TEST_F(RenderTest, AMissingSourceNamesNoFile) {
  EXPECT_EQ(Run({"render", "nope.md", "-o", "out/a.md"}), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: cannot read 'nope.md': no such file\n");
}

TEST_F(RenderTest, AMissingProjectFileNamesNoFile) {
  fs_.Add("a.md", "x\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md", "--project-file", "p.toml"}),
            1);
  EXPECT_EQ(Messages(),
            "agentgen: error: cannot read project file 'p.toml': no such "
            "file\n");
}

TEST_F(RenderTest, TheResourceObjectDescribesTheSource) {
  fs_.Add("agents/a.md",
          "---\nagpm:\n  templating: true\n---\n"
          "{{ agpm.resource.name }}|{{ agpm.resource.path }}|"
          "{{ agpm.resource.type }}|{{ agpm.resource.install_path }}|"
          "{{ agpm.resource.version }}|{{ agpm.resource.checksum }}\n");
  ASSERT_EQ(Run({"render", "agents/a.md", "-o", "o/a.md", "--root", ".",
                 "--type", "command"}),
            0)
      << Messages();
  std::string out = fs_.Contents("o/a.md");
  // The install path is the layout's (claude-code flattens commands), not
  // the output's.
  EXPECT_EQ(out.substr(out.rfind("---\n") + 4, 64),
            "agents/a|agents/a.md|command|.claude/commands/agpm/a.md||sha256:");
}

// As in AGPM, `agpm.deps` holds only the categories that have a dependency.
TEST_F(RenderTest, CategoriesWithoutDependenciesAreAbsent) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
          "    - path: s.md\n  commands:\n    - path: c.md\n---\n"
          "{% for k, v in agpm.deps %}{{ k }};{% endfor %}"
          "{% if agpm.deps.agents %}agents{% else %}none{% endif %}\n");
  fs_.Add("s.md", "S\n");
  fs_.Add("c.md", "C\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "o.md"}), 0) << Messages();
  std::string out = fs_.Contents("o.md");
  EXPECT_EQ(out.substr(out.rfind("---\n") + 4), "commands;snippets;none\n");
}

TEST_F(RenderTest, ToolAndInstallPathOptionsSetTheInstallPath) {
  fs_.Add("snippets/rust/a.md",
          "---\nagpm:\n  templating: true\n---\n"
          "{{ agpm.resource.install_path }}\n");
  auto rendered = [this](std::vector<std::string> extra) {
    std::vector<std::string> arguments = {"render", "snippets/rust/a.md",
                                          "-o",     "o.md",
                                          "--type", "snippet",
                                          "--root", "."};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    sink_ = DiagnosticSink();
    if (Run(arguments) != 0) return Messages();
    std::string out = fs_.Contents("o.md");
    return out.substr(out.rfind("---\n") + 4);
  };
  EXPECT_EQ(rendered({}), ".agpm/snippets/rust/a.md\n");
  EXPECT_EQ(rendered({"--tool", "claude-code"}),
            ".claude/snippets/agpm/rust/a.md\n");
  // `snippets` is no component of `.opencode/snippet/agpm`: it stays.
  EXPECT_EQ(rendered({"--tool", "opencode"}),
            ".opencode/snippet/agpm/snippets/rust/a.md\n");
  EXPECT_EQ(rendered({"--install-path", "x/y.md"}), "x/y.md\n");
}

TEST_F(RenderTest, AToolWithoutAPlaceForTheTypeIsAnInputError) {
  fs_.Add("a.md", "plain\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md", "--tool", "agpm"}), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: --tool: tool 'agpm' has no place for agents in "
            "the layout (AGPM refuses to install agents for it)\n");
  sink_ = DiagnosticSink();
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md", "--tool", "cursor"}), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: --tool: tool 'cursor' is not in the layout "
            "(tools: agpm, claude-code, opencode)\n");
  // --check could compare nothing: 3.
  EXPECT_EQ(
      Run({"render", "a.md", "-o", "o.md", "--tool", "cursor", "--check"}), 3);
}

TEST_F(RenderTest, NearMissSwitchesWarn) {
  fs_.Add("a.md", "---\nagpm:\n  templating: yes\n---\n{{ x }}\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md"}), 0);
  EXPECT_EQ(Messages(),
            "a.md:3:15: warning: 'templating: yes' does not switch templating "
            "on; only a plain YAML boolean 'true' does\n"
            "  templating: yes\n"
            "              ^\n");
  EXPECT_EQ(fs_.Contents("o.md"),
            "---\nagpm:\n  templating: yes\n---\n{{ x }}\n");
}

TEST_F(RenderTest, AnUnknownMustacheSwitchValueIsAnError) {
  fs_.Add("a.md", "---\nagentgen:\n  templating: jinja\n---\nx\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:3:15: error: 'agentgen: templating:' must be 'mustache', not "
            "'jinja'\n"
            "  templating: jinja\n"
            "              ^\n");
}

TEST_F(RenderTest, BothSwitchesIsAnError) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\nagentgen:\n  templating: mustache\n"
          "---\nx\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md"}), 1);
  EXPECT_EQ(Messages(),
            "a.md:5:15: error: both 'agpm: templating: true' and 'agentgen: "
            "templating: mustache' are set; choose one dialect\n"
            "  templating: mustache\n"
            "              ^\n");
}

TEST_F(RenderTest, TheFrontmatterPrePassResolvesTemplatedPaths) {
  fs_.Add("a.md",
          "---\ndependencies:\n  snippets:\n"
          "{% if agpm.project.extra %}\n    - path: extra.md\n{% endif %}\n"
          "    - path: '{{ agpm.project.lang }}.md'\n---\n");
  fs_.Add("go.md", "go\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "o.md", "--manifest", "m.json", "-D",
                 "lang=go"}),
            0)
      << Messages();
  nlohmann::json manifest = nlohmann::json::parse(fs_.Contents("m.json"));
  ASSERT_EQ(manifest["inputs"].size(), 2u);
  EXPECT_EQ(manifest["inputs"][1]["path"], "go.md");
}

TEST_F(RenderTest, YamlErrorsAfterThePrePassPointIntoTheSource) {
  fs_.Add("a.md",
          "---\nname: {{ agpm.project.lang }}\ndescription: one\n"
          "description: two\n---\n");
  EXPECT_EQ(Run({"render", "a.md", "-o", "o.md", "-D", "lang=go"}), 1);
  std::string messages = Messages();
  EXPECT_EQ(messages.rfind("a.md:4:1: error: duplicate key 'description'", 0),
            0u)
      << messages;
}

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

// Every remaining diagnostic of the pipeline, compared as a whole.
class RenderMessageTest : public RenderTest {
 protected:
  std::string MessagesOf(const std::vector<std::string>& arguments) {
    EXPECT_EQ(Run(arguments), 1);
    return Messages();
  }
};

TEST_F(RenderMessageTest, ARootThatIsNotAFolder) {
  fs_.Add("a.md", "x\n");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md", "--root", "nope"}),
            "agentgen: error: root 'nope' is not a folder\n");
}

TEST_F(RenderMessageTest, ASourceOutsideTheRoot) {
  fs_.Add("a.md", "x\n");
  fs_.AddDirectory("r");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md", "--root", "r"}),
            "agentgen: error: 'a.md' lies outside the root 'r' (pass "
            "--allow-outside-root to allow it)\n");
}

TEST_F(RenderMessageTest, AProjectFileOutsideTheRoot) {
  fs_.Add("r/a.md", "x\n");
  fs_.Add("p.toml", "[project]\n");
  EXPECT_EQ(MessagesOf({"render", "r/a.md", "-o", "o.md", "--root", "r",
                        "--project-file", "p.toml"}),
            "agentgen: error: project file 'p.toml' lies outside the root 'r' "
            "(pass --allow-outside-root to allow it)\n");
}

TEST_F(RenderMessageTest, ASourceThatIsAFolder) {
  fs_.AddDirectory("d.md");
  EXPECT_EQ(MessagesOf({"render", "d.md", "-o", "o.md"}),
            "agentgen: error: cannot read 'd.md': not a regular file\n");
}

TEST_F(RenderMessageTest, ADependencyThatIsAFolder) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - path: d.md\n---\n");
  fs_.AddDirectory("d.md");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "a.md:4:13: error: dependency 'd.md' is a folder, not a file\n"
            "    - path: d.md\n"
            "            ^\n");
}

TEST_F(RenderMessageTest, MalformedDependencySections) {
  fs_.Add("a.md",
          "---\ndependencies:\n  snippets: x.md\n  agents:\n    - just-a-path\n"
          "  hooks:\n    - path: ''\n---\n");
  EXPECT_EQ(
      MessagesOf({"render", "a.md", "-o", "o.md"}),
      "a.md:3:13: error: 'snippets' must be a list of dependency entries\n"
      "  snippets: x.md\n"
      "            ^\n"
      "a.md:5:7: error: a dependency entry must be a mapping with a "
      "'path:'\n"
      "    - just-a-path\n"
      "      ^\n"
      "a.md:7:13: error: 'path' must be a non-empty string\n"
      "    - path: ''\n"
      "            ^\n");
}

TEST_F(RenderMessageTest, DependenciesThatAreNotAMapping) {
  fs_.Add("a.md", "---\ndependencies:\n  - path: x.md\n---\n");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "a.md:3:3: error: 'dependencies' must map categories to lists of "
            "entries\n"
            "  - path: x.md\n"
            "  ^\n");
}

TEST_F(RenderMessageTest, AnUnknownCategory) {
  fs_.Add("a.md", "---\ndependencies:\n  snipets: []\n---\n");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "a.md:3:3: error: unknown dependency category 'snipets' (expected "
            "one of agents, commands, snippets, hooks, mcp-servers, scripts, "
            "skills)\n"
            "  snipets: []\n"
            "  ^\n");
}

TEST_F(RenderMessageTest, APathADepfileCannotHold) {
  fs_.Add("a b\\c.md", "x\n");
  EXPECT_EQ(
      MessagesOf({"render", "a b\\c.md", "-o", "o.md", "--depfile", "o.d"}),
      "agentgen: error: path '/w/a b\\c.md' cannot be written to a "
      "depfile (it holds a newline or a backslash)\n");
  EXPECT_FALSE(fs_.Has("o.md"));
}

TEST_F(RenderMessageTest, DuplicateJsonKeysAreErrors) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n{{ 'c.json' | content }}\n");
  fs_.Add("c.json", "{\"a\": 1, \"a\": 2}");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "c.json:1:10: error: duplicate key \"a\" (JSON readers keep one "
            "of the values silently, AGPM the last) (read by the content "
            "filter)\n"
            "{\"a\": 1, \"a\": 2}\n"
            "         ^\n");
  sink_ = DiagnosticSink();
  fs_.Add("b.md",
          "---\ndependencies:\n  mcp-servers:\n    - path: m.json\n---\nb\n");
  fs_.Add("m.json", "{\"command\": \"x\",\n \"command\": \"y\"}");
  EXPECT_EQ(MessagesOf({"render", "b.md", "-o", "o.md"}),
            "m.json:2:2: error: duplicate key \"command\" (JSON readers keep "
            "one of the values silently, AGPM the last)\n"
            " \"command\": \"y\"}\n"
            " ^\n");
}

// A templated dependency that fails is an error under an untemplated file
// too (AGPM would silently write the file unrendered).
TEST_F(RenderMessageTest, ADependencyErrorUnderAnUntemplatedFile) {
  fs_.Add("a.md",
          "---\nname: a\ndependencies:\n  snippets:\n    - path: s.md\n"
          "---\nBody\n");
  fs_.Add("s.md", "---\nagpm:\n  templating: true\n---\n{{ nope }}\n");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "s.md:5:4: error: undefined name 'nope'\n"
            "{{ nope }}\n"
            "   ^\n");
  EXPECT_FALSE(fs_.Has("o.md"));
}

TEST_F(RenderTest, TheContentFilterEmbedsAMarkdownFileWithoutYamlWhole) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n{{ 'doc.md' | content }}|\n");
  fs_.Add("doc.md", "---\nd: {x\n---\n\nText\n");
  ASSERT_EQ(Run({"render", "a.md", "-o", "o.md"}), 0) << Messages();
  EXPECT_EQ(
      fs_.Contents("o.md"),
      "---\nagpm:\n  templating: true\n---\n---\nd: {x\n---\n\nText\n|\n");
  EXPECT_EQ(Messages(),
            "doc.md:3:1: warning: end of map flow not found: the frontmatter "
            "is not valid YAML, so the content filter embeds the whole file, "
            "frontmatter included (as AGPM does)\n"
            "---\n"
            "^\n");
}

TEST_F(RenderMessageTest, ContentFilterMessages) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n"
          "{{ '/etc/x.md' | content }}\n{{ 'big.txt' | content }}\n"
          "{{ 'dir.md' | content }}\n");
  fs_.Add("big.txt", std::string(kMaxContentFileSize + 1, 'x'));
  fs_.AddDirectory("dir.md");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "a.md:5:4: error: content filter: absolute path '/etc/x.md' is not "
            "allowed (paths are relative to the project directory)\n"
            "{{ '/etc/x.md' | content }}\n"
            "   ^\n"
            "a.md:6:4: error: content filter: 'big.txt' is too large (1048577 "
            "bytes; the limit is 1048576)\n"
            "{{ 'big.txt' | content }}\n"
            "   ^\n"
            "a.md:7:4: error: content filter: 'dir.md' is not a regular file\n"
            "{{ 'dir.md' | content }}\n"
            "   ^\n");
}

TEST_F(RenderMessageTest, ContentThroughASymlinkOutOfTheProject) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n{{ 'l.md' | content }}\n");
  fs_.Add("/etc/s.md", "secret\n");
  fs_.AddSymlink("l.md", "/etc/s.md");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "a.md:5:4: error: content filter: 'l.md' leaves the project "
            "directory through a symlink\n"
            "{{ 'l.md' | content }}\n"
            "   ^\n");
  EXPECT_TRUE(std::find(fs_.files_read().begin(), fs_.files_read().end(),
                        "/w/l.md") == fs_.files_read().end());
}

TEST_F(RenderMessageTest, InvalidJsonReadByTheContentFilter) {
  fs_.Add("a.md",
          "---\nagpm:\n  templating: true\n---\n{{ 'c.json' | content }}\n");
  fs_.Add("c.json", "{\"a\": }\n");
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "c.json:1:7: error: invalid JSON: syntax error while parsing "
            "value - unexpected '}'; expected '[', '{', or a literal (read by "
            "the content filter)\n"
            "{\"a\": }\n"
            "      ^\n");
}

TEST_F(RenderMessageTest, BadBytesInADependency) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - path: s.md\n---\n");
  fs_.Add("s.md", std::string("ok\nbad \0 byte\n", 14));
  EXPECT_EQ(MessagesOf({"render", "a.md", "-o", "o.md"}),
            "s.md:2:5: error: NUL byte in input\n"
            "bad ? byte\n"
            "    ^\n");
}

TEST_F(RenderTest, RenderCheckWritesNothing) {
  fs_.Add("agents/a.md", "plain\n");
  fs_.Add("out/a.md", "plain\n");
  std::string out;
  ParsedCommandLine parsed = ParseCommandLine(
      {"render", "agents/a.md", "-o", "out/a.md", "--check", "--root", "."});
  ASSERT_TRUE(parsed.run);
  EXPECT_EQ(RunRender(fs_, parsed.options, "", sink_, &out), 0);
  EXPECT_EQ(out, "");
  EXPECT_TRUE(fs_.files_written().empty());
}

// `-o -`: the text goes to `out` once the manifest is in place; no file
// named '-' appears.
TEST_F(RenderTest, DashWritesTheTextToStandardOutputOnly) {
  fs_.Add("a.md", "plain\n");
  ParsedCommandLine parsed =
      ParseCommandLine({"render", "a.md", "-o", "-", "--manifest", "m.json"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  std::string out;
  ASSERT_EQ(RunRender(fs_, parsed.options, "", sink_, &out), 0) << Messages();
  EXPECT_EQ(out, "plain\n");
  EXPECT_EQ(fs_.files_written(), std::vector<std::string>{"/w/m.json"});
  EXPECT_NE(fs_.Contents("m.json").find("\"output\": \"-\""),
            std::string::npos);
  EXPECT_FALSE(fs_.Has("-"));
}

TEST_F(RenderTest, DashPrintsNothingOnError) {
  fs_.Add("a.md", "---\nagpm:\n  templating: true\n---\n{{ nope }}\n");
  fs_.Add("ok.md", "plain\n");
  fs_.AddDirectory("m.json");  // the manifest cannot be written
  std::string out;
  ParsedCommandLine broken = ParseCommandLine({"render", "a.md", "-o", "-"});
  EXPECT_EQ(RunRender(fs_, broken.options, "", sink_, &out), 1);
  ParsedCommandLine unwritable =
      ParseCommandLine({"render", "ok.md", "-o", "-", "--manifest", "m.json"});
  EXPECT_EQ(RunRender(fs_, unwritable.options, "", sink_, &out), 1);
  EXPECT_EQ(out, "");
}

// An output reached through a symlink is compared by real path with the
// inputs, and refused before anything is written.
TEST_F(RenderTest, AnOutputLinkedToAnInputIsRefused) {
  fs_.Add("a.md", "---\ndependencies:\n  snippets:\n    - path: s.md\n---\n");
  fs_.Add("s.md", "snippet\n");
  fs_.AddSymlink("out/s.md", "../s.md");
  EXPECT_EQ(Run({"render", "a.md", "-o", "out/a.md", "--manifest", "out/s.md"}),
            1);
  EXPECT_EQ(
      Messages(),
      "agentgen: error: output '/w/out/s.md' is one of the render's inputs\n");
  EXPECT_EQ(fs_.Contents("s.md"), "snippet\n");
  EXPECT_TRUE(fs_.files_written().empty());
}

// --check never reads a device or FIFO (reading a FIFO blocks): it counts as
// different.
TEST_F(RenderTest, RenderCheckReportsAFifoAsDifferentWithoutReadingIt) {
  fs_.Add("a.md", "plain\n");
  fs_.AddSpecial("out/pipe", FileSystem::EntryKind::kFifo);
  ParsedCommandLine parsed =
      ParseCommandLine({"render", "a.md", "-o", "out/pipe", "--check"});
  std::string out;
  EXPECT_EQ(RunRender(fs_, parsed.options, "", sink_, &out), 1);
  EXPECT_EQ(Messages(),
            "agentgen: error: 'out/pipe' is a device or FIFO, which --check "
            "does not read; it counts as different\n");
  EXPECT_EQ(std::count(fs_.files_read().begin(), fs_.files_read().end(),
                       "/w/out/pipe"),
            0);
  EXPECT_TRUE(fs_.files_written().empty());
}

TEST_F(RenderTest, RenderCheckComparesThroughALinkAndRefusesAFolder) {
  fs_.Add("a.md", "plain\n");
  fs_.Add("t/a.md", "plain\n");
  fs_.AddSymlink("out/a.md", "../t/a.md");
  fs_.AddDirectory("out/dir");
  ParsedCommandLine linked =
      ParseCommandLine({"render", "a.md", "-o", "out/a.md", "--check"});
  EXPECT_EQ(RunRender(fs_, linked.options, "", sink_), 0) << Messages();
  ParsedCommandLine folder =
      ParseCommandLine({"render", "a.md", "-o", "out/dir", "--check"});
  // Nothing could be compared: an input error, 3.
  EXPECT_EQ(RunRender(fs_, folder.options, "", sink_), 3);
  EXPECT_EQ(Messages(),
            "agentgen: error: cannot write '/w/out/dir': it is a folder\n");
}

TEST_F(RenderTest, WriteIfChangedWritesAFifoWithoutReadingIt) {
  fs_.Add("a.md", "plain\n");
  fs_.AddSpecial("pipe", FileSystem::EntryKind::kFifo);
  ASSERT_EQ(Run({"render", "a.md", "-o", "pipe", "--write-if-changed"}), 0)
      << Messages();
  EXPECT_EQ(fs_.WritesInPlace("pipe"), std::vector<std::string>{"plain\n"});
  EXPECT_EQ(fs_.files_read(), std::vector<std::string>{"/w/a.md"});
}

}  // namespace
}  // namespace agentgen
