// SPDX-License-Identifier: MIT
// `agentgen check --type plugin`: each rule with a valid and an invalid
// example, compared by the whole printed diagnostics; among them the
// mistakes users hit most (a manifest naming hooks/hooks.json, `agents` as a
// folder, wrong types and marketplace keys in plugin.json, symlinks leaving
// the plugin).
#include "validation/plugin_check.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"
#include "support/printed.h"
#include "validation/check.h"

namespace agentgen {
namespace {

const char kAgent[] =
    "---\nname: reviewer\ndescription: Reviews code\n---\nBody\n";
const char kManifestPath[] = "p/.claude-plugin/plugin.json";

class PluginCheckTest : public ::testing::Test {
 protected:
  // Runs `agentgen check --type <type> <source>`; the printed diagnostics.
  std::string Check(const std::string& type, const std::string& source,
                    bool werror = false) {
    CheckOptions options;
    options.sources = {source};
    options.settings.type = type;
    options.werror = werror;
    sink_ = DiagnosticSink();
    status_ = RunCheck(fs_, options, sink_);
    return Printed(sink_);
  }

  // A plugin `p` whose plugin.json is `manifest` (none when empty).
  std::string CheckPlugin(const std::string& manifest) {
    if (!manifest.empty()) fs_.Add(kManifestPath, manifest);
    fs_.Add("p/agents/reviewer.md", kAgent);
    return Check("plugin", "p");
  }

