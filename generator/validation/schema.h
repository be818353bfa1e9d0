// SPDX-License-Identifier: MIT
// The frontmatter schemas `agentgen check` validates rendered files against,
// as data: every field of every tool's file type, with what its value must be
// in the words a user reads when it is not.
#ifndef AGENTGEN_VALIDATION_SCHEMA_H_
#define AGENTGEN_VALIDATION_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// What a field's value must be. The checks live in schema_validation.cc.
enum class FieldKind {
  kAny,               ///< build keys: anything (agentgen reads them itself)
  kText,              ///< a scalar
  kTextOrList,        ///< a scalar, or a list of them (`[message]`)
  kNonEmptyText,      ///< a scalar with something in it
  kAgentName,         ///< lowercase letters, digits and hyphens
  kToolList,          ///< a comma-separated string or a list of tool names
  kChoice,            ///< one of `choices`
  kClaudeModel,       ///< one of `choices` or a full Claude model id
  kProviderModel,     ///< provider/model-id
  kPositiveInteger,   ///< 1, 2, ...
  kBoolean,           ///< true or false
  kNumber,            ///< a number from `minimum` to `maximum`
  kTextList,          ///< a list of scalars
  kServerList,        ///< a list of server names or {name: configuration}
  kMapping,           ///< any mapping
  kBooleanMapping,    ///< names to true or false
  kPermissionMapping  ///< names to ask/allow/deny, or to mappings of those
};

struct FieldRule {
  std::string key;
  FieldKind kind = FieldKind::kAny;
  bool required = false;
  /// What the value must be, completing "'<key>' must be ...": the reason a
  /// user reads when it is wrong.
  std::string must_be;
  std::vector<std::string> choices;  ///< kChoice, kClaudeModel
  double minimum = 0;                ///< kNumber
  double maximum = 0;                ///< kNumber
};

struct Schema {
  std::string id;    ///< names the rules in diagnostics: `claude-code-agent`
  std::string tool;  ///< claude-code or opencode
  std::string type;  ///< agent or command
  std::string what;  ///< "a Claude Code subagent"
  /// Whether the file's stem should equal its `name:` (a warning when not).
  bool name_matches_file = false;
  std::vector<FieldRule> fields;
};

/// The tools `--tool` accepts.
extern const char* const kSchemaTools[2];

/// The schema of `type` files for `tool`, or null when there is none (then
/// `agentgen check` only renders).
const Schema* FindSchema(std::string_view tool, std::string_view type);

/// Every schema, for docs/validation.md's table and the tests.
const std::vector<Schema>& AllSchemas();

/// Claude Code's built-in tool names, which `tools` and `allowed-tools` name.
const std::vector<std::string>& BuiltinClaudeCodeTools();

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_SCHEMA_H_
