// SPDX-License-Identifier: MIT
// `agentgen check`: every schema rule, valid and invalid, by its whole
// message; where templated values are placed.
#include "validation/check.h"

#include <gtest/gtest.h>

#include <optional>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

struct Case {
  std::string lines;     ///< frontmatter lines after name and description
  std::string expected;  ///< every diagnostic, as printed; "" when valid
};

class CheckTest : public ::testing::Test {
 protected:
  // Checks `path` holding `text`; returns the printed diagnostics.
  std::string Check(const std::string& path, const std::string& text,
                    const std::string& tool = "claude-code",
                    const std::string& type = "agent") {
    fs_.Add(path, text);
    CheckOptions options;
    options.sources = {path};
    options.tool = tool;
    options.settings.type = type;
    options.settings.root = ".";
    sink_ = DiagnosticSink();
    status_ = RunCheck(fs_, options, sink_);
    std::string printed;
    for (const Diagnostic& diagnostic : sink_.diagnostics())
      printed += FormatDiagnostic(diagnostic);
    return printed;
  }

  std::string CheckAgent(const std::string& lines) {
    return Check("agents/reviewer.md",
                 "---\nname: reviewer\ndescription: Reviews code\n" + lines +
                     "---\nBody\n");
  }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
  int status_ = -1;
};

const char kAgent[] = "agents/reviewer.md";

// What a subagent none of whose `tools` Claude Code has is told.
const char kNoToolResolves[] =
    "no entry of 'tools' names a tool Claude Code has, so it refuses to "
    "launch the subagent; name at least one tool (or leave out 'tools' for "
    "all of them)";

// The message of a value on line 4.
std::string Line4(int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return At(kAgent, 4, column, severity, message, line_text);
}

const char kModelMustBe[] =
    "sonnet, opus, haiku, fable, best, opusplan, default or inherit "
    "(optionally ending in [1m]) or a full model id such as claude-sonnet-4-5";

TEST_F(CheckTest, ValidClaudeCodeAgentFields) {
  const char* valid[] = {
      ("tools: Read, Grep, Bash(git *), mcp__github__create_issue, "
       "mcp__github, Agent(explorer), Task(planner)\n"),
      "tools:\n  - Read\n  - mcp__x__*\n",
      ("tools: Monitor, PowerShell, TaskCreate, TaskGet, TaskList, "
       "TaskUpdate, TaskStop, SendMessage, ToolSearch, LSP, Artifact, "
       "CronCreate, ListAgents, EnterWorktree\n"),
      "tools: ExitPlanMode\npermissionMode: plan\n",
      "disallowedTools: Write, Edit\n",
      "disallowedTools: mcp__*, AskUserQuestion\n",
      "model: sonnet\n",
      "model: inherit\n",
      "model: fable\n",
      "model: best\n",
      "model: opusplan\n",
      "model: default\n",
      "model: opus[1m]\n",
      "model: sonnet[1M]\n",
      "model: claude-opus-4-6[1m]\n",
      "model: claude-sonnet-4-5-20250929\n",
      "model: us.anthropic.claude-opus-4-1-20250805-v1:0\n",
      "permissionMode: acceptEdits\n",
      "permissionMode: auto\n",
      "permissionMode: manual\n",
      "maxTurns: 12\n",
      "skills: [pdf, review]\n",
      "skills: pdf, review\n",
      "mcpServers:\n  - github\n  - local:\n      command: ./server\n",
      "hooks:\n  PreToolUse: []\n",
      "memory: project\n",
      "background: false\n",
      "background: True\n",
      "isolation: worktree\n",
      "color: cyan\n",
      "effort: xhigh\n",
      "initialPrompt: Start by reading the diff\n",
      "agpm:\n  version: \"1.0\"\nagentgen: {}\n",
  };
  for (const char* lines : valid) {
    EXPECT_EQ(CheckAgent(lines), "") << lines;
    EXPECT_EQ(status_, 0) << lines;
  }
}

