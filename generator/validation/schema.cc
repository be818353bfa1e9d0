// SPDX-License-Identifier: MIT
#include "validation/schema.h"

#include <utility>

namespace agentgen {

const char* const kSchemaTools[2] = {"claude-code", "opencode"};

namespace {

using Kind = FieldKind;

FieldRule Field(std::string key, Kind kind, std::string must_be,
                std::vector<std::string> choices = {}) {
  return {std::move(key),     kind, false, std::move(must_be),
          std::move(choices), 0,    0};
}

FieldRule Required(std::string key, Kind kind, std::string must_be) {
  FieldRule rule = Field(std::move(key), kind, std::move(must_be));
  rule.required = true;
  return rule;
}

FieldRule Number(std::string key, double minimum, double maximum,
                 std::string must_be) {
  FieldRule rule = Field(std::move(key), Kind::kNumber, std::move(must_be));
  rule.minimum = minimum;
  rule.maximum = maximum;
  return rule;
}

// Keys agentgen and AGPM read while building; the tools ignore them.
std::vector<FieldRule> WithBuildKeys(std::vector<FieldRule> fields) {
  for (const char* key : {"agpm", "agentgen", "dependencies"})
    fields.push_back(Field(key, Kind::kAny, ""));
  return fields;
}

const char kToolList[] =
    "a comma-separated string or a list of tool names (built-in tools such "
    "as Read, mcp__<server>__<tool>, Agent(<type>))";
const char kClaudeModel[] =
    "sonnet, opus, haiku, inherit or a full model id such as "
    "claude-sonnet-4-5";
const char kProviderModel[] =
    "provider/model-id, such as anthropic/claude-sonnet-4-5";
const char kBoolean[] = "true or false";
const std::vector<std::string> kModelAliases = {"sonnet", "opus", "haiku",
                                                "inherit"};

Schema ClaudeCodeAgent() {
  Schema schema{"claude-code-agent",      "claude-code", "agent",
                "a Claude Code subagent", true,          {}};
  schema.fields = WithBuildKeys({
      Required("name", Kind::kAgentName,
               "lowercase letters, digits and hyphens (Claude Code knows the "
               "agent by this name)"),
      Required("description", Kind::kNonEmptyText,
               "a non-empty text (Claude Code reads it to decide when to hand "
               "a task to the agent)"),
      Field("tools", Kind::kToolList, kToolList),
      Field("disallowedTools", Kind::kToolList, kToolList),
      Field("model", Kind::kClaudeModel, kClaudeModel, kModelAliases),
      Field("permissionMode", Kind::kChoice,
            "one of default, acceptEdits, dontAsk, bypassPermissions, plan",
            {"default", "acceptEdits", "dontAsk", "bypassPermissions", "plan"}),
      Field("maxTurns", Kind::kPositiveInteger,
            "a positive integer (the most turns the agent may take)"),
      Field("skills", Kind::kTextList, "a list of skill names"),
      Field("mcpServers", Kind::kServerList,
            "a list of MCP server names or {name: configuration} mappings"),
      Field("hooks", Kind::kMapping,
            "a mapping of hook events (PreToolUse, PostToolUse, Stop, ...) "
            "to hooks"),
      Field("memory", Kind::kChoice, "one of user, project, local",
            {"user", "project", "local"}),
      Field("background", Kind::kBoolean, kBoolean),
      Field("isolation", Kind::kChoice,
            "worktree (the only isolation Claude Code offers)", {"worktree"}),
      Field("color", Kind::kChoice,
            "one of the CLI's colours: red, blue, green, yellow, purple, "
            "orange, pink, cyan",
            {"red", "blue", "green", "yellow", "purple", "orange", "pink",
             "cyan"}),
      Field("effort", Kind::kText, "a text"),
      Field("initialPrompt", Kind::kText, "a text"),
  });
  return schema;
}

Schema ClaudeCodeCommand() {
  Schema schema{"claude-code-command",         "claude-code", "command",
                "a Claude Code slash command", false,         {}};
  schema.fields = WithBuildKeys({
      Field("description", Kind::kText,
            "a text (shown beside the command in /help)"),
      Field("allowed-tools", Kind::kToolList, kToolList),
      Field("argument-hint", Kind::kTextOrList,
            "a text (shown as the command's arguments)"),
      Field("model", Kind::kClaudeModel, kClaudeModel, kModelAliases),
      Field("disable-model-invocation", Kind::kBoolean, kBoolean),
  });
  return schema;
}

Schema OpenCodeAgent() {
  Schema schema{"opencode-agent",    "opencode", "agent",
                "an OpenCode agent", false,      {}};
  schema.fields = WithBuildKeys({
      Required("description", Kind::kNonEmptyText,
               "a non-empty text (OpenCode reads it to decide when to use the "
               "agent)"),
      Field("name", Kind::kText,
            "a text (OpenCode names the agent after its file by default)"),
      Field("mode", Kind::kChoice, "one of primary, subagent, all",
            {"primary", "subagent", "all"}),
      Field("model", Kind::kProviderModel, kProviderModel),
      Number("temperature", 0, 2,
             "a number from 0 to 2 (lower is more focused)"),
      Number("top_p", 0, 1, "a number from 0 to 1"),
      Field("tools", Kind::kBooleanMapping,
            "a mapping of tool names to true or false"),
      Field("permission", Kind::kPermissionMapping,
            "a mapping of tools to ask, allow or deny (or of patterns to "
            "those)"),
      Field("prompt", Kind::kText, "a text"),
      Field("maxSteps", Kind::kPositiveInteger,
            "a positive integer (the most steps the agent may take)"),
      Field("hidden", Kind::kBoolean, kBoolean),
      Field("disable", Kind::kBoolean, kBoolean),
      Field("color", Kind::kText, "a colour such as #ff6600"),
  });
  return schema;
}

Schema OpenCodeCommand() {
  Schema schema{"opencode-command",    "opencode", "command",
                "an OpenCode command", false,      {}};
  schema.fields = WithBuildKeys({
      Field("description", Kind::kText, "a text"),
      Field("agent", Kind::kText, "the name of an agent"),
      Field("model", Kind::kProviderModel, kProviderModel),
      Field("subtask", Kind::kBoolean, kBoolean),
  });
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
