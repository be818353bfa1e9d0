// SPDX-License-Identifier: MIT
#include "inputs/install_layout.h"

#include <gtest/gtest.h>

#include "inputs/project.h"
#include "support/printed.h"
#include "validation/formats_data.h"

namespace agentgen {
namespace {

// The layout a project file gives, or its diagnostics.
struct Read {
  std::optional<InstallLayout> layout;
  std::string messages;
};

Read ReadLayout(const std::string& toml) {
  DiagnosticSink sink;
  Read read;
  std::optional<ProjectFile> file = ParseProjectFile(toml, "agpm.toml", sink);
  if (file) read.layout = file->layout;
  read.messages = Printed(sink);
  return read;
}

// formats.toml holds the built-in table; a broken one must fail here.
TEST(InstallLayoutTest, TheBuiltInTableIsAgpms) {
  ASSERT_TRUE(FormatsHas("agpm_layout.tools.claude-code.path"));
  ASSERT_TRUE(FormatsHas("agpm_layout.default-tools"));
  const InstallLayout& layout = InstallLayout::BuiltIn();
  EXPECT_EQ(layout.ToolNames(), "agpm, claude-code, opencode");
  const char* const categories[] = {"agents", "commands",    "snippets",
                                    "hooks",  "mcp-servers", "scripts",
                                    "skills"};
  for (const char* category : categories) {
    std::string tool = layout.DefaultTool(category);
    EXPECT_EQ(tool,
              std::string(category) == "snippets" ? "agpm" : "claude-code");
    EXPECT_NE(layout.Cell(tool, category), nullptr) << category;
  }
  EXPECT_EQ(layout.Cell("opencode", "scripts"), nullptr);
  EXPECT_EQ(layout.Cell("agpm", "agents"), nullptr);
  ASSERT_NE(layout.Cell("claude-code", "agents"), nullptr);
  EXPECT_TRUE(layout.Cell("claude-code", "agents")->flatten);
  EXPECT_FALSE(layout.Cell("claude-code", "snippets")->flatten);
  EXPECT_EQ(layout.Cell("opencode", "mcp-servers")->merge_target,
            ".opencode/opencode.json");
}

// The examples of docs/templates.md, "Install paths".
TEST(InstallLayoutTest, PathsFollowAgpmsRules) {
  const InstallLayout& layout = InstallLayout::BuiltIn();
  EXPECT_EQ(layout.InstallPath("claude-code", "agents", "agents/x.md"),
            ".claude/agents/agpm/x.md");
  EXPECT_EQ(layout.InstallPath("claude-code", "agents", "a/b/c/x.md"),
            ".claude/agents/agpm/x.md");
  EXPECT_EQ(layout.InstallPath("agpm", "snippets", "snippets/rust/a.md"),
            ".agpm/snippets/rust/a.md");
  EXPECT_EQ(layout.InstallPath("claude-code", "snippets", "snippets/rust/a.md"),
            ".claude/snippets/agpm/rust/a.md");
  // Leading `..` are dropped; then `shared` is no component of the folder.
  EXPECT_EQ(layout.InstallPath("agpm", "snippets", "../shared/a.md"),
            ".agpm/snippets/shared/a.md");
  EXPECT_EQ(layout.InstallPath("claude-code", "commands", "commands/helper.md"),
            ".claude/commands/agpm/helper.md");
  // `agpm` is a component of `.claude/skills/agpm`, too.
  EXPECT_EQ(layout.InstallPath("claude-code", "skills", "agpm/pdf/SKILL.md"),
            ".claude/skills/agpm/pdf/SKILL.md");
  EXPECT_EQ(layout.InstallPath("claude-code", "scripts", "tools/run.sh"),
            ".claude/scripts/agpm/tools/run.sh");
  EXPECT_EQ(layout.InstallPath("claude-code", "mcp-servers", "mcp/x.json"),
            ".mcp.json");
  EXPECT_EQ(layout.InstallPath("claude-code", "hooks", "hooks/x.json"),
            ".claude/settings.local.json");
}

TEST(InstallLayoutTest, ToolsReplaceTheBuiltInTable) {
  Read read = ReadLayout(
      "[tools.claude-code]\npath = \".ai\"\nenabled = false\n"
      "[tools.claude-code.resources.agents]\npath = \"bots\"\n"
      "[tools.cursor]\npath = \".cursor\"\n"
      "[tools.cursor.resources]\n"
      "rules = { path = \"rules\", flatten = true }\n"
      "mcp-servers = { merge-target = \".cursor/mcp.json\" }\n");
  ASSERT_TRUE(read.layout) << read.messages;
  const InstallLayout& layout = *read.layout;
  EXPECT_EQ(layout.ToolNames(), "claude-code, cursor");
  EXPECT_FALSE(layout.Tool("claude-code")->enabled);
  EXPECT_TRUE(layout.Tool("cursor")->enabled);
  // A listed cell replaces the built-in one (no flatten now); the others
  // stay built in.
  EXPECT_EQ(layout.InstallPath("claude-code", "agents", "agents/x.md"),
            ".ai/bots/agents/x.md");
  EXPECT_EQ(layout.InstallPath("claude-code", "commands", "commands/y.md"),
            ".ai/commands/agpm/y.md");
  EXPECT_EQ(layout.Cell("cursor", "agents"), nullptr);
  EXPECT_EQ(layout.InstallPath("cursor", "mcp-servers", "x.json"),
            ".cursor/mcp.json");
  // A built-in tool left out does not exist: snippets' default is unknown.
  EXPECT_EQ(layout.Tool("agpm"), nullptr);
  EXPECT_EQ(*ToolProblem(layout, "agpm", "snippets"),
            "tool 'agpm' is not in the layout (tools: claude-code, cursor)");
  EXPECT_EQ(*ToolProblem(layout, "cursor", "agents"),
            "tool 'cursor' has no place for agents in the layout (AGPM "
            "refuses to install agents for it)");
  EXPECT_FALSE(ToolProblem(layout, "cursor", "mcp-servers"));
}

TEST(InstallLayoutTest, DefaultToolsPickEachCategorysTool) {
  Read read = ReadLayout(
      "[default-tools]\nsnippets = \"claude-code\"\nagents = \"opencode\"\n"
      "unknown = \"x\"\n");
  ASSERT_TRUE(read.layout) << read.messages;
  EXPECT_EQ(read.layout->DefaultTool("snippets"), "claude-code");
  EXPECT_EQ(read.layout->DefaultTool("agents"), "opencode");
  EXPECT_EQ(read.layout->DefaultTool("commands"), "claude-code");
}

TEST(InstallLayoutTest, ProblemsAreLocated) {
  EXPECT_EQ(ReadLayout("[tools.x]\nenabled = true\n").messages,
            "agpm.toml:1:1: error: 'tools.x' has no 'path' (the tool's "
            "folder, such as \".claude\")\n"
            "[tools.x]\n"
            "^\n");
  EXPECT_EQ(ReadLayout("[tools.x]\npath = \".x\"\nenabled = \"no\"\n").messages,
            "agpm.toml:3:11: error: 'tools.x.enabled' must be true or false\n"
            "enabled = \"no\"\n"
            "          ^\n");
  EXPECT_EQ(ReadLayout("[tools.x]\npath = \".x\"\n"
                       "[tools.x.resources.agents]\nflatten = true\n")
                .messages,
            "agpm.toml:3:1: error: 'tools.x.resources.agents' has neither "
            "'path' nor 'merge-target', so it says nowhere to install agents\n"
            "[tools.x.resources.agents]\n"
            "^\n");
  EXPECT_EQ(ReadLayout("[default-tools]\nagents = \"agpm\"\n").messages,
            "agpm.toml:2:10: error: 'default-tools.agents': tool 'agpm' has "
            "no place for agents in the layout (AGPM refuses to install "
            "agents for it)\n"
            "agents = \"agpm\"\n"
            "         ^\n");
  EXPECT_FALSE(ReadLayout("tools = 3\n").layout);
  EXPECT_FALSE(ReadLayout("[tools.x]\npath = 1\n").layout);
  EXPECT_FALSE(ReadLayout("[default-tools]\nagents = 1\n").layout);
}

// AGPM turns a non-finite float into null; here it is an error at its line.
TEST(InstallLayoutTest, ANonFiniteProjectFloatIsAnError) {
  EXPECT_EQ(ReadLayout("[project]\nx = nan\ny = -inf\n").messages,
            "agpm.toml:2:5: error: 'nan' is not a number a template can hold "
            "(AGPM would make it null); write a finite number or a string\n"
            "x = nan\n"
            "    ^\n"
            "agpm.toml:3:5: error: '-inf' is not a number a template can hold "
            "(AGPM would make it null); write a finite number or a string\n"
            "y = -inf\n"
            "    ^\n");
}

TEST(InstallLayoutTest, CategoriesOfTypes) {
  EXPECT_EQ(CategoryOfType("agent"), "agents");
  EXPECT_EQ(CategoryOfType("mcp-server"), "mcp-servers");
  EXPECT_EQ(CategoryOfType("skill"), "skills");
}

}  // namespace
}  // namespace agentgen