TEST_F(CheckTest, InvalidClaudeCodeAgentFields) {
  const char kTools[] =
      "'tools' must be a comma-separated string or a list of tool names "
      "(built-in tools such as Read, mcp__<server>__<tool>, Agent(<type>))";
  const Case cases[] = {
      {"model: gpt-4\n",
       Line4(8, "warning",
             "'model': 'gpt-4' is not a Claude model alias or id; Claude Code "
             "sends it to the API unchanged, which only a gateway that serves "
             "it accepts; for Claude use " +
                 std::string(kModelMustBe),
             "model: gpt-4")},
      {"model: sonet\n",
       Line4(8, "warning",
             "'model': 'sonet' is not a Claude model alias or id; Claude Code "
             "sends it to the API unchanged, which only a gateway that serves "
             "it accepts; did you mean 'sonnet'?",
             "model: sonet")},
      {"model: claude sonnet\n",
       Line4(8, "error",
             "'model' must be " + std::string(kModelMustBe) +
                 "; got 'claude sonnet'",
             "model: claude sonnet")},
      {"model:\n",
       Line4(1, "error",
             "'model' must be " + std::string(kModelMustBe) + "; got nothing",
             "model:")},
      {"permissionMode: yolo\n",
       Line4(17, "error",
             "'permissionMode' must be one of default, acceptEdits, auto, "
             "dontAsk, bypassPermissions, plan or manual; got 'yolo'",
             "permissionMode: yolo")},
      {"permissionMode: Auto\n",
       Line4(17, "error",
             "'permissionMode' must be one of default, acceptEdits, auto, "
             "dontAsk, bypassPermissions, plan or manual; got 'Auto' (did "
             "you mean 'auto'?)",
             "permissionMode: Auto")},
      {"effort: turbo\n",
       Line4(9, "error",
             "'effort' must be one of low, medium, high, xhigh or max; got "
             "'turbo'",
             "effort: turbo")},
      {"maxTurns: 0\n",
       Line4(11, "error",
             "'maxTurns' must be a positive integer (the most turns the agent "
             "may take); got '0'",
             "maxTurns: 0")},
      {"maxTurns: 2.5\n",
       Line4(11, "error",
             "'maxTurns' must be a positive integer (the most turns the agent "
             "may take); got '2.5'",
             "maxTurns: 2.5")},
      {"maxTurns: \"5\"\n",
       Line4(11, "warning",
             "'maxTurns': '5' is quoted; Claude Code reads the number, other "
             "tools a string: remove the quotes",
             "maxTurns: \"5\"")},
      {"maxTurns: \"0\"\n",
       Line4(11, "error",
             "'maxTurns' must be a positive integer (the most turns the agent "
             "may take); got '0' (quoted, so a string: remove the quotes)",
             "maxTurns: \"0\"")},
      {"skills: {a: b}\n",
       Line4(9, "error",
             "'skills' must be a list of skill names or a comma-separated "
             "string of them; got a mapping",
             "skills: {a: b}")},
      {"skills: [pdf, [a]]\n",
       Line4(15, "error", "each entry of 'skills' must be a name; got a list",
             "skills: [pdf, [a]]")},
      {"mcpServers: github\n",
       Line4(13, "error",
             "'mcpServers' must be a list, each entry a server name or a "
             "{name: configuration} mapping; got the string \"github\"",
             "mcpServers: github")},
      {"mcpServers: [[a]]\n",
       Line4(14, "error",
             "each entry of 'mcpServers' must be a server name or a {name: "
             "configuration} mapping; got a list",
             "mcpServers: [[a]]")},
      {"hooks: [a]\n",
       Line4(8, "error",
             "'hooks' must be a mapping of hook events to lists of matcher "
             "groups ({Event: [{matcher, hooks: [handler, ...]}]}); got a "
             "list",
             "hooks: [a]")},
      {"memory: team\n",
       Line4(9, "error",
             "'memory' must be one of user, project or local; got 'team'",
             "memory: team")},
      {"background: yes\n",
       Line4(13, "error", "'background' must be true or false; got 'yes'",
             "background: yes")},
      {"background: \"true\"\n",
       Line4(13, "error",
             "'background' must be true or false; got 'true' (quoted, so a "
             "string: remove the quotes)",
             "background: \"true\"")},
      {"isolation: container\n",
       Line4(12, "error",
             "'isolation' must be worktree (the only isolation Claude Code "
             "offers); got 'container'",
             "isolation: container")},
      {"color: magenta\n",
       Line4(8, "warning",
             "'color' should be one of red, blue, green, yellow, purple, "
             "orange, pink or cyan (the CLI's colours); got 'magenta'; Claude "
             "Code does not "
             "show other values",
             "color: magenta")},
      {"color: Red\n",
       Line4(8, "warning",
             "'color' should be one of red, blue, green, yellow, purple, "
             "orange, pink or cyan (the CLI's colours); got 'Red' (did you "
             "mean 'red'?); Claude Code does not show other values",
             "color: Red")},
      {"colour: red\n",
       Line4(1, "warning",
             "unknown key 'colour' for a Claude Code subagent; did you mean "
             "'color'?",
             "colour: red")},
      {"max_turns: 3\n",
       Line4(1, "warning",
             "unknown key 'max_turns' for a Claude Code subagent; did you mean "
             "'maxTurns'?",
             "max_turns: 3")},
      {"owner: me\n",
       Line4(1, "warning",
             "unknown key 'owner' for a Claude Code subagent (Claude Code "
             "ignores it)",
             "owner: me")},
      {"tools: {Read: true}\n",
       Line4(8, "error", std::string(kTools) + "; got a mapping",
             "tools: {Read: true}")},
      {"tools: Read, Reed\n",
       Line4(14, "warning",
             "unknown tool 'Reed' in 'tools'; did you mean 'Read'?",
             "tools: Read, Reed")},
      {"tools: Frobnicate\n",
       Line4(8, "warning",
             "unknown tool 'Frobnicate' in 'tools' (not a built-in tool; MCP "
             "tools are named mcp__<server>__<tool>)",
             "tools: Frobnicate")},
      {"tools: Bsh(ls)\n",
       Line4(8, "warning",
             "unknown tool 'Bsh' in 'tools'; did you mean 'Bash'?",
             "tools: Bsh(ls)")},
      {"tools: mcp__github__\n",
       Line4(8, "warning",
             "'mcp__github__' in 'tools' must be mcp__<server>__<tool> (or "
             "mcp__<server> for all of its tools) (Claude Code ignores this "
             "entry)",
             "tools: mcp__github__") +
           Line4(8, "error", kNoToolResolves, "tools: mcp__github__")},
      {"tools: mcp__*\n",
       Line4(8, "warning",
             "'mcp__*' in 'tools' must be mcp__<server>__<tool> (or "
             "mcp__<server> for all of its tools) (Claude Code ignores this "
             "entry)",
             "tools: mcp__*") +
           Line4(8, "error", kNoToolResolves, "tools: mcp__*")},
      {"disallowedTools: mcp__\n",
       Line4(18, "warning",
             "'mcp__' in 'disallowedTools' must be mcp__<server>__<tool> (or "
             "mcp__<server> for all of its tools, or mcp__* for every MCP "
             "tool) (Claude Code ignores this entry)",
             "disallowedTools: mcp__")},
      {"tools: Agent()\n",
       Line4(8, "warning",
             "'Agent()' in 'tools' names nothing in its parentheses; write "
             "Agent(<agent type>) (Claude Code ignores this entry)",
             "tools: Agent()") +
           Line4(8, "error", kNoToolResolves, "tools: Agent()")},
      {"tools: Bash()\n",
       Line4(8, "warning",
             "'Bash()' in 'tools' names nothing in its parentheses; write "
             "Bash(<pattern>) (Claude Code ignores this entry)",
             "tools: Bash()") +
           Line4(8, "error", kNoToolResolves, "tools: Bash()")},
      {"tools: Bash(git\n",
       Line4(8, "warning",
             "'Bash(git' in 'tools' is not a tool name: its '(' is not closed "
             "(Claude Code ignores this entry)",
             "tools: Bash(git") +
           Line4(8, "error", kNoToolResolves, "tools: Bash(git")},
      {"tools: Read Grep\n",
       Line4(8, "warning",
             "'Read Grep' in 'tools' is not a tool name; separate tool names "
             "with commas (Claude Code ignores this entry)",
             "tools: Read Grep") +
           Line4(8, "error", kNoToolResolves, "tools: Read Grep")},
      {"tools: read.me\n",
       Line4(8, "warning",
             "'read.me' in 'tools' is not a tool name (a built-in tool such as "
             "Read, mcp__<server>__<tool>, or Agent(<type>)) (Claude Code "
             "ignores this entry)",
             "tools: read.me") +
           Line4(8, "error", kNoToolResolves, "tools: read.me")},
      {"tools: Read,, Grep\n",
       Line4(13, "warning", "empty entry in 'tools' (a stray comma)",
             "tools: Read,, Grep")},
      {"tools: Read,\n",
       Line4(12, "warning", "empty entry in 'tools' (a stray comma)",
             "tools: Read,")},
      {"tools: Read, ,\n",
       Line4(14, "warning", "empty entry in 'tools' (a stray comma)",
             "tools: Read, ,")},
      {"disallowedTools: [Write, {a: b}]\n",
       Line4(26, "error",
             "each entry of 'disallowedTools' must be a tool name; got a "
             "mapping",
             "disallowedTools: [Write, {a: b}]")},
      {"tools: \"Read, Reed\"\n",
       Line4(15, "warning",
             "unknown tool 'Reed' in 'tools'; did you mean 'Read'?",
             "tools: \"Read, Reed\"")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(CheckAgent(test.lines), test.expected) << test.lines;
    bool only_warnings = test.expected.find(": error: ") == std::string::npos;
    EXPECT_EQ(status_, only_warnings ? 0 : 1) << test.lines;
  }
}

// Removed tools name what replaced them; no did-you-mean offers one, and
// current tools near a removed name are not mistaken for it.
TEST_F(CheckTest, RemovedAndNeverGivenTools) {
  const Case cases[] = {
      {"tools: Read, BashOutput\n",
       Line4(14, "warning",
             "'BashOutput' in 'tools' is an old name of 'TaskOutput', which "
             "Claude Code never gives to a subagent; remove it",
             "tools: Read, BashOutput")},
      {"disallowedTools: KillShell\n",
       Line4(18, "warning",
             "'KillShell' in 'disallowedTools' is an old name of 'TaskStop' "
             "that Claude Code still accepts; use 'TaskStop'",
             "disallowedTools: KillShell")},
      {"disallowedTools: SlashCommand, LS, MultiEdit\n",
       Line4(18, "warning",
             "'SlashCommand' in 'disallowedTools' is a tool Claude Code no "
             "longer has; use 'Skill'",
             "disallowedTools: SlashCommand, LS, MultiEdit") +
           Line4(32, "warning",
                 "'LS' in 'disallowedTools' is a tool Claude Code no longer "
                 "has; use 'Glob'",
                 "disallowedTools: SlashCommand, LS, MultiEdit") +
           Line4(36, "warning",
                 "'MultiEdit' in 'disallowedTools' is a tool Claude Code no "
                 "longer has; use 'Edit'",
                 "disallowedTools: SlashCommand, LS, MultiEdit")},
      {"disallowedTools: NotebookRead, TeamCreate, TeamDelete\n",
       Line4(18, "warning",
             "'NotebookRead' in 'disallowedTools' is a tool Claude Code no "
             "longer has; use 'Read'",
             "disallowedTools: NotebookRead, TeamCreate, TeamDelete") +
           Line4(32, "warning",
                 "'TeamCreate' in 'disallowedTools' is a tool Claude Code no "
                 "longer has; use 'Agent'",
                 "disallowedTools: NotebookRead, TeamCreate, TeamDelete") +
           Line4(44, "warning",
                 "'TeamDelete' in 'disallowedTools' is a tool Claude Code no "
                 "longer has; remove it",
                 "disallowedTools: NotebookRead, TeamCreate, TeamDelete")},
      {"tools: LSP, TaskOutput\n",
       Line4(13, "warning",
             "'TaskOutput' in 'tools': Claude Code never gives this tool to a "
             "subagent",
             "tools: LSP, TaskOutput")},
      {"tools: Bash(ls *), AskUserQuestion\n",
       Line4(20, "warning",
             "'AskUserQuestion' in 'tools': Claude Code never gives this tool "
             "to a subagent",
             "tools: Bash(ls *), AskUserQuestion")},
      {"tools: ExitPlanMode\n",
       Line4(8, "warning",
             "'ExitPlanMode' in 'tools': Claude Code gives this tool to a "
             "subagent only when its permissionMode is plan",
             "tools: ExitPlanMode")},
      {"tools: BashOutpt\n",
       Line4(8, "warning",
             "unknown tool 'BashOutpt' in 'tools'; did you mean "
             "'TaskOutput'?",
             "tools: BashOutpt")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(CheckAgent(test.lines), test.expected) << test.lines;
    EXPECT_EQ(status_, 0) << test.lines;
  }
  // The rule ids of the new kinds.
  CheckAgent("tools: LS, Workflow\n");
  ASSERT_EQ(sink_.diagnostics().size(), 2u);
  EXPECT_EQ(sink_.diagnostics()[0].rule, "claude-code-agent.removed-tool");
  EXPECT_EQ(sink_.diagnostics()[1].rule, "claude-code-agent.never-given-tool");
}

TEST_F(CheckTest, NameAndDescription) {
  EXPECT_EQ(Check(kAgent, "---\ndescription: x\n---\n"),
            At(kAgent, 1, 1, "error",
               "required key 'name' is missing; it must be lowercase letters, "
               "digits and hyphens (Claude Code knows the agent by this name)",
               "---"));
  EXPECT_EQ(Check(kAgent, "---\nname: reviewer\ndescription: \"\"\n---\n"),
            At(kAgent, 3, 14, "error",
               "'description' must be a non-empty text (Claude Code reads it "
               "to decide when to hand a task to the agent); got '' (quoted, "
               "so a string: remove the quotes)",
               "description: \"\""));
  // Claude Code loads any other name, and the file name need not match.
  EXPECT_EQ(Check(kAgent, "---\nname: critic\ndescription: x\n---\n"), "");
  EXPECT_EQ(Check(kAgent, "---\nname: Code_Reviewer\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "warning",
               "'name' should be lowercase letters, digits and hyphens "
               "(Claude Code knows the agent by this name); got "
               "'Code_Reviewer' (did you mean 'code-reviewer'?)",
               "name: Code_Reviewer"));
  EXPECT_EQ(status_, 0);
  // It skips a file whose name is empty, starts with '-' or has a ':'.
  EXPECT_EQ(Check(kAgent, "---\nname: -reviewer\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "error",
               "'name' must be lowercase letters, digits and hyphens (Claude "
               "Code knows the agent by this name); got '-reviewer', which "
               "starts with '-' (Claude Code skips the file)",
               "name: -reviewer"));
  EXPECT_EQ(Check(kAgent, "---\nname: tools:reviewer\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "error",
               "'name' must be lowercase letters, digits and hyphens (Claude "
               "Code knows the agent by this name); got 'tools:reviewer', "
               "which has a ':' (Claude Code skips the file)",
               "name: tools:reviewer"));
  EXPECT_EQ(Check(kAgent, "---\nname: \"\"\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "error",
               "'name' must be lowercase letters, digits and hyphens (Claude "
               "Code knows the agent by this name); got '' (Claude Code skips "
               "the file)",
               "name: \"\""));
  EXPECT_EQ(status_, 1);
  EXPECT_EQ(Check(kAgent, "Just a prompt.\n"),
            At(kAgent, 1, 1, "error",
               "no frontmatter: a Claude Code subagent starts with a '---' "
               "block holding at least 'name' and 'description'",
               "Just a prompt."));
}

// Commands and skills take the same fields.
TEST_F(CheckTest, SkillsAndCommands) {
  const char* valid[] = {
      "name: deploy\ndescription: Deploy\nwhen_to_use: On release\n",
      "argument-hint: [environment]\n",
      "argument-hint: [topic: a | b]\n",
      "argument-hint: {a: b}\n",
      "arguments: env region\n",
      "arguments: [env, region]\n",
      "disable-model-invocation: true\nuser-invocable: No\n",
      "background: ON\ndisable-model-invocation: 0\n",
      "user-invocable: \"yes\"\n",
      "allowed-tools: Read Grep Bash(git add:*)\n",
      "allowed-tools: Bash(git add:*), Bash(git status:*)\n",
      "disallowed-tools: [AskUserQuestion, Write]\n",
      "model: haiku\n",
      "model: inherit\n",
      "effort: max\n",
      "context: fork\nagent: Explore\n",
      "hooks:\n  Stop: []\n",
      "paths: src/**/*.ts, test/**\n",
      "paths: [\"src/**\"]\n",
      "shell: powershell\n",
      "metadata:\n  owner: platform\n",
      "license: MIT\ncompatibility: Claude Code 2.1\n",
  };
  for (const char* type : {"command", "skill"}) {
    std::string path = std::string(type) == "skill" ? "skills/deploy/SKILL.md"
                                                    : "commands/deploy.md";
    for (const char* lines : valid) {
      EXPECT_EQ(Check(path, "---\n" + std::string(lines) + "---\nDo it\n",
                      "claude-code", type),
                "")
          << type << ": " << lines;
      EXPECT_EQ(status_, 0) << lines;
    }
    EXPECT_EQ(Check(path, "Deploy $1\n", "claude-code", type), "");
  }
  const char kSkill[] = "skills/deploy/SKILL.md";
  const Case cases[] = {
      {"disable-model-invocation: maybe\n",
       At(kSkill, 2, 27, "error",
          "'disable-model-invocation' must be true, false, yes, no, on, off, "
          "1 or 0 (in any letter case); got 'maybe'",
          "disable-model-invocation: maybe")},
      {"allowed-tools: Read Wrte\n",
       At(kSkill, 2, 21, "warning",
          "unknown tool 'Wrte' in 'allowed-tools'; did you mean 'Write'?",
          "allowed-tools: Read Wrte")},
      {"disallowed-tools: {Read: true}\n",
       At(kSkill, 2, 19, "error",
          "'disallowed-tools' must be a space- or comma-separated string or "
          "a list of tool names (built-in tools such as Read, "
          "mcp__<server>__<tool>, Agent(<type>)); got a mapping",
          "disallowed-tools: {Read: true}")},
      {"effort: ultra\n",
       At(kSkill, 2, 9, "error",
          "'effort' must be one of low, medium, high, xhigh or max; got "
          "'ultra'",
          "effort: ultra")},
      {"context: forked\n",
       At(kSkill, 2, 10, "error",
          "'context' must be fork (runs the skill in a forked subagent); got "
          "'forked' (did you mean 'fork'?)",
          "context: forked")},
      {"shell: zsh\n", At(kSkill, 2, 8, "error",
                          "'shell' must be one of bash or powershell; got "
                          "'zsh'",
                          "shell: zsh")},
      {"metadata: owner\n",
       At(kSkill, 2, 11, "error",
          "'metadata' must be a mapping (Claude Code drops any other value); "
          "got 'owner'",
          "metadata: owner")},
      {"paths: {a: b}\n",
       At(kSkill, 2, 8, "error",
          "'paths' must be a comma-separated string or a list of glob "
          "patterns; got a mapping",
          "paths: {a: b}")},
      {"arguments: {a: b}\n",
       At(kSkill, 2, 12, "error",
          "'arguments' must be a space-separated string or a list of "
          "argument names; got a mapping",
          "arguments: {a: b}")},
      {"hooks: Stop\n",
       At(kSkill, 2, 8, "error",
          "'hooks' must be a mapping of hook events to lists of matcher "
          "groups ({Event: [{matcher, hooks: [handler, ...]}]}); got the "
          "string \"Stop\"",
          "hooks: Stop")},
      {"model: sonet\n",
       At(kSkill, 2, 8, "warning",
          "'model': 'sonet' is not a Claude model alias or id; Claude Code "
          "sends it to the API unchanged, which only a gateway that serves it "
          "accepts; did you mean 'sonnet'?",
          "model: sonet")},
      {"when-to-use: x\n",
       At(kSkill, 2, 1, "warning",
          "unknown key 'when-to-use' for a Claude Code skill; did you mean "
          "'when_to_use'?",
          "when-to-use: x")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(
        Check(kSkill, "---\n" + test.lines + "---\n", "claude-code", "skill"),
        test.expected)
        << test.lines;
  }
  EXPECT_EQ(Check("commands/deploy.md", "---\nowner: me\n---\n", "claude-code",
                  "command"),
            At("commands/deploy.md", 2, 1, "warning",
               "unknown key 'owner' for a Claude Code slash command (Claude "
               "Code ignores it)",
               "owner: me"));
  EXPECT_EQ(sink_.diagnostics()[0].rule, "claude-code-command.unknown-key");
}

TEST_F(CheckTest, OpenCodeAgents) {
  const char kOpenCode[] = "agent/review.md";
  EXPECT_EQ(
      Check(kOpenCode,
            "---\ndescription: Reviews code\nmode: subagent\nmodel: "
            "anthropic/claude-sonnet-4-5\nvariant: high\ntemperature: 0.1\n"
            "top_p: 0.9\npermission:\n  edit: deny\n  webfetch: ask\n  bash:\n"
            "    \"git *\": allow\n    \"*\": ask\nsteps: 5\nhidden: true\n"
            "hidden_from_cycle: false\ndisable: false\ncolor: \"#ff6600\"\n"
            "options:\n  reasoningEffort: high\nprompt: \"{file:./p.txt}\"\n"
            "---\n",
            "opencode"),
      "");
  EXPECT_EQ(Check(kOpenCode, "---\npermission: deny\ncolor: accent\n---\n",
                  "opencode"),
            "");
  const Case cases[] = {
      {"mode: sub\n", At(kOpenCode, 3, 7, "error",
                         "'mode' must be one of primary, subagent or all; got "
                         "'sub'",
                         "mode: sub")},
      {"mode: Primary\n",
       At(kOpenCode, 3, 7, "error",
          "'mode' must be one of primary, subagent or all; got 'Primary' "
          "(did you mean 'primary'?)",
          "mode: Primary")},
      {"model: claude-sonnet-4-5\n",
       At(kOpenCode, 3, 8, "error",
          "'model' must be provider/model-id, such as "
          "anthropic/claude-sonnet-4-5; got 'claude-sonnet-4-5'",
          "model: claude-sonnet-4-5")},
      {"temperature: 3\n",
       At(kOpenCode, 3, 14, "warning",
          "'temperature' should be a number from 0 to 2 (lower is more "
          "focused); got '3' (the tool passes it on; most providers reject "
          "it)",
          "temperature: 3")},
      {"top_p: high\n",
       At(kOpenCode, 3, 8, "error",
          "'top_p' must be a number from 0 to 1; got 'high'", "top_p: high")},
      {"tools:\n  write: false\n",
       At(kOpenCode, 3, 1, "warning", "'tools' is deprecated; use 'permission'",
          "tools:")},
      {"tools:\n  write: maybe\n",
       At(kOpenCode, 3, 1, "warning", "'tools' is deprecated; use 'permission'",
          "tools:") +
           At(kOpenCode, 4, 10, "error",
              "'tools' must be a mapping of tool names to true or false; got "
              "'maybe' for 'write'",
              "  write: maybe")},
      {"permission:\n  edit: never\n",
       At(kOpenCode, 4, 9, "error",
          "'permission' must be ask, allow or deny, or a mapping of tools to "
          "those (or of patterns to those); got 'never' for 'edit'",
          "  edit: never")},
      {"permission: never\n",
       At(kOpenCode, 3, 13, "error",
          "'permission' must be ask, allow or deny, or a mapping of tools to "
          "those (or of patterns to those); got 'never'",
          "permission: never")},
      {"permission:\n  webfetch:\n    \"*\": allow\n",
       At(kOpenCode, 5, 5, "error",
          "'permission' must be ask, allow or deny for 'webfetch' (it takes "
          "no patterns); got a mapping for 'webfetch'",
          "    \"*\": allow")},
      {"steps: -1\n",
       At(kOpenCode, 3, 8, "error",
          "'steps' must be a positive integer (the most steps the agent may "
          "take); got '-1'",
          "steps: -1")},
      {"steps: \"5\"\n",
       At(kOpenCode, 3, 8, "error",
          "'steps' must be a positive integer (the most steps the agent may "
          "take); got '5' (quoted, so a string: remove the quotes)",
          "steps: \"5\"")},
      {"maxSteps: 5\n",
       At(kOpenCode, 3, 1, "warning", "'maxSteps' is deprecated; use 'steps'",
          "maxSteps: 5")},
      {"hidden_from_cycle: yes\n",
       At(kOpenCode, 3, 20, "error",
          "'hidden_from_cycle' must be true or false; got 'yes'",
          "hidden_from_cycle: yes")},
      {"options: fast\n",
       At(kOpenCode, 3, 10, "error",
          "'options' must be a mapping (options passed to the model "
          "provider); got 'fast'",
          "options: fast")},
      {"color: cyan\n",
       At(kOpenCode, 3, 8, "error",
          "'color' must be #RRGGBB or one of primary, secondary, accent, "
          "success, warning, error or info; got 'cyan'",
          "color: cyan")},
      {"color: \"#f60\"\n",
       At(kOpenCode, 3, 8, "error",
          "'color' must be #RRGGBB or one of primary, secondary, accent, "
          "success, warning, error or info; got '#f60' (quoted, so a string: "
          "remove the quotes)",
          "color: \"#f60\"")},
      {"tools: Read, Grep\n",
       At(kOpenCode, 3, 1, "warning", "'tools' is deprecated; use 'permission'",
          "tools: Read, Grep") +
           At(kOpenCode, 3, 8, "error",
              "'tools' must be a mapping of tool names to true or false; got "
              "'Read, Grep'",
              "tools: Read, Grep")},
      {"reasoningEffort: high\n",
       At(kOpenCode, 3, 1, "warning",
          "unknown key 'reasoningEffort' for an OpenCode agent (OpenCode "
          "passes it to the model provider as an option)",
          "reasoningEffort: high")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(
        Check(kOpenCode, "---\ndescription: Reviews\n" + test.lines + "---\n",
              "opencode"),
        test.expected)
        << test.lines;
  }
  // OpenCode's schema has `description` optional.
  EXPECT_EQ(Check(kOpenCode, "---\nmode: all\n---\n", "opencode"), "");
}

TEST_F(CheckTest, OpenCodeCommands) {
  const char kCommand[] = "command/test.md";
  EXPECT_EQ(Check(kCommand,
                  "---\ndescription: Run tests\nagent: build\nmodel: "
                  "anthropic/claude-haiku-4-5\nsubtask: true\n---\nRun\n",
                  "opencode", "command"),
            "");
  EXPECT_EQ(Check(kCommand, "---\nsubtask: yes\n---\n", "opencode", "command"),
            At(kCommand, 2, 10, "error",
               "'subtask' must be true or false; got 'yes'", "subtask: yes"));
  EXPECT_EQ(Check(kCommand, "---\nowner: me\n---\n", "opencode", "command"),
            At(kCommand, 2, 1, "warning",
               "unknown key 'owner' for an OpenCode command (OpenCode ignores "
               "it)",
               "owner: me"));
}

// Every schema diagnostic spans its text, and a did-you-mean is an edit.
TEST_F(CheckTest, DiagnosticsSpanTheirTextAndCarryTheirFix) {
  struct Span {
    std::string lines;
    int column, end_column;
    std::optional<std::string> replacement;
  };
  const Span spans[] = {
      {"colour: red\n", 1, 7, "color"},
      {"owner: me\n", 1, 6, std::nullopt},
      {"model: sonet\n", 8, 13, "sonnet"},
      {"color: Red\n", 8, 11, "red"},
      {"effort: \"hig\"\n", 9, 14, "high"},
      {"tools: Read, Reed\n", 14, 18, "Read"},
      {"tools: Read, Bsh(ls)\n", 14, 17, "Bash"},
      {"tools: [Read, KillShell]\n", 15, 24, "TaskStop"},
      {"tools: [Read, MultiEdit]\n", 15, 24, "Edit"},
      {"tools: Read,, Grep\n", 13, 14, std::nullopt},
      {"tools: AskUserQuestion\n", 8, 23, std::nullopt},
      {"tools: Read, mcp__github__\n", 14, 27, std::nullopt},
      {"maxTurns: \"5\"\n", 11, 14, "5"},
      {"skills: {a: b}\n", 9, 15, std::nullopt},
      {"mcpServers:\n  - [a]\n", 5, 8, std::nullopt},
      {"hooks: [a, [b]]\n", 8, 16, std::nullopt},
  };
  for (const Span& span : spans) {
    CheckAgent(span.lines);
    ASSERT_EQ(sink_.diagnostics().size(), 1u) << span.lines;
    const Diagnostic& diagnostic = sink_.diagnostics()[0];
    EXPECT_EQ(diagnostic.where.column, span.column) << span.lines;
    EXPECT_EQ(diagnostic.end.line, diagnostic.where.line) << span.lines;
    EXPECT_EQ(diagnostic.end.column, span.end_column) << span.lines;
    EXPECT_EQ(diagnostic.replacement, span.replacement) << span.lines;
  }
  Check(kAgent, "---\nname: Code_Reviewer\ndescription: x\n---\n");
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_EQ(sink_.diagnostics()[0].replacement, "code-reviewer");
  Check(kAgent, "---\ndescription: x\n---\n");
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_EQ(sink_.diagnostics()[0].end.line, 1);
  EXPECT_EQ(sink_.diagnostics()[0].end.column, 4);
  Check("agent/a.md", "---\nmaxSteps: 3\n---\n", "opencode");
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_EQ(sink_.diagnostics()[0].rule, "opencode-agent.deprecated-key");
  EXPECT_EQ(sink_.diagnostics()[0].end.column, 9);
  EXPECT_EQ(sink_.diagnostics()[0].replacement, "steps");
}

TEST_F(CheckTest, TemplatedValuesPointAtTheTagThatProducedThem) {
  fs_.Add("agpm.toml", "[project]\nmodel = \"gpt 4\"\ntool = \"Reed\"\n");
  EXPECT_EQ(Check("agents/a.md",
                  "---\nname: a\ndescription: x\nmodel: {{ agpm.project.model "
                  "}}\nagpm:\n  templating: true\n---\nBody\n"),
            At("agents/a.md", 4, 8, "error",
               "'model' must be " + std::string(kModelMustBe) + "; got 'gpt 4'",
               "model: {{ agpm.project.model }}"));
  EXPECT_EQ(Check("agents/m.md",
                  "---\nname: m\ndescription: x\nmodel: {{project.model}}\n"
                  "tools: Read, {{project.tool}}\nagentgen:\n  templating: "
                  "mustache\n---\n"),
            At("agents/m.md", 4, 8, "error",
               "'model' must be " + std::string(kModelMustBe) + "; got 'gpt 4'",
               "model: {{project.model}}") +
                At("agents/m.md", 5, 14, "warning",
                   "unknown tool 'Reed' in 'tools'; did you mean 'Read'?",
                   "tools: Read, {{project.tool}}"));
}

TEST_F(CheckTest, AValueThatBreaksTheYamlIsLocatedAtItsTag) {
  // The frontmatter's pre-pass gives `description: Reviews: code`: AGPM
  // could not read the switch of such a file and would not render it.
  fs_.Add("agpm.toml", "[project]\nsummary = \"Reviews: code\"\n");
  EXPECT_EQ(Check("agents/a.md",
                  "---\nname: a\ndescription: {{ agpm.project.summary }}\n"
                  "agpm:\n  templating: true\n---\n"),
            At("agents/a.md", 3, 14, "error",
               "illegal map value: the frontmatter is not valid YAML, so AGPM "
               "could not read its 'templating:' switch and would install "
               "the file unrendered; fix the YAML (quote the value)",
               "description: {{ agpm.project.summary }}"));
  EXPECT_EQ(status_, 1);
}

// YAML as Claude Code reads it: a strict parse that fails is retried with
// the one-line values that broke it quoted.
TEST_F(CheckTest, AOneLineValueWithAColonLoadsWithAWarningAndIsChecked) {
  EXPECT_EQ(
      Check("agents/gen.md",
            "---\nname: gen\ndescription: Use it when: a. Examples:\\n\\n"
            "<example>\\nContext: x\\n</example>\neffort: turbo\n---\nB\n"),
      At("agents/gen.md", 3, 14, "warning",
         "'description' is not valid YAML (illegal map value): Claude Code "
         "loads this by quoting the value; AGPM and other YAML readers reject "
         "it; quote it",
         "description: Use it when: a. Examples:\\n\\n<example>\\nContext: "
         "x\\n</example>") +
          At("agents/gen.md", 4, 9, "error",
             "'effort' must be one of low, medium, high, xhigh or max; got "
             "'turbo'",
             "effort: turbo"));
  // The warning carries the fix: the value, quoted.
  const Diagnostic& warning = sink_.diagnostics()[0];
  EXPECT_EQ(warning.rule, "yaml.requoted");
  EXPECT_EQ(warning.end.line, 3);
  ASSERT_TRUE(warning.replacement.has_value());
  EXPECT_EQ(warning.replacement->substr(0, 18), "\"Use it when: a. E");
}

TEST_F(CheckTest, WhatTheSecondReadingDoesNotFixStaysAnError) {
  const std::string kSkipped =
      ", so Claude Code does not load the subagent (a plugin's subagent loads "
      "under its file name, with no fields)";
  // A value that runs on unindented: shown at the line it runs on to.
  EXPECT_EQ(Check("agents/a.md",
                  "---\nname: a\ndescription: Use: this\nand this\n---\n"),
            At("agents/a.md", 4, 1, "error",
               "a value runs on over this unindented line: the frontmatter "
               "is not valid YAML (indent the line, or write the value on "
               "one line or as a block scalar '|')" +
                   kSkipped,
               "and this"));
  EXPECT_EQ(status_, 1);
  // CRLF line ends: Claude Code's second reading fails on them.
  EXPECT_EQ(Check("agents/b.md",
                  "---\r\nname: b\r\ndescription: Use: this\r\n---\r\n"),
            At("agents/b.md", 3, 17, "error",
               "illegal map value: the frontmatter is not valid YAML and has "
               "CRLF line ends, where Claude Code's second reading (one-line "
               "values quoted) fails too" +
                   kSkipped,
               "description: Use: this"));
  // Not YAML in a way quoting cannot reach.
  EXPECT_EQ(Check("agents/c.md", "---\nname: c\nlist:\n\t- a\n---\n"),
            At("agents/c.md", 4, 1, "error",
               "tab in indentation (YAML indents with spaces): the "
               "frontmatter is not valid YAML" +
                   kSkipped,
               "\t- a"));
  // A skill whose frontmatter Claude Code cannot read still loads, without
  // its fields.
  EXPECT_EQ(Check("skills/s/SKILL.md",
                  "---\nname: s\ndescription: Use: it\nmore\n---\n",
                  "claude-code", "skill"),
            At("skills/s/SKILL.md", 4, 1, "error",
               "a value runs on over this unindented line: the frontmatter "
               "is not valid YAML (indent the line, or write the value on "
               "one line or as a block scalar '|'), so Claude Code loads the "
               "skill with no frontmatter fields (its description, allowed "
               "tools and the rest are ignored)",
               "more"));
}

TEST_F(CheckTest, AnIndentedOpeningLineIsNamed) {
  EXPECT_EQ(Check("agents/i.md", "    ---\n    name: i\n    ---\nBody\n"),
            At("agents/i.md", 1, 1, "error",
               "no frontmatter: a Claude Code subagent starts with a '---' "
               "block holding at least 'name' and 'description' (the '---' "
               "here is indented or below a blank line, so the tools read it "
               "as text: start the file with it)",
               "    ---"));
}

TEST_F(CheckTest, ACommentThatCutsAValueShortIsAWarning) {
  EXPECT_EQ(CheckAgent("model: sonnet # fast\n"),
            Line4(15, "warning",
                  "' #' starts a YAML comment, so 'model' is read as 'sonnet' "
                  "without '# fast'; quote the whole value if that text "
                  "belongs to it",
                  "model: sonnet # fast"));
  EXPECT_EQ(status_, 0);
  // `#` inside a word, or inside quotes, is text.
  EXPECT_EQ(CheckAgent("initialPrompt: Use C# and F#\n"), "");
  EXPECT_EQ(CheckAgent("initialPrompt: \"Fix #42\"\n"), "");
}

TEST_F(CheckTest, RenderDiagnosticsNameTheirStage) {
  auto rules = [this] {
    std::vector<std::string> found;
    for (const Diagnostic& diagnostic : sink_.diagnostics())
      found.push_back(diagnostic.rule);
    return found;
  };
  Check("agents/y.md", "---\nname: y\nname: z\ndescription: d\n---\n");
  EXPECT_EQ(rules(), std::vector<std::string>{"yaml"});
  Check("agents/t.md",
        "---\nname: t\ndescription: d\nagpm:\n  templating: true\n---\n"
        "{{ nope }}\n");
  EXPECT_EQ(rules(), std::vector<std::string>{"template"});
  Check("agents/d.md",
        "---\nname: d\ndescription: d\ndependencies:\n  snippets:\n"
        "    - path: ../missing.md\n---\n");
  EXPECT_EQ(rules(), std::vector<std::string>{"dependency"});
  Check("agents/u.md", "---\nname: u\ndescription: \xff\n---\n");
  EXPECT_EQ(rules(), std::vector<std::string>{"input"});
}

TEST_F(CheckTest, RenderErrorsAreReportedAndTheFileIsNotValidatedFurther) {
  EXPECT_EQ(
      Check("agents/a.md",
            "---\nname: A\nagpm:\n  templating: true\n---\n{{ nope }}\n"),
      At("agents/a.md", 6, 4, "error", "undefined name 'nope'", "{{ nope }}"));
  EXPECT_EQ(status_, 1);
}

TEST_F(CheckTest, WarningsFailOnlyWithWerror) {
  fs_.Add(kAgent, "---\nname: reviewer\ndescription: x\nowner: me\n---\n");
  CheckOptions options;
  options.sources = {kAgent};
  options.settings.root = ".";
  DiagnosticSink lenient;
  EXPECT_EQ(RunCheck(fs_, options, lenient), 0);
  options.werror = true;
  DiagnosticSink strict;
  EXPECT_EQ(RunCheck(fs_, options, strict), 1);
}

TEST_F(CheckTest, EveryFileIsCheckedInOneRun) {
  fs_.Add("agents/a.md", "---\nname: a\n---\n");
  fs_.Add("agents/b.md", "---\nname: b\ndescription: x\ncolor: mauve\n---\n");
  fs_.Add("agents/c.md", "---\nname: c\ndescription: x\n---\n");
  CheckOptions options;
  options.sources = {"agents/a.md", "agents/missing.md", "agents/b.md",
                     "agents/c.md"};
  options.settings.root = ".";
  DiagnosticSink sink;
  EXPECT_EQ(RunCheck(fs_, options, sink), 1);
  ASSERT_EQ(sink.diagnostics().size(), 3u);
  EXPECT_EQ(sink.diagnostics()[0].where.file, "agents/a.md");
  EXPECT_EQ(sink.diagnostics()[1].message,
            "cannot read 'agents/missing.md': no such file");
  EXPECT_EQ(sink.diagnostics()[2].where.file, "agents/b.md");
}

TEST_F(CheckTest, NothingIsWritten) {
  fs_.Add(kAgent, "---\nname: reviewer\ndescription: x\n---\n");
  CheckAgent("");
  EXPECT_TRUE(fs_.files_written().empty());
}

TEST_F(CheckTest, AgpmHookResources) {
  EXPECT_EQ(Check("hooks/lint.json",
                  "{\n  \"events\": [\"PostToolUse\"],\n  \"type\": "
                  "\"command\",\n  \"command\": \"./lint.sh\",\n  \"matcher\": "
                  "\"Edit|Write\",\n  \"timeout\": 30,\n  \"description\": "
                  "\"Lints edits\"\n}\n",
                  "claude-code", "hook"),
            "");
  EXPECT_EQ(status_, 0);
  EXPECT_EQ(Check("hooks/bad.json",
                  "{\n  \"events\": [\"PostToolUs\"],\n  \"type\": \"http\",\n"
                  "  \"command\": \"./lint.sh\",\n  \"if\": \"Edit\"\n}\n",
                  "claude-code", "hook"),
            At("hooks/bad.json", 2, 14, "error",
               "unknown hook event 'PostToolUs' (Claude Code ignores the hooks "
               "of an event it does not know); did you mean 'PostToolUse'?",
               "  \"events\": [\"PostToolUs\"],") +
                At("hooks/bad.json", 3, 3, "error",
                   "'type' must be \"command\" (the only hook type AGPM "
                   "merges); got the string \"http\"",
                   "  \"type\": \"http\",") +
                At("hooks/bad.json", 5, 3, "warning",
                   "unknown key 'if' in an AGPM hook resource",
                   "  \"if\": \"Edit\""));
  EXPECT_EQ(status_, 1);
  EXPECT_EQ(sink_.diagnostics()[0].rule, "hook.events");
  EXPECT_EQ(sink_.diagnostics()[2].rule, "hook.unknown-key");
  EXPECT_EQ(Check("hooks/lint.md", "---\nevents: [Stop]\n---\n", "claude-code",
                  "hook"),
            At("hooks/lint.md", 1, 1, "error",
               "an AGPM hook resource must be a JSON file holding one object "
               "(nested at most 100 levels deep)",
               "---"));
}

}  // namespace
}  // namespace agentgen