  // plugin.json `{"name": "p", <line>}`: a diagnostic on its line 2.
  std::string CheckKey(const std::string& line) {
    return CheckPlugin("{\"name\": \"p\",\n" + line + "\n}\n");
  }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
  int status_ = -1;
};

std::string Line2(int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return At(kManifestPath, 2, column, severity, message, line_text);
}

TEST_F(PluginCheckTest, PluginWithoutManifestTakesItsFolderName) {
  EXPECT_EQ(CheckPlugin(""), "");
  EXPECT_EQ(status_, 0);
}

TEST_F(PluginCheckTest, ValidManifest) {
  fs_.Add("p/more-hooks.json", "{\"hooks\": {}}");
  EXPECT_EQ(CheckPlugin(R"({
  "$schema": "https://json.schemastore.org/claude-code-plugin-manifest.json",
  "name": "code-review",
  "version": "1.2.0-beta.1",
  "description": "Reviews",
  "author": {"name": "A", "email": "a@example.com", "url": "https://a"},
  "keywords": ["review"],
  "homepage": "https://example.com",
  "license": "MIT",
  "agents": ["./agents/reviewer.md"],
  "commands": "./agents",
  "skills": "./agents",
  "hooks": ["./more-hooks.json", {"PreToolUse": []}],
  "mcpServers": {"github": {"command": "gh-mcp", "args": ["serve"]}},
  "defaultEnabled": false,
  "experimental": {"themes": "./agents"}
})"),
            "");
  EXPECT_EQ(status_, 0);
}

TEST_F(PluginCheckTest, ManifestName) {
  EXPECT_EQ(CheckPlugin("{\"description\": \"x\"}"),
            At(kManifestPath, 1, 1, "error",
               "plugin.json has no 'name' (a kebab-case string)",
               "{\"description\": \"x\"}"));
  EXPECT_EQ(status_, 1);
  EXPECT_EQ(CheckPlugin("{\"name\": \"Code_Review\"}"),
            At(kManifestPath, 1, 10, "warning",
               "name \"Code_Review\" is not kebab-case (lowercase letters, "
               "digits and '-'): Claude Code loads it, but claude.ai and "
               "Claude Desktop may not",
               "{\"name\": \"Code_Review\"}"));
  EXPECT_EQ(status_, 0);
  Check("plugin", "p", /*werror=*/true);
  EXPECT_EQ(status_, 1) << "--werror fails on the warning";
}

// The two matchers behind the name and version rules, over their edges.
TEST_F(PluginCheckTest, KebabCaseNamesAndSemanticVersions) {
  for (const char* name : {"a", "code-review", "x2-y3", "0"}) {
    EXPECT_EQ(CheckPlugin(std::string("{\"name\": \"") + name + "\"}"), "")
        << name;
  }
  for (const char* name : {"-a", "a-", "a--b", "A", "a_b", "a.b"}) {
    EXPECT_NE(CheckPlugin(std::string("{\"name\": \"") + name + "\"}")
                  .find("is not kebab-case"),
              std::string::npos)
        << name;
  }
  for (const char* version :
       {"0.0.0", "1.2.3", "10.20.30", "1.2.3-rc.1", "1.2.3+build.5",
        "1.2.3-beta-2+exp.sha.5114f85"}) {
    EXPECT_EQ(CheckKey(std::string("\"version\": \"") + version + "\""), "")
        << version;
  }
  for (const char* version : {"1.2", "1.2.3.4", "01.2.3", "1.02.3", "v1.2.3",
                              "1.2.3-", "1.2.3+", "1.2.3 ", "1.2.3-a_b", ""}) {
    EXPECT_NE(CheckKey(std::string("\"version\": \"") + version + "\"")
                  .find("is not a semantic version"),
              std::string::npos)
        << version;
  }
}

TEST_F(PluginCheckTest, WrongTypes) {
  EXPECT_EQ(
      CheckKey("\"author\": \"A <a@example.com>\""),
      Line2(1, "error",
            "'author' must be an object with a \"name\" (and optionally "
            "\"email\" and \"url\"); got the string \"A <a@example.com>\"",
            "\"author\": \"A <a@example.com>\""));
  EXPECT_EQ(CheckKey("\"keywords\": \"review\""),
            Line2(1, "error",
                  "'keywords' must be a list of strings; got the string "
                  "\"review\"",
                  "\"keywords\": \"review\""));
  EXPECT_EQ(
      CheckKey("\"version\": 2"),
      Line2(1, "error", "'version' must be a string; got 2", "\"version\": 2"));
  EXPECT_EQ(CheckKey("\"version\": \"1.0\""),
            Line2(12, "warning",
                  "'version' \"1.0\" is not a semantic version "
                  "(MAJOR.MINOR.PATCH), which Claude Code expects to tell "
                  "updates apart",
                  "\"version\": \"1.0\""));
}

TEST_F(PluginCheckTest, MarketplaceKeysAndUnknownKeys) {
  EXPECT_EQ(CheckKey("\"category\": \"dev\""),
            Line2(1, "error",
                  "'category' is a key of a plugin's marketplace entry: in "
                  "plugin.json it makes the plugin fail to load; move it to "
                  "the entry in marketplace.json",
                  "\"category\": \"dev\""));
  EXPECT_EQ(CheckKey("\"homepag\": \"https://x\""),
            Line2(1, "warning",
                  "unknown key 'homepag' in plugin.json: Claude Code ignores "
                  "it; did you mean 'homepage'?",
                  "\"homepag\": \"https://x\""));
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_EQ(sink_.diagnostics()[0].replacement, "\"homepage\"");
}

TEST_F(PluginCheckTest, Paths) {
  EXPECT_EQ(CheckKey("\"commands\": \"commands\""),
            Line2(13, "error",
                  "'commands' path \"commands\" must start with './' "
                  "(relative to the plugin folder)",
                  "\"commands\": \"commands\""));
  EXPECT_EQ(CheckKey("\"commands\": \"/opt/commands\""),
            Line2(13, "error",
                  "'commands' path \"/opt/commands\" is absolute: only the "
                  "plugin folder is installed, so write it relative to the "
                  "plugin, starting with './'",
                  "\"commands\": \"/opt/commands\""));
  EXPECT_EQ(CheckKey("\"commands\": \"./../shared\""),
            Line2(13, "error",
                  "'commands' path \"./../shared\" leaves the plugin folder: "
                  "only that folder is installed, so the path breaks after "
                  "install",
                  "\"commands\": \"./../shared\""));
  EXPECT_EQ(CheckKey("\"commands\": \"./cmds\""),
            Line2(13, "error", "'commands' path \"./cmds\" does not exist in p",
                  "\"commands\": \"./cmds\""));
  EXPECT_EQ(CheckKey("\"commands\": 5"),
            Line2(1, "error",
                  "'commands' must be a path starting with './' or a list of "
                  "them; got 5",
                  "\"commands\": 5"));
}

TEST_F(PluginCheckTest, AgentsAsFolderSkillsAsFile) {
  EXPECT_EQ(CheckKey("\"agents\": \"./agents\""),
            Line2(11, "error",
                  "'agents' path \"./agents\" is a folder, but 'agents' takes "
                  "agent files (\"./agents/reviewer.md\"): list the files, or "
                  "leave 'agents' out to load agents/*.md",
                  "\"agents\": \"./agents\""));
  EXPECT_EQ(CheckKey("\"skills\": [\"./agents/reviewer.md\"]"),
            Line2(12, "error",
                  "'skills' path \"./agents/reviewer.md\" is a file, but "
                  "'skills' takes folders holding <name>/SKILL.md",
                  "\"skills\": [\"./agents/reviewer.md\"]"));
  EXPECT_EQ(CheckKey("\"skills\": \".\""), "") << "the plugin itself";
}

TEST_F(PluginCheckTest, ManifestNamingTheDefaultHooksFile) {
  fs_.Add("p/hooks/hooks.json", "{\"hooks\": {}}");
  EXPECT_EQ(CheckKey("\"hooks\": \"./hooks/hooks.json\""),
            Line2(10, "error",
                  "Duplicate hooks file: hooks/hooks.json is loaded by "
                  "default, and Claude Code refuses a manifest that names it "
                  "again; 'hooks' only lists additional hook files (remove "
                  "this entry)",
                  "\"hooks\": \"./hooks/hooks.json\""));
}

TEST_F(PluginCheckTest, ComponentFolderInsideClaudePlugin) {
  fs_.Add("p/.claude-plugin/skills/x/SKILL.md", "---\nname: x\n---\n");
  EXPECT_EQ(CheckPlugin("{\"name\": \"p\"}"),
            "p/.claude-plugin/skills: error: 'skills' belongs at the "
            "plugin's root, not in .claude-plugin/ (which holds plugin.json "
            "only): Claude Code does not look for it here\n");
}

TEST_F(PluginCheckTest, RootClaudeMd) {
  fs_.Add("p/CLAUDE.md", "# Notes\n");
  EXPECT_EQ(CheckPlugin(""),
            "p/CLAUDE.md: warning: a plugin's CLAUDE.md is not loaded: put "
            "instructions in a skill or an agent\n");
}

TEST_F(PluginCheckTest, HooksFile) {
  fs_.Add("p/hooks/hooks.json",
          "{\"description\": \"x\", \"hooks\": {\"PreToolUse\": [{\"hooks\": "
          "[{\"type\": \"command\", \"command\": \"./x.sh\"}]}]}}");
  EXPECT_EQ(CheckPlugin(""), "");
  fs_.Add("p/hooks/hooks.json", "{\"hooks\": {\"PreToolUze\": []}}");
  std::string printed = CheckPlugin("");
  EXPECT_NE(printed.find("p/hooks/hooks.json:1:12: error: "), std::string::npos)
      << printed;
  EXPECT_NE(printed.find("did you mean 'PreToolUse'?"), std::string::npos)
      << printed;
  fs_.Add("p/hooks/hooks.json", "{\"PreToolUse\": []}");
  EXPECT_EQ(CheckPlugin(""),
            At("p/hooks/hooks.json", 1, 1, "error",
               "a hooks file must hold {\"hooks\": {Event: [...]}}: there is "
               "no 'hooks' key",
               "{\"PreToolUse\": []}"));
  fs_.Add("p/hooks/hooks.json", "{\"hooks\": ");
  EXPECT_EQ(CheckPlugin("").substr(0, 52),
            "p/hooks/hooks.json:1:11: error: Invalid JSON syntax:");
}

TEST_F(PluginCheckTest, HooksAndServersTheManifestNames) {
  fs_.Add("p/extra/hooks.json", "{\"hooks\": {\"Stopp\": []}}");
  fs_.Add("p/extra/mcp.json", "{\"gh\": {\"command\": \"\"}}");
  std::string printed = CheckKey(
      "\"hooks\": [\"./extra/hooks.json\", {\"PreToolUze\": []}], "
      "\"mcpServers\": \"./extra/mcp.json\"");
  for (const char* expected :
       {"p/.claude-plugin/plugin.json:2:34: error: ",
        "did you mean 'PreToolUse'?", "p/extra/hooks.json:1:12: error: ",
        "did you mean 'Stop'?", "p/extra/mcp.json:1:9: error: "})
    EXPECT_NE(printed.find(expected), std::string::npos) << expected << "\n"
                                                         << printed;
}

TEST_F(PluginCheckTest, McpFileWrappedAndFlat) {
  fs_.Add(
      "p/.mcp.json",
      "{\"mcpServers\": {\"gh\": {\"command\": \"gh\", \"args\": [\"x\"]}}}");
  EXPECT_EQ(CheckPlugin(""), "");
  fs_.Add("p/.mcp.json",
          "{\"gh\": {\"type\": \"http\", \"url\": \"https://x\"}}");
  EXPECT_EQ(CheckPlugin(""), "");
  fs_.Add("p/.mcp.json", "{\"gh\": {\"command\": \"gh\", \"args\": \"x\"}}");
  EXPECT_EQ(CheckPlugin(""),
            At("p/.mcp.json", 1, 26, "error",
               "'args' must be a list of strings; got the string \"x\"",
               "{\"gh\": {\"command\": \"gh\", \"args\": \"x\"}}"));
  fs_.Add("p/.mcp.json", "{\"gh\": \"gh serve\"}");
  EXPECT_EQ(CheckPlugin(""),
            At("p/.mcp.json", 1, 2, "error",
               "the configuration of server 'gh' must be an object; got the "
               "string \"gh serve\"",
               "{\"gh\": \"gh serve\"}"));
}

TEST_F(PluginCheckTest, Symlinks) {
  fs_.Add("p/shared/style.md", "x");
  fs_.AddSymlink("p/skills/style.md", "../shared/style.md");
  EXPECT_EQ(CheckPlugin(""), "") << "a link within the plugin is kept";
  fs_.Add("common/style.md", "x");
  fs_.AddSymlink("p/shared/common.md", "../../common/style.md");
  EXPECT_EQ(CheckPlugin(""),
            "p/shared/common.md: error: symlink to \"../../common/style.md\" "
            "leaves the plugin folder: only the plugin is installed, so it "
            "breaks after install (copy the file in instead)\n");
}

TEST_F(PluginCheckTest, ComponentFiles) {
  fs_.Add(
      "p/agents/planner.md",
      "---\nname: planner\ndescription: Plans\npermissionMode: plan\n---\n");
  fs_.Add("p/commands/go.md", "---\ndescription: Go\nmodel: gpt-4\n---\n");
  fs_.Add("p/skills/pdf/SKILL.md", "---\nname: pdf\ntoolz: Read\n---\nBody\n");
  std::string printed = CheckPlugin("");
  EXPECT_NE(printed.find(At("p/agents/planner.md", 4, 1, "warning",
                            "'permissionMode' is ignored in a plugin agent: "
                            "Claude Code does not support it there (only in "
                            ".claude/agents/)",
                            "permissionMode: plan")),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find("p/commands/go.md:3:8: "), std::string::npos)
      << printed;
  EXPECT_NE(
      printed.find("p/skills/pdf/SKILL.md:3:1: warning: unknown key 'toolz'"),
      std::string::npos)
      << printed;
}

}  // namespace
}  // namespace agentgen
