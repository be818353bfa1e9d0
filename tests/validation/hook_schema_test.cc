// SPDX-License-Identifier: MIT
// Hooks: every rule, valid and invalid, by its whole message, in frontmatter
// (YAML) and in JSON files.
#include "validation/hook_schema.h"

#include <gtest/gtest.h>

#include "inputs/json_tree.h"
#include "inputs/yaml_frontmatter.h"
#include "support/printed.h"
#include "validation/formats_data.h"

namespace agentgen {
namespace {

// Validates the `hooks:` of a frontmatter holding `yaml` (starting on line 2
// of agents/a.md, after the opening `---`).
std::string CheckFrontmatter(const std::string& yaml,
                             HookOwner owner = HookOwner::kAgent) {
  const std::string file = "---\n" + yaml + "---\n";
  std::string_view text(file.data() + 4, yaml.size());
  Locator locate = SliceLocator("agents/a.md", file, 4);
  DiagnosticSink sink;
  std::optional<YamlDocument> document =
      ParseFrontmatterYaml(text, locate, sink);
  if (!document) return "YAML error: " + Printed(sink);
  HookPlace place{text, locate, "claude-code-agent", owner, false};
  for (const YamlNode::Entry& entry : document->root().entries()) {
    if (entry.key->scalar() != "hooks") continue;
    place.key = entry.key;
    ValidateHooks(*entry.value, place, sink);
  }
  return Printed(sink);
}

// Validates a JSON hook file: Claude Code's shape when `resource` is false
// (as in a settings file's `hooks`), else an AGPM hook resource.
std::string CheckJson(const std::string& json, bool resource) {
  Locator locate = [&json](size_t offset) {
    return LocateOffset("hooks/h.json", json, offset);
  };
  std::optional<YamlDocument> tree = ReadJsonTree(json);
  if (!tree) return "not JSON";
  DiagnosticSink sink;
  HookPlace place{json, locate, resource ? "hook" : "claude-code-settings",
                  HookOwner::kSettings, true};
  if (resource)
    ValidateHookResource(tree->root(), place, sink);
  else
    ValidateHooks(tree->root(), place, sink);
  return Printed(sink);
}

std::string Agent(int line, int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return At("agents/a.md", line, column, severity, message, line_text);
}

std::string Json(int line, int column, const std::string& severity,
                 const std::string& message, const std::string& line_text) {
  return At("hooks/h.json", line, column, severity, message, line_text);
}

TEST(HookSchemaTest, EveryPathOfFormatsTomlReads) {
  for (const char* path :
       {"hooks.events", "hooks.events_without_matcher",
        "hooks.events_with_every_type",
        "hooks.events_with_command_and_mcp_tool_only", "hooks.types",
        "hooks.common_fields", "hooks.shells", "agpm_hook.required",
        "agpm_hook.optional", "agpm_hook.metadata", "agpm_hook.types"})
    EXPECT_FALSE(FormatsList(path).empty()) << path;
  for (const std::string& type : FormatsList("hooks.types")) {
    EXPECT_FALSE(FormatsList("hooks.fields." + type).empty()) << type;
    EXPECT_FALSE(FormatsList("hooks.required." + type).empty()) << type;
  }
  std::map<std::string, std::string> kinds = FormatsMap("hooks.value_kinds");
  for (const std::string& type : FormatsList("hooks.types")) {
    for (const std::string& field : FormatsList("hooks.fields." + type))
      EXPECT_EQ(kinds.count(field), 1u) << field;
  }
  for (const std::string& field : FormatsList("hooks.common_fields"))
    EXPECT_EQ(kinds.count(field), 1u) << field;
}

TEST(HookSchemaTest, ValidFrontmatterHooks) {
  const char* valid[] = {
      // Every handler type with all of its fields.
      "hooks:\n"
      "  PreToolUse:\n"
      "    - matcher: Bash\n"
      "      hooks:\n"
      "        - type: command\n"
      "          command: ./check.sh\n"
      "          args: [--strict]\n"
      "          async: false\n"
      "          asyncRewake: false\n"
      "          shell: bash\n"
      "          if: Bash(git *)\n"
      "          timeout: 30\n"
      "          statusMessage: Checking\n"
      "        - type: http\n"
      "          url: http://localhost:8080/hook\n"
      "          headers: {Authorization: Bearer $TOKEN}\n"
      "          allowedEnvVars: [TOKEN]\n"
      "        - type: mcp_tool\n"
      "          server: scanner\n"
      "          tool: scan\n"
      "          input: {path: \"${tool_input.file_path}\"}\n"
      "        - type: prompt\n"
      "          prompt: Is this safe? $ARGUMENTS\n"
      "          model: haiku\n"
      "          continueOnBlock: true\n"
      "        - type: agent\n"
      "          prompt: Verify the tests pass\n"
      "          timeout: 1.5\n",
      // No matcher; an empty list of groups and of handlers.
      ("hooks:\n  Stop:\n    - hooks:\n        - {type: command, command: x}\n"
       "  SessionEnd: []\n  Notification:\n    - hooks: []\n"),
      // A subagent's Stop runs as SubagentStop, which matches agent types.
      "hooks:\n  Stop:\n    - matcher: reviewer\n      hooks: []\n",
      "hooks: {}\n",
  };
  for (const char* yaml : valid) EXPECT_EQ(CheckFrontmatter(yaml), "") << yaml;
  // `once` counts in a skill's hooks.
  EXPECT_EQ(CheckFrontmatter("hooks:\n  PreToolUse:\n    - hooks:\n        - "
                             "{type: command, command: x, once: true}\n",
                             HookOwner::kSkill),
            "");
}

TEST(HookSchemaTest, InvalidFrontmatterHooks) {
  const char kNotMapping[] =
      "'hooks' must be a mapping of hook events to lists of matcher groups "
      "({Event: [{matcher, hooks: [handler, ...]}]}); got ";
  const char kUnknownEvent[] =
      "(Claude Code ignores the hooks of an event it does not know)";
  const char kFields[] =
      "        - type: command\n"
      "          command: \"\"\n"
      "          timeout: \"30\"\n"
      "          async: yes\n"
      "          shell: zsh\n"
      "          args: [1]\n"
      "          statusMessage: [a]\n";
  const std::pair<std::string, std::string> cases[] = {
      {"hooks: [PreToolUse]\n",
       Agent(2, 8, "error", kNotMapping + std::string("a list"),
             "hooks: [PreToolUse]")},
      {"hooks:\n",
       Agent(2, 1, "error", kNotMapping + std::string("nothing"), "hooks:")},
      {"hooks:\n  pretooluse: []\n",
       Agent(3, 3, "error",
             "unknown hook event 'pretooluse' " + std::string(kUnknownEvent) +
                 "; did you mean 'PreToolUse'?",
             "  pretooluse: []")},
      {"hooks:\n  PreToolCall: []\n",
       Agent(3, 3, "error",
             "unknown hook event 'PreToolCall' " + std::string(kUnknownEvent) +
                 "; the events are listed at "
                 "https://code.claude.com/docs/en/hooks",
             "  PreToolCall: []")},
      {"hooks:\n  Stop:\n    hooks: []\n",
       Agent(4, 5, "error",
             "'Stop' must be a list of matcher groups ({matcher, hooks: "
             "[handler, ...]}); got a mapping (make this matcher group the "
             "list's one entry)",
             "    hooks: []")},
      {"hooks:\n  Stop:\n    - echo hi\n",
       Agent(4, 7, "error",
             "each matcher group of 'Stop' must be a mapping with 'hooks' (a "
             "list of handlers) and an optional 'matcher'; got the string "
             "\"echo hi\"",
             "    - echo hi")},
      {"hooks:\n  PreToolUse:\n    - type: command\n      command: x\n",
       Agent(4, 7, "error",
             "this is a handler, but each entry of 'PreToolUse' is a matcher "
             "group: put the handler in the group's 'hooks' list ({matcher, "
             "hooks: [handler]})",
             "    - type: command")},
      {"hooks:\n  PreToolUse:\n    - matcher: Bash\n",
       Agent(4, 7, "error",
             "a matcher group needs 'hooks': the list of handlers to run",
             "    - matcher: Bash")},
      {"hooks:\n  PreToolUse:\n    - matchers: Bash\n      hooks: []\n",
       Agent(4, 7, "warning",
             "unknown key 'matchers' in a matcher group; did you mean "
             "'matcher'?",
             "    - matchers: Bash")},
      {"hooks:\n  PreToolUse:\n    - matcher: [Bash]\n      hooks: []\n",
       Agent(4, 16, "error",
             "'matcher' must be a string (a name, names separated by '|', or "
             "a regular expression); got a list",
             "    - matcher: [Bash]")},
      {"hooks:\n  UserPromptSubmit:\n    - matcher: x\n      hooks: []\n",
       Agent(4, 7, "warning",
             "'matcher' has no effect on UserPromptSubmit: Claude Code runs "
             "its hooks on every occurrence",
             "    - matcher: x")},
      {"hooks:\n  Stop:\n    - hooks: {type: command}\n",
       Agent(4, 14, "error",
             "'hooks' must be a list of handlers; got a mapping",
             "    - hooks: {type: command}")},
      {"hooks:\n  Stop:\n    - hooks: [echo hi]\n",
       Agent(4, 15, "error",
             "each handler in 'hooks' must be a mapping with a 'type' "
             "(command, http, mcp_tool, prompt or agent); got the string "
             "\"echo hi\"",
             "    - hooks: [echo hi]")},
      {"hooks:\n  Stop:\n    - hooks:\n        - command: x\n",
       Agent(5, 11, "error",
             "a handler needs a 'type': command, http, mcp_tool, prompt or "
             "agent",
             "        - command: x")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: comand, command: x}\n",
       Agent(5, 18, "error",
             "'type' must be command, http, mcp_tool, prompt or agent; got the "
             "string \"comand\" (did you mean 'command'?)",
             "        - {type: comand, command: x}")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: mcp_tool, server: s}\n",
       Agent(5, 11, "error", "an mcp_tool handler needs 'tool'",
             "        - {type: mcp_tool, server: s}")},
      {"hooks:\n  SessionStart:\n    - hooks:\n        - {type: prompt, "
       "prompt: p}\n",
       Agent(5, 18, "error",
             "a prompt handler does not run on SessionStart, which runs "
             "command and mcp_tool handlers",
             "        - {type: prompt, prompt: p}")},
      {"hooks:\n  Notification:\n    - hooks:\n        - {type: agent, "
       "prompt: p}\n",
       Agent(5, 18, "error",
             "an agent handler does not run on Notification, which runs "
             "command, http and mcp_tool handlers",
             "        - {type: agent, prompt: p}")},
      {"hooks:\n  Stop:\n    - hooks:\n" + std::string(kFields),
       Agent(6, 20, "error",
             "'command' must be a non-empty string; got the string \"\"",
             "          command: \"\"") +
           Agent(7, 20, "error",
                 "'timeout' must be a number of seconds above 0; got the "
                 "string \"30\"",
                 "          timeout: \"30\"") +
           Agent(8, 18, "error",
                 "'async' must be true or false; got the string \"yes\"",
                 "          async: yes") +
           Agent(9, 18, "error",
                 "'shell' must be bash or powershell; got the string \"zsh\"",
                 "          shell: zsh") +
           Agent(10, 18, "error",
                 "each entry of 'args' must be a string; got 1",
                 "          args: [1]") +
           Agent(11, 26, "error",
                 "'statusMessage' must be a string; got a list",
                 "          statusMessage: [a]")},
      {"hooks:\n  Stop:\n    - hooks:\n        - type: http\n          url: "
       "u\n          timeout: 0\n          headers: {A: 1}\n          "
       "allowedEnvVars: TOKEN\n",
       Agent(7, 20, "error",
             "'timeout' must be a number of seconds above 0; got 0",
             "          timeout: 0") +
           Agent(8, 24, "error",
                 "'headers' values must be strings; got 1 for 'A'",
                 "          headers: {A: 1}") +
           Agent(9, 27, "error",
                 "'allowedEnvVars' must be a list of strings; got the string "
                 "\"TOKEN\"",
                 "          allowedEnvVars: TOKEN")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: mcp_tool, server: s, "
       "tool: t, input: x}\n",
       Agent(5, 55, "error", "'input' must be a mapping; got the string \"x\"",
             "        - {type: mcp_tool, server: s, tool: t, input: x}")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: command, command: x, "
       "url: u, model: m}\n",
       Agent(5, 39, "warning",
             "'url' belongs to http handlers; Claude Code ignores it on a "
             "command handler",
             "        - {type: command, command: x, url: u, model: m}") +
           Agent(5, 47, "warning",
                 "'model' belongs to prompt and agent handlers; Claude Code "
                 "ignores it on a command handler",
                 "        - {type: command, command: x, url: u, model: m}")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: command, comand: x}\n",
       Agent(5, 27, "warning",
             "unknown key 'comand' in a command handler; did you mean "
             "'command'?",
             "        - {type: command, comand: x}") +
           Agent(5, 11, "error", "a command handler needs 'command'",
                 "        - {type: command, comand: x}")},
      {"hooks:\n  Stop:\n    - hooks:\n        - {type: command, command: x, "
       "once: true}\n",
       Agent(5, 39, "warning",
             "'once' counts only in a skill's hooks; Claude Code ignores it in "
             "a subagent's",
             "        - {type: command, command: x, once: true}")},
  };
  for (const auto& [yaml, expected] : cases)
    EXPECT_EQ(CheckFrontmatter(yaml), expected) << yaml;
}

