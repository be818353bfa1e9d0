// SPDX-License-Identifier: MIT
// `agentgen check`: every schema rule, valid and invalid, by its whole
// message; where templated values are placed.
#include "validation/check.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"

namespace agentgen {
namespace {

struct Case {
  std::string lines;     ///< frontmatter lines after name and description
  std::string expected;  ///< every diagnostic, as printed; "" when valid
};

// A diagnostic of the fourth line of `lines`' file (the first of `lines`
// when the agent's name and description come first).
std::string At(const std::string& file, int line, int column,
               const std::string& severity, const std::string& message,
               const std::string& line_text) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) +
         ": " + severity + ": " + message + "\n" + line_text + "\n" +
         std::string(static_cast<size_t>(column - 1), ' ') + "^\n";
}

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

// The message of a value on line 4.
std::string Line4(int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return At(kAgent, 4, column, severity, message, line_text);
}

TEST_F(CheckTest, ValidClaudeCodeAgentFields) {
  const char* valid[] = {
      ("tools: Read, Grep, Bash(git *), mcp__github__create_issue, "
       "mcp__github, Agent(explorer), Task(planner)\n"),
      "tools:\n  - Read\n  - mcp__x__*\n",
      "disallowedTools: Write, Edit\n",
      "model: sonnet\n",
      "model: inherit\n",
      "model: claude-sonnet-4-5-20250929\n",
      "model: us.anthropic.claude-opus-4-1-20250805-v1:0\n",
      "permissionMode: acceptEdits\n",
      "maxTurns: 12\n",
      "skills: [pdf, review]\n",
      "mcpServers:\n  - github\n  - local:\n      command: ./server\n",
      "hooks:\n  PreToolUse: []\n",
      "memory: project\n",
      "background: false\n",
      "isolation: worktree\n",
      "color: cyan\n",
      "effort: high\n",
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
       Line4(8, "error",
             "'model' must be sonnet, opus, haiku, inherit or a full model id "
             "such as claude-sonnet-4-5; got 'gpt-4'",
             "model: gpt-4")},
      {"model: sonet\n",
       Line4(8, "error",
             "'model' must be sonnet, opus, haiku, inherit or a full model id "
             "such as claude-sonnet-4-5; got 'sonet' (did you mean "
             "'sonnet'?)",
             "model: sonet")},
      {"model:\n", Line4(1, "error",
                         "'model' must be sonnet, opus, haiku, inherit or a "
                         "full model id such as claude-sonnet-4-5; got nothing",
                         "model:")},
      {"permissionMode: yolo\n",
       Line4(17, "error",
             "'permissionMode' must be one of default, acceptEdits, dontAsk, "
             "bypassPermissions, plan; got 'yolo'",
             "permissionMode: yolo")},
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
       Line4(11, "error",
             "'maxTurns' must be a positive integer (the most turns the agent "
             "may take); got '5' (quoted, so a string: remove the quotes)",
             "maxTurns: \"5\"")},
      {"skills: review\n",
       Line4(9, "error", "'skills' must be a list of skill names; got 'review'",
             "skills: review")},
      {"skills: [pdf, [a]]\n",
       Line4(15, "error", "each entry of 'skills' must be a name; got a list",
             "skills: [pdf, [a]]")},
      {"mcpServers: github\n",
       Line4(13, "error",
             "'mcpServers' must be a list of MCP server names or {name: "
             "configuration} mappings; got 'github'",
             "mcpServers: github")},
      {"mcpServers: [[a]]\n",
       Line4(14, "error",
             "each entry of 'mcpServers' must be a server name or a {name: "
             "configuration} mapping; got a list",
             "mcpServers: [[a]]")},
      {"hooks: [a]\n",
       Line4(8, "error",
             "'hooks' must be a mapping of hook events (PreToolUse, "
             "PostToolUse, Stop, ...) to hooks; got a list",
             "hooks: [a]")},
      {"memory: team\n",
       Line4(9, "error",
             "'memory' must be one of user, project, local; got "
             "'team'",
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
       Line4(8, "error",
             "'color' must be one of the CLI's colours: red, blue, green, "
             "yellow, purple, orange, pink, cyan; got 'magenta'",
             "color: magenta")},
      {"color: Red\n",
       Line4(8, "error",
             "'color' must be one of the CLI's colours: red, blue, green, "
             "yellow, purple, orange, pink, cyan; got 'Red' (did you mean "
             "'red'?)",
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
       Line4(1, "warning", "unknown key 'owner' for a Claude Code subagent",
             "owner: me")},
      {"tools: {Read: true}\n",
       Line4(8, "error", std::string(kTools) + "; got a mapping",
             "tools: {Read: true}")},
      {"tools: Read, Reed\n",
       Line4(14, "warning",
             "unknown tool 'Reed' in 'tools'; did you mean "
             "'Read'?",
             "tools: Read, Reed")},
      {"tools: Frobnicate\n",
       Line4(8, "warning",
             "unknown tool 'Frobnicate' in 'tools' (not a built-in tool; MCP "
             "tools are named mcp__<server>__<tool>)",
             "tools: Frobnicate")},
      {"tools: Bsh(ls)\n", Line4(8, "warning",
                                 "unknown tool 'Bsh' in 'tools'; did you mean "
                                 "'Bash'?",
                                 "tools: Bsh(ls)")},
      {"tools: mcp__github__\n",
       Line4(8, "error",
             "'mcp__github__' in 'tools' must be mcp__<server>__<tool> (or "
             "mcp__<server> for all of its tools)",
             "tools: mcp__github__")},
      {"tools: Agent()\n",
       Line4(8, "error",
             "'Agent()' in 'tools' names nothing in its parentheses; write "
             "Agent(<agent type>)",
             "tools: Agent()")},
      {"tools: Bash()\n",
       Line4(8, "error",
             "'Bash()' in 'tools' names nothing in its parentheses; write "
             "Bash(<pattern>)",
             "tools: Bash()")},
      {"tools: Bash(git\n",
       Line4(8, "error",
             "'Bash(git' in 'tools' is not a tool name: its '(' is not closed",
             "tools: Bash(git")},
      {"tools: Read Grep\n",
       Line4(8, "error",
             "'Read Grep' in 'tools' is not a tool name; separate tool names "
             "with commas",
             "tools: Read Grep")},
      {"tools: read.me\n",
       Line4(8, "error",
             "'read.me' in 'tools' is not a tool name (a built-in tool such as "
             "Read, mcp__<server>__<tool>, or Agent(<type>))",
             "tools: read.me")},
      {"tools: Read,, Grep\n",
       Line4(13, "warning", "empty entry in 'tools' (a stray comma)",
             "tools: Read,, Grep")},
      {"disallowedTools: [Write, {a: b}]\n",
       Line4(26, "error",
             "each entry of 'disallowedTools' must be a tool name; got a "
             "mapping",
             "disallowedTools: [Write, {a: b}]")},
      {"tools: \"Read, Reed\"\n",
       Line4(15, "warning",
             "unknown tool 'Reed' in 'tools'; did you mean "
             "'Read'?",
             "tools: \"Read, Reed\"")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(CheckAgent(test.lines), test.expected) << test.lines;
    bool only_warnings = test.expected.find(": error: ") == std::string::npos;
    EXPECT_EQ(status_, only_warnings ? 0 : 1) << test.lines;
  }
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
  EXPECT_EQ(Check(kAgent, "---\nname: Code_Reviewer\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "error",
               "'name' must be lowercase letters, digits and hyphens (Claude "
               "Code knows the agent by this name); got 'Code_Reviewer' (did "
               "you mean 'code-reviewer'?)",
               "name: Code_Reviewer"));
  EXPECT_EQ(Check(kAgent, "---\nname: critic\ndescription: x\n---\n"),
            At(kAgent, 2, 7, "warning",
               "name 'critic' differs from the file name 'reviewer.md'; "
               "rename one, so that the agent is found by either",
               "name: critic"));
  EXPECT_EQ(status_, 0);
  EXPECT_EQ(Check(kAgent, "Just a prompt.\n"),
            At(kAgent, 1, 1, "error",
               "no frontmatter: a Claude Code subagent starts with a '---' "
               "block holding at least 'name' and 'description'",
               "Just a prompt."));
}

TEST_F(CheckTest, SlashCommands) {
  const char kCommand[] = "commands/deploy.md";
  EXPECT_EQ(Check(kCommand,
                  "---\ndescription: Deploy\nallowed-tools: Bash(git add:*), "
                  "Bash(git status:*)\nargument-hint: [environment]\nmodel: "
                  "haiku\ndisable-model-invocation: true\n---\nDeploy $1\n",
                  "claude-code", "command"),
            "");
  EXPECT_EQ(Check(kCommand, "Deploy $1\n", "claude-code", "command"), "");
  EXPECT_EQ(Check(kCommand, "---\nallowed-tools: Bash(git add:*), Wrte\n---\n",
                  "claude-code", "command"),
            At(kCommand, 2, 33, "warning",
               "unknown tool 'Wrte' in 'allowed-tools'; did you mean 'Write'?",
               "allowed-tools: Bash(git add:*), Wrte"));
  EXPECT_EQ(
      Check(kCommand, "---\nname: deploy\n---\n", "claude-code", "command"),
      At(kCommand, 2, 1, "warning",
         "unknown key 'name' for a Claude Code slash command", "name: deploy"));
}

TEST_F(CheckTest, OpenCodeAgents) {
  const char kOpenCode[] = "agent/review.md";
  EXPECT_EQ(
      Check(kOpenCode,
            "---\ndescription: Reviews code\nmode: subagent\nmodel: "
            "anthropic/claude-sonnet-4-5\ntemperature: 0.1\ntop_p: 0.9\n"
            "tools:\n  write: false\npermission:\n  edit: deny\n  bash:\n"
            "    \"git *\": allow\n    \"*\": ask\nmaxSteps: 5\nhidden: true\n"
            "disable: false\ncolor: \"#ff6600\"\nprompt: \"{file:./p.txt}\"\n"
            "---\n",
            "opencode"),
      "");
  const Case cases[] = {
      {"mode: sub\n", At(kOpenCode, 3, 7, "error",
                         "'mode' must be one of primary, subagent, all; got "
                         "'sub'",
                         "mode: sub")},
      {"mode: Primary\n",
       At(kOpenCode, 3, 7, "error",
          "'mode' must be one of primary, subagent, all; got 'Primary' (did "
          "you mean 'primary'?)",
          "mode: Primary")},
      {"model: claude-sonnet-4-5\n",
       At(kOpenCode, 3, 8, "error",
          "'model' must be provider/model-id, such as "
          "anthropic/claude-sonnet-4-5; got 'claude-sonnet-4-5'",
          "model: claude-sonnet-4-5")},
      {"temperature: 3\n",
       At(kOpenCode, 3, 14, "error",
          "'temperature' must be a number from 0 to 2 (lower is more "
          "focused); got '3'",
          "temperature: 3")},
      {"top_p: high\n",
       At(kOpenCode, 3, 8, "error",
          "'top_p' must be a number from 0 to 1; got 'high'", "top_p: high")},
      {"tools:\n  write: maybe\n",
       At(kOpenCode, 4, 10, "error",
          "'tools' must be a mapping of tool names to true or false; got "
          "'maybe' for 'write'",
          "  write: maybe")},
      {"permission:\n  edit: never\n",
       At(kOpenCode, 4, 9, "error",
          "'permission' must be a mapping of tools to ask, allow or deny (or "
          "of patterns to those); got 'never' for 'edit'",
          "  edit: never")},
      {"maxSteps: -1\n",
       At(kOpenCode, 3, 11, "error",
          "'maxSteps' must be a positive integer (the most steps the agent "
          "may take); got '-1'",
          "maxSteps: -1")},
      {"tools: Read, Grep\n",
       At(kOpenCode, 3, 8, "error",
          "'tools' must be a mapping of tool names to true or false; got "
          "'Read, Grep'",
          "tools: Read, Grep")},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(
        Check(kOpenCode, "---\ndescription: Reviews\n" + test.lines + "---\n",
              "opencode"),
        test.expected)
        << test.lines;
  }
  EXPECT_EQ(Check(kOpenCode, "---\nmode: all\n---\n", "opencode"),
            At(kOpenCode, 1, 1, "error",
               "required key 'description' is missing; it must be a non-empty "
               "text (OpenCode reads it to decide when to use the agent)",
               "---"));
}

TEST_F(CheckTest, TemplatedValuesPointAtTheTagThatProducedThem) {
  fs_.Add("agpm.toml", "[project]\nmodel = \"gpt\"\ntool = \"Reed\"\n");
  EXPECT_EQ(Check("agents/a.md",
                  "---\nname: a\ndescription: x\nmodel: {{ agpm.project.model "
                  "}}\nagpm:\n  templating: true\n---\nBody\n"),
            At("agents/a.md", 4, 8, "error",
               "'model' must be sonnet, opus, haiku, inherit or a full model "
               "id such as claude-sonnet-4-5; got 'gpt'",
               "model: {{ agpm.project.model }}"));
  EXPECT_EQ(Check("agents/m.md",
                  "---\nname: m\ndescription: x\nmodel: {{project.model}}\n"
                  "tools: Read, {{project.tool}}\nagentgen:\n  templating: "
                  "mustache\n---\n"),
            At("agents/m.md", 4, 8, "error",
               "'model' must be sonnet, opus, haiku, inherit or a full model "
               "id such as claude-sonnet-4-5; got 'gpt'",
               "model: {{project.model}}") +
                At("agents/m.md", 5, 14, "warning",
                   "unknown tool 'Reed' in 'tools'; did you mean 'Read'?",
                   "tools: Read, {{project.tool}}"));
}

TEST_F(CheckTest, AValueThatBreaksTheYamlIsLocatedAtItsTag) {
  fs_.Add("agpm.toml", "[project]\nsummary = \"Reviews: code\"\n");
  EXPECT_EQ(Check("agents/a.md",
                  "---\nname: a\ndescription: {{ agpm.project.summary }}\n"
                  "agpm:\n  templating: true\n---\n"),
            At("agents/a.md", 3, 14, "error", "illegal map value",
               "description: {{ agpm.project.summary }}"));
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

}  // namespace
}  // namespace agentgen
