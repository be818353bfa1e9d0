// SPDX-License-Identifier: MIT
// The plugin layout's tables and generated files (docs/plugins.md): what a
// table may hold and where a mistake is reported, the key order of the
// JSON written, the agent keys a plugin drops, and script paths rewritten
// to ${CLAUDE_PLUGIN_ROOT}.
#include "sync/plugin_layout.h"

#include <gtest/gtest.h>

#include "support/printed.h"

namespace agentgen {
namespace {

using nlohmann::json;

class PluginTablesTest : public ::testing::Test {
 protected:
  std::optional<PluginTables> Read(const std::string& text) {
    sink_ = DiagnosticSink();
    return ReadPluginTables(text, "agpm.toml", sink_);
  }
  std::string Messages() const { return Printed(sink_); }
  DiagnosticSink sink_;
};

TEST_F(PluginTablesTest, FieldsKeepTheOrderTheTableWritesThem) {
  std::optional<PluginTables> tables = Read(R"(
[plugins.review]
version = "1.0.0"
description = "Review"
author = { name = "Acme", email = "a@acme.test" }
category = "development"
keywords = ["a", "b"]
from = "src"
entries = ["agents.*"]
)");
  ASSERT_TRUE(tables) << Messages();
  ASSERT_EQ(tables->plugins.size(), 1u);
  const PluginTable& plugin = tables->plugins[0];
  EXPECT_EQ(plugin.name, "review");
  EXPECT_EQ(plugin.from, "src");
  ASSERT_EQ(plugin.entries.size(), 1u);
  EXPECT_EQ(plugin.entries[0].first, "agents.*");
  EXPECT_EQ(PluginJsonText(plugin),
            "{\n"
            "  \"name\": \"review\",\n"
            "  \"version\": \"1.0.0\",\n"
            "  \"description\": \"Review\",\n"
            "  \"author\": {\n"
            "    \"name\": \"Acme\",\n"
            "    \"email\": \"a@acme.test\"\n"
            "  },\n"
            "  \"keywords\": [\n"
            "    \"a\",\n"
            "    \"b\"\n"
            "  ]\n"
            "}\n");
  EXPECT_FALSE(tables->marketplace);
}

TEST_F(PluginTablesTest, TheMarketplaceListsEachPluginWithOneVersion) {
  std::optional<PluginTables> tables = Read(R"(
[marketplace]
name = "acme"
owner = { name = "Acme" }

[plugins.beta]
description = "B"
homepage = "https://acme.test"
tags = ["x"]

[plugins.alpha]
description = "A"
version = "2.1.0"
displayName = "Alpha"
category = "tools"
)");
  ASSERT_TRUE(tables) << Messages();
  json written =
      json::parse(MarketplaceJsonText(*tables->marketplace, tables->plugins));
  ASSERT_EQ(written["plugins"].size(), 2u);
  EXPECT_EQ(written["plugins"][0],
            json::parse(R"({"name": "alpha", "description": "A",
                "version": "2.1.0", "source": "./plugins/alpha",
                "category": "tools"})"));
  EXPECT_EQ(written["plugins"][1]["source"], "./plugins/beta");
  EXPECT_EQ(written["plugins"][1]["tags"], json::array({"x"}));
  // The version is the plugin's in both files; displayName only in its own.
  EXPECT_EQ(json::parse(PluginJsonText(tables->plugins[0]))["version"],
            "2.1.0");
  EXPECT_EQ(json::parse(PluginJsonText(tables->plugins[0]))["displayName"],
            "Alpha");
  // `plugins` comes after the table's own keys.
  std::string text = MarketplaceJsonText(*tables->marketplace, tables->plugins);
  EXPECT_LT(text.find("\"owner\""), text.find("\"plugins\""));
}

TEST_F(PluginTablesTest, MistakesAreErrorsAtTheirKeyOrValue) {
  EXPECT_FALSE(Read("[plugins.Review]\n"));
  EXPECT_NE(Messages().find("agpm.toml:1:10: error: the plugin name 'Review' "
                            "is not kebab-case"),
            std::string::npos)
      << Messages();

  EXPECT_FALSE(Read("[plugins.r]\nauthor = \"Acme\"\n"));
  EXPECT_NE(Messages().find("agpm.toml:2:10: error: 'author' of [plugins.r] "
                            "must be a table with a string 'name'"),
            std::string::npos)
      << Messages();

  EXPECT_FALSE(Read("[plugins.r]\nkeywords = \"a, b\"\n"));
  EXPECT_NE(Messages().find("must be a list of strings"), std::string::npos);

  EXPECT_FALSE(Read("[plugins.r]\nagents = \"./agents/\"\n"));
  EXPECT_NE(Messages().find("'agents' is a path override"), std::string::npos);

  EXPECT_FALSE(Read("[plugins.r]\nstrict = false\n"));
  EXPECT_NE(Messages().find("'strict' is not set"), std::string::npos);

  EXPECT_FALSE(Read("[plugins.r]\ndescripton = \"x\"\n"));
  EXPECT_NE(Messages().find("agpm.toml:2:1: error: 'descripton' is not a key "
                            "of [plugins.r]; did you mean 'description'?"),
            std::string::npos)
      << Messages();

  EXPECT_FALSE(Read("[plugins.r]\nentries = \"*\"\n"));
  EXPECT_NE(Messages().find("'entries' of [plugins.r] must be a list"),
            std::string::npos);

  EXPECT_FALSE(Read("[marketplace]\nname = \"Acme Tools\"\n"));
  EXPECT_NE(Messages().find("is not kebab-case"), std::string::npos);
  EXPECT_NE(Messages().find("[marketplace] needs an 'owner'"),
            std::string::npos);
}

TEST_F(PluginTablesTest, ATextWithoutTablesHasNoPlugins) {
  std::optional<PluginTables> tables = Read("[project]\nx = 1\n");
  ASSERT_TRUE(tables);
  EXPECT_TRUE(tables->plugins.empty());
  EXPECT_FALSE(tables->marketplace);
}

TEST(PluginFilesTest, HooksAreGroupedByEventAndMatcherInOrder) {
  HookDefinition edit{{"PostToolUse", "PreToolUse"},
                      "Edit",
                      {{"type", "command"}, {"command", "a"}}};
  HookDefinition again{
      {"PostToolUse"}, "Edit", {{"type", "command"}, {"command", "b"}}};
  HookDefinition any{
      {"PostToolUse"}, std::nullopt, {{"type", "command"}, {"command", "c"}}};
  json written = json::parse(HooksJsonText(
      {{edit, "h/edit.json"}, {again, "h/again.json"}, {any, "h/any.json"}}));
  EXPECT_EQ(written, json::parse(R"({"hooks": {
    "PostToolUse": [
      {"matcher": "Edit", "hooks": [{"type": "command", "command": "a"},
                                    {"type": "command", "command": "b"}]},
      {"hooks": [{"type": "command", "command": "c"}]}],
    "PreToolUse": [
      {"matcher": "Edit", "hooks": [{"type": "command", "command": "a"}]}]}})"));
  // Matcher before hooks, type and command first: as Claude Code's docs
  // write them.
  EXPECT_EQ(HooksJsonText({{any, "h/any.json"}}),
            "{\n"
            "  \"hooks\": {\n"
            "    \"PostToolUse\": [\n"
            "      {\n"
            "        \"hooks\": [\n"
            "          {\n"
            "            \"type\": \"command\",\n"
            "            \"command\": \"c\"\n"
            "          }\n"
            "        ]\n"
            "      }\n"
            "    ]\n"
            "  }\n"
            "}\n");
  EXPECT_LT(HooksJsonText({{edit, "h/edit.json"}}).find("\"matcher\""),
            HooksJsonText({{edit, "h/edit.json"}}).find("\"hooks\": ["));
}

TEST(PluginFilesTest, ServersAreWrappedInMcpServers) {
  EXPECT_EQ(json::parse(McpJsonText({{"fs", {{"command", "x"}}, "m/fs.json"}})),
            json::parse(R"({"mcpServers": {"fs": {"command": "x"}}})"));
}

TEST(PluginAgentKeysTest, IgnoredKeysAreRemovedWithTheirValues) {
  std::vector<std::string> removed;
  EXPECT_EQ(WithoutPluginKeys("---\n"
                              "name: x\n"
                              "dependencies:\n"
                              "  snippets:\n"
                              "    - path: ../s.md\n"
                              "mcpServers:\n"
                              "  - fs\n"
                              "  - git\n"
                              "description: y\n"
                              "hooks:\n"
                              "  PreToolUse: []\n"
                              "permissionMode: plan\n"
                              "model: opus\n"
                              "---\n"
                              "hooks: in the body stay\n",
                              true, &removed),
            "---\n"
            "name: x\n"
            "description: y\n"
            "model: opus\n"
            "---\n"
            "hooks: in the body stay\n");
  EXPECT_EQ(removed, (std::vector<std::string>{"dependencies", "mcpServers",
                                               "hooks", "permissionMode"}));
  removed.clear();
  const std::string plain = "---\nname: x\n---\nBody\n";
  EXPECT_EQ(WithoutPluginKeys(plain, true, &removed), plain);
  EXPECT_TRUE(removed.empty());
  EXPECT_EQ(WithoutPluginKeys("No frontmatter\n", true, &removed),
            "No frontmatter\n");
  // A command keeps `hooks` (Claude Code reads it there) but not AGPM's.
  EXPECT_EQ(WithoutPluginKeys("---\nhooks: {}\nagpm:\n  templating: true\n"
                              "---\nGo\n",
                              false, &removed),
            "---\nhooks: {}\n---\nGo\n");
}

TEST(ScriptPathsTest, ProjectScriptsGoThroughThePluginRoot) {
  const std::map<std::string, std::string> scripts = {
      {"tools/fmt.sh", "scripts/fmt.sh"},
      {".claude/scripts/agpm/fmt.sh", "scripts/fmt.sh"}};
  std::vector<std::string> project_paths;
  auto is_file = [](const std::string& path) { return path == "docs/x.md"; };
  EXPECT_EQ(RewriteScriptPaths("./tools/fmt.sh --all", true, scripts, is_file,
                               &project_paths),
            "\"${CLAUDE_PLUGIN_ROOT}/scripts/fmt.sh\" --all");
  EXPECT_EQ(RewriteScriptPaths("bash '.claude/scripts/agpm/fmt.sh'", true,
                               scripts, is_file, &project_paths),
            "bash \"${CLAUDE_PLUGIN_ROOT}/scripts/fmt.sh\"");
  EXPECT_EQ(RewriteScriptPaths("tools/fmt.sh", false, scripts, is_file,
                               &project_paths),
            "${CLAUDE_PLUGIN_ROOT}/scripts/fmt.sh");
  EXPECT_TRUE(project_paths.empty());
  EXPECT_EQ(RewriteScriptPaths("cat docs/x.md  tools/fmt.shx", true, scripts,
                               is_file, &project_paths),
            "cat docs/x.md  tools/fmt.shx");
  EXPECT_EQ(project_paths, std::vector<std::string>{"docs/x.md"});
}

}  // namespace
}  // namespace agentgen