TEST(HookSchemaTest, ADidYouMeanIsAnEditOfTheNameAsWritten) {
  const std::string yaml = "hooks:\n  pretooluse: []\n";
  const std::string file = "---\n" + yaml + "---\n";
  std::string_view text(file.data() + 4, yaml.size());
  Locator locate = SliceLocator("agents/a.md", file, 4);
  DiagnosticSink sink;
  std::optional<YamlDocument> document =
      ParseFrontmatterYaml(text, locate, sink);
  ASSERT_TRUE(document);
  ValidateHooks(MappingValue(document->root(), "hooks"),
                HookPlace{text, locate, "claude-code-skill", HookOwner::kSkill,
                          false, nullptr},
                sink);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const Diagnostic& diagnostic = sink.diagnostics()[0];
  EXPECT_EQ(diagnostic.rule, "claude-code-skill.hooks");
  EXPECT_EQ(diagnostic.where.line, 3);
  EXPECT_EQ(diagnostic.where.column, 3);
  EXPECT_EQ(diagnostic.end.line, 3);
  EXPECT_EQ(diagnostic.end.column, 13);
  EXPECT_EQ(diagnostic.replacement, "PreToolUse");
}

TEST(HookSchemaTest, JsonSettingsHooksAreLocatedAtTheirKeys) {
  EXPECT_EQ(CheckJson(R"({"PreToolUse": [{"matcher": "Bash", "hooks": [)"
                      R"({"type": "command", "command": "x"}]}]})",
                      false),
            "");
  const std::string json =
      "{\"PreToolCall\": [],\n"
      " \"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": 5}]}]}";
  EXPECT_EQ(
      CheckJson(json, false),
      Json(1, 2, "error",
           "unknown hook event 'PreToolCall' (Claude Code ignores the hooks of "
           "an event it does not know); the events are listed at "
           "https://code.claude.com/docs/en/hooks",
           "{\"PreToolCall\": [],") +
          Json(2, 42, "error", "'command' must be a non-empty string; got 5",
               " \"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": "
               "5}]}]}"));
}

