// SPDX-License-Identifier: MIT
#include "validation/schema.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "validation/formats_data.h"

namespace agentgen {

const char* const kSchemaTools[2] = {"claude-code", "opencode"};

namespace {

using Kind = FieldKind;

// The formats.toml paths the schemas read: every one goes through List()
// or Map(), so SchemaFormatsPaths() names them all.
const char kBuiltinTools[] = "claude_code.tools.builtin";
const char kNeverInSubagents[] = "claude_code.tools.never_in_subagents";
const char kPlanModeOnly[] = "claude_code.tools.plan_mode_only";
const char kToolAliases[] = "claude_code.tools.aliases";
const char kRemovedTools[] = "claude_code.tools.removed";
const char kRenamedTools[] = "claude_code.tools.renamed";
const char kModelAliases[] = "claude_code.models.aliases";
const char kPermissionModes[] = "claude_code.agent.permission_modes";
const char kAgentEffort[] = "claude_code.agent.effort";
const char kAgentColors[] = "claude_code.agent.colors";
const char kAgentMemory[] = "claude_code.agent.memory";
const char kAgentIsolation[] = "claude_code.agent.isolation";
const char kAgentBooleans[] = "claude_code.agent.booleans";
const char kSkillBooleans[] = "claude_code.skill.booleans";
const char kSkillEffort[] = "claude_code.skill.effort";
const char kSkillContext[] = "claude_code.skill.context";
const char kSkillShell[] = "claude_code.skill.shell";
const char kOpenCodeModes[] = "opencode.agent.modes";
const char kOpenCodeColors[] = "opencode.agent.theme_colors";
const char kOpenCodeBooleans[] = "opencode.agent.booleans";
const char kOpenCodeDeprecated[] = "opencode.agent.deprecated";

std::vector<std::string> List(const char* path) { return FormatsList(path); }

// "a, b or c"
std::string OneOf(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

FieldRule Field(std::string key, Kind kind, std::string must_be,
                std::vector<std::string> choices = {}) {
  FieldRule rule;
  rule.key = std::move(key);
  rule.kind = kind;
  rule.must_be = std::move(must_be);
  rule.choices = std::move(choices);
  return rule;
}

FieldRule Required(std::string key, Kind kind, std::string must_be) {
  FieldRule rule = Field(std::move(key), kind, std::move(must_be));
  rule.required = true;
  return rule;
}

// A field the tool only shows: a value it does not know is a warning.
FieldRule DisplayOnly(FieldRule rule) {
  rule.display_only = true;
  return rule;
}

FieldRule Choice(std::string key, const char* path,
                 const std::string& note = "") {
  std::vector<std::string> choices = List(path);
  std::string must_be =
      (choices.size() == 1 ? "" : "one of ") + OneOf(choices) + note;
  return Field(std::move(key), Kind::kChoice, std::move(must_be),
               std::move(choices));
}

FieldRule Boolean(std::string key, const char* path, bool ignore_case) {
  std::vector<std::string> spellings = List(path);
  // "true or false", not "true, false, True, False, TRUE or FALSE".
  std::vector<std::string> shown;
  for (const std::string& spelling : spellings) {
    if (std::all_of(spelling.begin(), spelling.end(), [](char c) {
          return std::islower(static_cast<unsigned char>(c)) != 0 ||
                 std::isdigit(static_cast<unsigned char>(c)) != 0;
        }))
      shown.push_back(spelling);
  }
  FieldRule rule =
      Field(std::move(key), Kind::kBoolean, OneOf(shown), spellings);
  if (ignore_case) rule.must_be += " (in any letter case)";
  rule.ignore_case = ignore_case;
  return rule;
}

FieldRule Number(std::string key, double minimum, double maximum,
                 std::string must_be) {
  FieldRule rule = Field(std::move(key), Kind::kNumber, std::move(must_be));
  rule.minimum = minimum;
  rule.maximum = maximum;
  return rule;
}

FieldRule Tools(std::string key, bool space_separated) {
  FieldRule rule =
      Field(std::move(key), Kind::kToolList,
            std::string(space_separated ? "a space- or comma-separated string"
                                        : "a comma-separated string") +
                " or a list of tool names (built-in tools such as Read, "
                "mcp__<server>__<tool>, Agent(<type>))");
  rule.space_separated = space_separated;
  return rule;
}

FieldRule ClaudeModel() {
  std::vector<std::string> aliases = List(kModelAliases);
  return Field("model", Kind::kClaudeModel,
               OneOf(aliases) +
                   " (optionally ending in [1m]) or a full model id such as "
                   "claude-sonnet-4-5",
               aliases);
}

// Keys agentgen and AGPM read while building; the tools ignore them.
std::vector<FieldRule> WithBuildKeys(std::vector<FieldRule> fields) {
  for (const char* key : {"agpm", "agentgen", "dependencies"})
    fields.push_back(Field(key, Kind::kAny, ""));
  return fields;
}

const char kProviderModel[] =
    "provider/model-id, such as anthropic/claude-sonnet-4-5";

Schema ClaudeCodeAgent() {
  Schema schema;
  schema.id = "claude-code-agent";
  schema.tool = "claude-code";
  schema.type = "agent";
  schema.what = "a Claude Code subagent";
  schema.unknown_key_effect = " (Claude Code ignores it)";
  FieldRule tools = Tools("tools", false);
  tools.subagent_tools = true;
  FieldRule disallowed = Tools("disallowedTools", false);
  disallowed.mcp_wildcard = true;
  schema.fields = WithBuildKeys({
      Required("name", Kind::kAgentName,
               "lowercase letters, digits and hyphens (Claude Code knows the "
               "agent by this name)"),
      Required("description", Kind::kNonEmptyText,
               "a non-empty text (Claude Code reads it to decide when to hand "
               "a task to the agent)"),
      tools,
      disallowed,
      ClaudeModel(),
      Choice("permissionMode", kPermissionModes),
      Field("maxTurns", Kind::kPositiveInteger,
            "a positive integer (the most turns the agent may take)"),
      Field("skills", Kind::kNameList,
            "a list of skill names or a comma-separated string of them"),
      Field("mcpServers", Kind::kServerList,
            "a list of MCP server names or {name: configuration} mappings"),
      Field("hooks", Kind::kHooks,
            "a mapping of hook events (PreToolUse, PostToolUse, Stop, ...) "
            "to hooks"),
      Choice("memory", kAgentMemory),
      Boolean("background", kAgentBooleans, false),
      Choice("isolation", kAgentIsolation,
             " (the only isolation Claude Code offers)"),
      DisplayOnly(Choice("color", kAgentColors, " (the CLI's colours)")),
      Choice("effort", kAgentEffort),
      Field("initialPrompt", Kind::kText, "a text"),
  });
  return schema;
}

// Commands and skills take the same fields (skills "Frontmatter
// reference": custom commands have been merged into skills).
std::vector<FieldRule> SkillFields() {
  return WithBuildKeys({
      Field("name", Kind::kText, "a text (the skill's display name)"),
      Field("description", Kind::kText,
            "a text (Claude reads it to decide when to use the skill)"),
      Field("when_to_use", Kind::kText, "a text"),
      Field("argument-hint", Kind::kScalarOrTree,
            "a text (shown as the arguments)"),
      Field("arguments", Kind::kTextOrList,
            "a space-separated string or a list of argument names"),
      Boolean("disable-model-invocation", kSkillBooleans, true),
      Boolean("user-invocable", kSkillBooleans, true),
      Tools("allowed-tools", true),
      Tools("disallowed-tools", true),
      ClaudeModel(),
      Choice("effort", kSkillEffort),
      Choice("context", kSkillContext,
             " (runs the skill in a forked subagent)"),
      Field("agent", Kind::kText, "the name of a subagent type"),
      Boolean("background", kSkillBooleans, true),
      Field("hooks", Kind::kHooks,
            "a mapping of hook events (PreToolUse, PostToolUse, Stop, ...) "
            "to hooks"),
      Field("paths", Kind::kTextOrList,
            "a comma-separated string or a list of glob patterns"),
      Choice("shell", kSkillShell),
      Field("metadata", Kind::kMapping,
            "a mapping (Claude Code drops any other value)"),
      Field("license", Kind::kText, "a text"),
      Field("compatibility", Kind::kText, "a text"),
  });
}

Schema ClaudeCodeCommand() {
  Schema schema;
  schema.id = "claude-code-command";
  schema.tool = "claude-code";
  schema.type = "command";
  schema.what = "a Claude Code slash command";
  schema.unknown_key_effect = " (Claude Code ignores it)";
  schema.fields = SkillFields();
  return schema;
}

Schema ClaudeCodeSkill() {
  Schema schema = ClaudeCodeCommand();
  schema.id = "claude-code-skill";
  schema.type = "skill";
  schema.what = "a Claude Code skill";
  return schema;
}

Schema OpenCodeAgent() {
  Schema schema;
  schema.id = "opencode-agent";
  schema.tool = "opencode";
  schema.type = "agent";
  schema.what = "an OpenCode agent";
  schema.unknown_key_effect =
      " (OpenCode passes it to the model provider as an option)";
  std::map<std::string, std::string> deprecated =
      FormatsMap(kOpenCodeDeprecated);
  std::vector<FieldRule> fields = {
      Field("description", Kind::kNonEmptyText,
            "a non-empty text (OpenCode reads it to decide when to use the "
            "agent)"),
      Field("name", Kind::kText,
            "a text (OpenCode names the agent after its file by default)"),
      Choice("mode", kOpenCodeModes),
      Field("model", Kind::kProviderModel, kProviderModel),
      Field("variant", Kind::kText, "a text (a variant of the model)"),
      Number("temperature", 0, 2,
             "a number from 0 to 2 (lower is more focused)"),
      Number("top_p", 0, 1, "a number from 0 to 1"),
      Field("tools", Kind::kBooleanMapping,
            "a mapping of tool names to true or false"),
      Field("permission", Kind::kPermission,
            "ask, allow or deny, or a mapping of tools to those (or of "
            "patterns to those)",
            List("opencode.permission.actions")),
      Field("prompt", Kind::kText, "a text"),
      Field("steps", Kind::kPositiveInteger,
            "a positive integer (the most steps the agent may take)"),
      Field("maxSteps", Kind::kPositiveInteger,
            "a positive integer (the most steps the agent may take)"),
      Boolean("hidden", kOpenCodeBooleans, false),
      Boolean("hidden_from_cycle", kOpenCodeBooleans, false),
      Boolean("disable", kOpenCodeBooleans, false),
      Field("options", Kind::kMapping,
            "a mapping (options passed to the model provider)"),
      Field("color", Kind::kThemeColor,
            "#RRGGBB or one of " + OneOf(List(kOpenCodeColors)),
            List(kOpenCodeColors)),
  };
  for (FieldRule& field : fields) {
    auto replaced = deprecated.find(field.key);
    if (replaced != deprecated.end()) field.deprecated_by = replaced->second;
  }
  schema.fields = WithBuildKeys(std::move(fields));
  return schema;
}

Schema OpenCodeCommand() {
  Schema schema;
  schema.id = "opencode-command";
  schema.tool = "opencode";
  schema.type = "command";
  schema.what = "an OpenCode command";
  schema.unknown_key_effect = " (OpenCode ignores it)";
  schema.fields = WithBuildKeys({
      Field("description", Kind::kText, "a text"),
      Field("agent", Kind::kText, "the name of an agent"),
      Field("model", Kind::kProviderModel, kProviderModel),
      Boolean("subtask", kOpenCodeBooleans, false),
  });
  return schema;
}

}  // namespace

const std::vector<Schema>& AllSchemas() {
  static const std::vector<Schema> schemas = {
      ClaudeCodeAgent(), ClaudeCodeCommand(), ClaudeCodeSkill(),
      OpenCodeAgent(), OpenCodeCommand()};
  return schemas;
}

const Schema* FindSchema(std::string_view tool, std::string_view type) {
  for (const Schema& schema : AllSchemas()) {
    if (schema.tool == tool && schema.type == type) return &schema;
  }
  return nullptr;
}

const ClaudeCodeTools& ClaudeCodeToolNames() {
  static const ClaudeCodeTools tools = [] {
    ClaudeCodeTools names;
    names.builtin = List(kBuiltinTools);
    names.aliases = FormatsMap(kToolAliases);
    names.removed = FormatsMap(kRemovedTools);
    names.renamed = FormatsMap(kRenamedTools);
    names.never_in_subagents = List(kNeverInSubagents);
    names.plan_mode_only = List(kPlanModeOnly);
    return names;
  }();
  return tools;
}

const std::vector<std::string>& SchemaFormatsPaths() {
  static const std::vector<std::string> paths = {
      kBuiltinTools,
      kNeverInSubagents,
      kPlanModeOnly,
      kToolAliases,
      kRemovedTools,
      kRenamedTools,
      kModelAliases,
      kPermissionModes,
      kAgentEffort,
      kAgentColors,
      kAgentMemory,
      kAgentIsolation,
      kAgentBooleans,
      kSkillBooleans,
      kSkillEffort,
      kSkillContext,
      kSkillShell,
      kOpenCodeModes,
      kOpenCodeColors,
      kOpenCodeBooleans,
      kOpenCodeDeprecated,
      "opencode.permission.actions",
      "opencode.permission.action_only",
      "claude_code.models.suffixes"};
  return paths;
}

}  // namespace agentgen
