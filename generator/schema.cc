// SPDX-License-Identifier: MIT
#include "schema.h"

namespace agentgen {

const char* const kSchemaTools[2] = {"claude-code", "opencode"};

namespace {

// Keys agentgen and AGPM read while building; the tools ignore them.
void AddBuildKeys(Schema* schema) {
  for (const char* key : {"agpm", "agentgen", "dependencies"})
    schema->fields.push_back({key, FieldKind::kAny, false, "", {}, 0, 0});
}

const char kToolListMust[] =
    "a comma-separated string or a list of tool names (built-in tools such "
    "as Read, mcp__<server>__<tool>, Agent(<type>))";
const char kClaudeModelMust[] =
    "sonnet, opus, haiku, inherit or a full model id such as "
    "claude-sonnet-4-5";
const char kProviderModelMust[] =
    "provider/model-id, such as anthropic/claude-sonnet-4-5";

Schema ClaudeCodeAgent() {
  Schema schema{"claude-code-agent",      "claude-code", "agent",
                "a Claude Code subagent", true,          {}};
  schema.fields = {
      {"name",
       FieldKind::kAgentName,
       true,
       "lowercase letters, digits and hyphens (Claude Code knows the agent "
       "by this name)",
       {},
       0,
       0},
      {"description",
       FieldKind::kNonEmptyText,
       true,
       "a non-empty text (Claude Code reads it to decide when to hand a task "
       "to the agent)",
       {},
       0,
       0},
      {"tools", FieldKind::kToolList, false, kToolListMust, {}, 0, 0},
      {"disallowedTools", FieldKind::kToolList, false, kToolListMust, {}, 0, 0},
      {"model",
       FieldKind::kClaudeModel,
       false,
       kClaudeModelMust,
       {"sonnet", "opus", "haiku", "inherit"},
       0,
       0},
      {"permissionMode",
       FieldKind::kChoice,
       false,
       "one of default, acceptEdits, dontAsk, bypassPermissions, plan",
       {"default", "acceptEdits", "dontAsk", "bypassPermissions", "plan"},
       0,
       0},
      {"maxTurns",
       FieldKind::kPositiveInteger,
       false,
       "a positive integer (the most turns the agent may take)",
       {},
       0,
       0},
      {"skills",
       FieldKind::kTextList,
       false,
       "a list of skill names",
       {},
       0,
       0},
      {"mcpServers",
       FieldKind::kServerList,
       false,
       "a list of MCP server names or {name: configuration} mappings",
       {},
       0,
       0},
      {"hooks",
       FieldKind::kMapping,
       false,
       "a mapping of hook events (PreToolUse, PostToolUse, Stop, ...) to "
       "hooks",
       {},
       0,
       0},
      {"memory",
       FieldKind::kChoice,
       false,
       "one of user, project, local",
       {"user", "project", "local"},
       0,
       0},
      {"background", FieldKind::kBoolean, false, "true or false", {}, 0, 0},
      {"isolation",
       FieldKind::kChoice,
       false,
       "worktree (the only isolation Claude Code offers)",
       {"worktree"},
       0,
       0},
      {"color",
       FieldKind::kChoice,
       false,
       "one of the CLI's colours: red, blue, green, yellow, purple, orange, "
       "pink, cyan",
       {"red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan"},
       0,
       0},
      {"effort", FieldKind::kText, false, "a text", {}, 0, 0},
      {"initialPrompt", FieldKind::kText, false, "a text", {}, 0, 0},
  };
  AddBuildKeys(&schema);
  return schema;
}

Schema ClaudeCodeCommand() {
  Schema schema{"claude-code-command",         "claude-code", "command",
                "a Claude Code slash command", false,         {}};
  schema.fields = {
      {"description",
       FieldKind::kText,
       false,
       "a text (shown beside the command in /help)",
       {},
       0,
       0},
      {"allowed-tools", FieldKind::kToolList, false, kToolListMust, {}, 0, 0},
      {"argument-hint",
       FieldKind::kText,
       false,
       "a text (shown as the command's arguments)",
       {},
       0,
       0},
      {"model",
       FieldKind::kClaudeModel,
       false,
       kClaudeModelMust,
       {"sonnet", "opus", "haiku", "inherit"},
       0,
       0},
      {"disable-model-invocation",
       FieldKind::kBoolean,
       false,
       "true or false",
       {},
       0,
       0},
  };
  AddBuildKeys(&schema);
  return schema;
}

Schema OpenCodeAgent() {
  Schema schema{"opencode-agent",    "opencode", "agent",
                "an OpenCode agent", false,      {}};
  schema.fields = {
      {"description",
       FieldKind::kNonEmptyText,
       true,
       "a non-empty text (OpenCode reads it to decide when to use the agent)",
       {},
       0,
       0},
      {"mode",
       FieldKind::kChoice,
       false,
       "one of primary, subagent, all",
       {"primary", "subagent", "all"},
       0,
       0},
      {"model", FieldKind::kProviderModel, false, kProviderModelMust, {}, 0, 0},
      {"temperature",
       FieldKind::kNumber,
       false,
       "a number from 0 to 2 (lower is more focused)",
       {},
       0,
       2},
      {"top_p", FieldKind::kNumber, false, "a number from 0 to 1", {}, 0, 1},
      {"tools",
       FieldKind::kBooleanMapping,
       false,
       "a mapping of tool names to true or false",
       {},
       0,
       0},
      {"permission",
       FieldKind::kPermissionMapping,
       false,
       "a mapping of tools to ask, allow or deny (or of patterns to those)",
       {},
       0,
       0},
      {"prompt", FieldKind::kText, false, "a text", {}, 0, 0},
      {"maxSteps",
       FieldKind::kPositiveInteger,
       false,
       "a positive integer (the most steps the agent may take)",
       {},
       0,
       0},
      {"hidden", FieldKind::kBoolean, false, "true or false", {}, 0, 0},
      {"disable", FieldKind::kBoolean, false, "true or false", {}, 0, 0},
      {"color", FieldKind::kText, false, "a colour such as #ff6600", {}, 0, 0},
  };
  AddBuildKeys(&schema);
  return schema;
}

Schema OpenCodeCommand() {
  Schema schema{"opencode-command",    "opencode", "command",
                "an OpenCode command", false,      {}};
  schema.fields = {
      {"description", FieldKind::kText, false, "a text", {}, 0, 0},
      {"agent", FieldKind::kText, false, "the name of an agent", {}, 0, 0},
      {"model", FieldKind::kProviderModel, false, kProviderModelMust, {}, 0, 0},
      {"subtask", FieldKind::kBoolean, false, "true or false", {}, 0, 0},
  };
  AddBuildKeys(&schema);
  return schema;
}

}  // namespace

const std::vector<Schema>& AllSchemas() {
  static const std::vector<Schema> schemas = {
      ClaudeCodeAgent(), ClaudeCodeCommand(), OpenCodeAgent(),
      OpenCodeCommand()};
  return schemas;
}

const Schema* FindSchema(std::string_view tool, std::string_view type) {
  for (const Schema& schema : AllSchemas()) {
    if (schema.tool == tool && schema.type == type) return &schema;
  }
  return nullptr;
}

const std::vector<std::string>& BuiltinClaudeCodeTools() {
  static const std::vector<std::string> tools = {
      "Agent",        "Bash",         "BashOutput",   "Edit",
      "ExitPlanMode", "Glob",         "Grep",         "KillShell",
      "LS",           "MultiEdit",    "NotebookEdit", "NotebookRead",
      "Read",         "SlashCommand", "Skill",        "Task",
      "TodoWrite",    "WebFetch",     "WebSearch",    "Write"};
  return tools;
}

}  // namespace agentgen