TEST(HookSchemaTest, ValidAgpmHookResource) {
  EXPECT_EQ(CheckJson(R"({"events": ["PreToolUse", "PostToolUse"],)"
                      R"( "type": "command", "command": "./lint.sh",)"
                      R"( "matcher": "Edit|Write", "timeout": 30,)"
                      R"( "description": "Lints", "agpm": {"version": "1"}})",
                      true),
            "");
  EXPECT_EQ(CheckJson(R"({"events": ["Stop"], "type": "command",)"
                      R"( "command": "x"})",
                      true),
            "");
}

TEST(HookSchemaTest, InvalidAgpmHookResource) {
  const std::pair<std::string, std::string> cases[] = {
      {"[1]", Json(1, 1, "error",
                   "an AGPM hook resource must be an object with 'events', "
                   "'type' and 'command'; got a list",
                   "[1]")},
      {"{\"hooks\": {\"Stop\": []}}",
       Json(1, 1, "error",
            "this file holds Claude Code hooks ({Event: [{matcher, hooks}]}), "
            "but an AGPM hook resource describes one hook: {\"events\": "
            "[...], \"type\": \"command\", \"command\": ...}",
            "{\"hooks\": {\"Stop\": []}}")},
      {"{}", Json(1, 1, "error",
                  "an AGPM hook resource needs 'events': the Claude Code "
                  "events it runs on",
                  "{}") +
                 Json(1, 1, "error",
                      "an AGPM hook resource needs 'type': \"command\"", "{}") +
                 Json(1, 1, "error",
                      "an AGPM hook resource needs 'command': the shell "
                      "command to run",
                      "{}")},
      {"{\"events\": [], \"type\": \"command\", \"command\": \"x\"}",
       Json(1, 2, "error",
            "'events' must be a non-empty list of Claude Code hook events; "
            "got an empty list",
            "{\"events\": [], \"type\": \"command\", \"command\": \"x\"}")},
      {"{\"events\": \"Stop\", \"type\": \"command\", \"command\": \"x\"}",
       Json(1, 2, "error",
            "'events' must be a non-empty list of Claude Code hook events; "
            "got the string \"Stop\"",
            "{\"events\": \"Stop\", \"type\": \"command\", \"command\": "
            "\"x\"}")},
      {"{\"events\": [\"Stop\", \"PreToolCall\", 5],\n \"type\": \"http\",\n"
       " \"command\": \"\",\n \"matcher\": 5,\n \"timeout\": 1.5,\n"
       " \"comand\": \"x\"}",
       Json(1, 21, "error",
            "unknown hook event 'PreToolCall' (Claude Code ignores the hooks "
            "of an event it does not know); the events are listed at "
            "https://code.claude.com/docs/en/hooks",
            "{\"events\": [\"Stop\", \"PreToolCall\", 5],") +
           Json(1, 36, "error",
                "a hook event must be a name such as PreToolUse; got 5",
                "{\"events\": [\"Stop\", \"PreToolCall\", 5],") +
           Json(2, 2, "error",
                "'type' must be \"command\" (the only hook type AGPM merges); "
                "got the string \"http\"",
                " \"type\": \"http\",") +
           Json(3, 2, "error",
                "'command' must be a non-empty string; got the string \"\"",
                " \"command\": \"\",") +
           Json(4, 2, "error", "'matcher' must be a string; got 5",
                " \"matcher\": 5,") +
           Json(5, 2, "error",
                "'timeout' must be a whole number of seconds above 0; got 1.5",
                " \"timeout\": 1.5,") +
           Json(6, 2, "warning",
                "unknown key 'comand' in an AGPM hook resource; did you mean "
                "'command'?",
                " \"comand\": \"x\"}")},
  };
  for (const auto& [json, expected] : cases)
    EXPECT_EQ(CheckJson(json, true), expected) << json;
}

TEST(HookSchemaTest, AgpmResourceRuleIds) {
  const std::string json =
      "{\"events\": [\"Stop\"], \"type\": \"http\", "
      "\"command\": \"x\", \"x\": 1}";
  std::optional<YamlDocument> tree = ReadJsonTree(json);
  ASSERT_TRUE(tree);
  DiagnosticSink sink;
  ValidateHookResource(tree->root(),
                       HookPlace{json,
                                 [&json](size_t offset) {
                                   return LocateOffset("h.json", json, offset);
                                 },
                                 "hook", HookOwner::kSettings, true, nullptr},
                       sink);
  ASSERT_EQ(sink.diagnostics().size(), 2u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "hook.type");
  EXPECT_EQ(sink.diagnostics()[1].rule, "hook.unknown-key");
}

}  // namespace
}  // namespace agentgen
