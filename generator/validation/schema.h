// SPDX-License-Identifier: MIT
// The frontmatter schemas `agentgen check` validates rendered files against:
// every field of every tool's file type, with what its value must be in the
// words a user reads when it is not. The schemas, their fields and the names
// and values the fields accept (tools, models, modes, colours, boolean
// spellings) are the data of formats.toml; the kinds of value are checked in
// schema_validation.cc.
#ifndef AGENTGEN_VALIDATION_SCHEMA_H_
#define AGENTGEN_VALIDATION_SCHEMA_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// What a field's value must be. The checks live in schema_validation.cc.
enum class FieldKind {
  kAny,              ///< build keys: anything (agentgen reads them itself)
  kText,             ///< a scalar
  kNonEmptyText,     ///< a scalar with something in it
  kScalarOrTree,     ///< a scalar, list or mapping (the tool makes it a text)
  kTextOrList,       ///< a scalar, or a list of scalars
  kNameList,         ///< a list of names, or a comma-separated string of them
  kAgentName,        ///< Claude Code's agent name rule (schema_validation.cc)
  kToolList,         ///< a separated string or a list of tool names
  kChoice,           ///< one of `choices`
  kClaudeModel,      ///< an alias in `choices`, a Claude id, or (warned) other
  kProviderModel,    ///< provider/model-id
  kPositiveInteger,  ///< 1, 2, ...
  kBoolean,          ///< one of `choices` (the spellings the tool reads)
  kNumber,           ///< a number from `minimum` to `maximum`
  kServerList,      ///< a list of server names or {name: configuration}; inline
                    ///< configurations are not checked here (yet)
  kHooks,           ///< a mapping of hook events; its handlers are not checked
                    ///< here (yet)
  kMapping,         ///< any mapping
  kBooleanMapping,  ///< names to booleans
  kPermission,      ///< OpenCode: an action, or tools to actions or to
                    ///< {pattern: action} mappings
  kThemeColor       ///< OpenCode: #RRGGBB or one of `choices`
};

struct FieldRule {
  std::string key;
  FieldKind kind = FieldKind::kAny;
  bool required = false;
  /// What the value must be, completing "'<key>' must be ...": the reason a
  /// user reads when it is wrong.
  std::string must_be;
  std::vector<std::string> choices;  ///< kChoice, kClaudeModel, kBoolean, ...
  bool ignore_case = false;          ///< `choices` match in any letter case
  double minimum = 0;                ///< kNumber
  double maximum = 0;                ///< kNumber
  /// kToolList: entries may be separated by spaces as well as commas.
  bool space_separated = false;
  /// kToolList: a subagent's own tools (warn on tools it never receives).
  bool subagent_tools = false;
  /// kToolList: `mcp__*` (every MCP tool) is accepted.
  bool mcp_wildcard = false;
  /// The key that replaces this deprecated one ("" when not deprecated).
  std::string deprecated_by;
  /// The tool only shows the value (a colour): one it does not know is a
  /// warning, since the file loads and works all the same.
  bool display_only = false;
};

struct Schema {
  std::string id;    ///< names the rules in diagnostics: `claude-code-agent`
  std::string tool;  ///< claude-code or opencode
  std::string type;  ///< agent, command or skill
  std::string what;  ///< "a Claude Code subagent"
  /// Ends the warning about an unknown key: what the tool does with it.
  std::string unknown_key_effect;
  std::vector<FieldRule> fields;
};

/// The tools `--tool` accepts.
extern const char* const kSchemaTools[2];

/// The schema of `type` files for `tool`, or null when there is none (then
/// `agentgen check` only renders).
const Schema* FindSchema(std::string_view tool, std::string_view type);

/// Every schema, for docs/validation.md's table and the tests.
const std::vector<Schema>& AllSchemas();

/// Claude Code's tool names (formats.toml, [claude_code.tools]).
struct ClaudeCodeTools {
  std::vector<std::string> builtin;            ///< the current built-in tools
  std::map<std::string, std::string> aliases;  ///< old name -> current name
  /// Old names still accepted but no longer documented -> current name (a
  /// warning).
  std::map<std::string, std::string> renamed;
  /// Removed tools -> what replaced them ("" when nothing did).
  std::map<std::string, std::string> removed;
  std::vector<std::string> never_in_subagents;
  std::vector<std::string> plan_mode_only;
};

/// Read from formats.toml once per process.
const ClaudeCodeTools& ClaudeCodeToolNames();

/// Every formats.toml path the schemas read, for the test that reads them
/// all.
const std::vector<std::string>& SchemaFormatsPaths();

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_SCHEMA_H_
