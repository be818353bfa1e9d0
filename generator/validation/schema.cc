// SPDX-License-Identifier: MIT
#include "validation/schema.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "validation/formats_data.h"
#include "validation/node_values.h"

namespace agentgen {

const char* const kSchemaTools[2] = {"claude-code", "opencode"};

namespace {

using Kind = FieldKind;

// The formats.toml paths of the tool lists. The schemas themselves are the
// `[schema.<id>]` tables, and name the lists of values their fields take.
const char kSchemas[] = "schema";
const char kBuiltinTools[] = "claude_code.tools.builtin";
const char kNeverInSubagents[] = "claude_code.tools.never_in_subagents";
const char kPlanModeOnly[] = "claude_code.tools.plan_mode_only";
const char kToolAliases[] = "claude_code.tools.aliases";
const char kRemovedTools[] = "claude_code.tools.removed";
const char kRenamedTools[] = "claude_code.tools.renamed";

std::vector<std::string> List(const std::string& path) {
  return FormatsList(path);
}

[[noreturn]] void BrokenSchema(const std::string& where,
                               const std::string& what) {
  std::fprintf(stderr, "agentgen: formats.toml: %s: %s\n", where.c_str(),
               what.c_str());
  std::abort();
}

// The kinds as formats.toml names them.
const std::map<std::string, Kind>& KindNames() {
  static const std::map<std::string, Kind> names = {
      {"text", Kind::kText},
      {"non-empty-text", Kind::kNonEmptyText},
      {"scalar-or-tree", Kind::kScalarOrTree},
      {"text-or-list", Kind::kTextOrList},
      {"name-list", Kind::kNameList},
      {"agent-name", Kind::kAgentName},
      {"tool-list", Kind::kToolList},
      {"choice", Kind::kChoice},
      {"claude-model", Kind::kClaudeModel},
      {"provider-model", Kind::kProviderModel},
      {"positive-integer", Kind::kPositiveInteger},
      {"boolean", Kind::kBoolean},
      {"number", Kind::kNumber},
      {"server-list", Kind::kServerList},
      {"hooks", Kind::kHooks},
      {"mapping", Kind::kMapping},
      {"boolean-mapping", Kind::kBooleanMapping},
      {"permission", Kind::kPermission},
      {"theme-color", Kind::kThemeColor}};
  return names;
}

// What a field's value must be, when formats.toml leaves it to its choices.
std::string MustBeFromChoices(const FieldRule& rule, const std::string& note) {
  switch (rule.kind) {
    case Kind::kChoice:
      return (rule.choices.size() == 1 ? "" : "one of ") + OneOf(rule.choices) +
             note;
    case Kind::kBoolean: {
      // "true or false", not "true, false, True, False, TRUE or FALSE".
      std::vector<std::string> shown;
      for (const std::string& spelling : rule.choices) {
        if (std::all_of(spelling.begin(), spelling.end(), [](char c) {
              return std::islower(static_cast<unsigned char>(c)) != 0 ||
                     std::isdigit(static_cast<unsigned char>(c)) != 0;
            }))
          shown.push_back(spelling);
      }
      return OneOf(shown) + (rule.ignore_case ? " (in any letter case)" : "");
    }
    case Kind::kToolList:
      return std::string(rule.space_separated
                             ? "a space- or comma-separated string"
                             : "a comma-separated string") +
             " or a list of tool names (built-in tools such as Read, "
             "mcp__<server>__<tool>, Agent(<type>))";
    case Kind::kClaudeModel:
      return OneOf(rule.choices) +
             " (optionally ending in [1m]) or a full model id such as "
             "claude-sonnet-4-5";
    case Kind::kThemeColor:
      return "#RRGGBB or one of " + OneOf(rule.choices);
    default:
      return "";
  }
}

FieldRule RuleFrom(const FormatsRecord& record, const std::string& where) {
  static const std::set<std::string> kKnown = {"key",
                                               "kind",
                                               "must_be",
                                               "choices",
                                               "note",
                                               "required",
                                               "ignore_case",
                                               "space_separated",
                                               "subagent_tools",
                                               "mcp_wildcard",
                                               "display_only",
                                               "minimum",
                                               "maximum"};
  auto check_known = [&where](const std::string& name) {
    if (kKnown.count(name) == 0)
      BrokenSchema(where, "unknown field attribute '" + name + "'");
  };
  for (const auto& entry : record.text) check_known(entry.first);
  for (const auto& entry : record.flag) check_known(entry.first);
  for (const auto& entry : record.number) check_known(entry.first);
  auto text = [&record](const char* name) {
    auto found = record.text.find(name);
    return found == record.text.end() ? std::string() : found->second;
  };
  auto flag = [&record](const char* name) {
    auto found = record.flag.find(name);
    return found != record.flag.end() && found->second;
  };
  auto number = [&record](const char* name) {
    auto found = record.number.find(name);
    return found == record.number.end() ? 0.0 : found->second;
  };
  FieldRule rule;
  rule.key = text("key");
  if (rule.key.empty()) BrokenSchema(where, "a field without a key");
  auto kind = KindNames().find(text("kind"));
  if (kind == KindNames().end())
    BrokenSchema(where, "field '" + rule.key + "' has an unknown kind");
  rule.kind = kind->second;
  rule.required = flag("required");
  rule.ignore_case = flag("ignore_case");
  rule.space_separated = flag("space_separated");
  rule.subagent_tools = flag("subagent_tools");
  rule.mcp_wildcard = flag("mcp_wildcard");
  rule.display_only = flag("display_only");
  rule.minimum = number("minimum");
  rule.maximum = number("maximum");
  if (!text("choices").empty()) rule.choices = List(text("choices"));
  rule.must_be = text("must_be");
  if (rule.must_be.empty())
    rule.must_be = MustBeFromChoices(rule, text("note"));
  if (rule.must_be.empty())
    BrokenSchema(where, "field '" + rule.key + "' says nothing it must be");
  return rule;
}

Schema SchemaFrom(const std::string& id) {
  std::string table = std::string(kSchemas) + "." + id;
  Schema schema;
  schema.id = id;
  schema.tool = FormatsString(table + ".tool");
  schema.type = FormatsString(table + ".type");
  schema.what = FormatsString(table + ".what");
  schema.unknown_key_effect = FormatsString(table + ".unknown_key_effect");
  std::string fields_of = FormatsHas(table + ".fields_of")
                              ? FormatsString(table + ".fields_of")
                              : id;
  std::string fields = std::string(kSchemas) + "." + fields_of + ".fields";
  for (const FormatsRecord& record : FormatsRecords(fields))
    schema.fields.push_back(RuleFrom(record, fields));
  if (FormatsHas(table + ".deprecated")) {
    std::map<std::string, std::string> deprecated =
        FormatsMap(FormatsString(table + ".deprecated"));
    for (FieldRule& field : schema.fields) {
      auto replaced = deprecated.find(field.key);
      if (replaced != deprecated.end()) field.deprecated_by = replaced->second;
    }
  }
  // Keys agentgen and AGPM read while building; the tools ignore them.
  for (const char* key : {"agpm", "agentgen", "dependencies"}) {
    FieldRule build_key;
    build_key.key = key;
    schema.fields.push_back(build_key);
  }
  return schema;
}

}  // namespace

const std::vector<Schema>& AllSchemas() {
  static const std::vector<Schema> schemas = [] {
    std::vector<Schema> all;
    for (const std::string& id : FormatsKeys(kSchemas))
      all.push_back(SchemaFrom(id));
    return all;
  }();
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
  static const std::vector<std::string> paths = [] {
    std::vector<std::string> all = {kSchemas,
                                    kBuiltinTools,
                                    kNeverInSubagents,
                                    kPlanModeOnly,
                                    kToolAliases,
                                    kRemovedTools,
                                    kRenamedTools,
                                    "opencode.permission.action_only",
                                    "opencode.agent.booleans",
                                    "claude_code.models.suffixes"};
    // The lists the schemas' fields name.
    for (const std::string& id : FormatsKeys(kSchemas)) {
      std::string table = std::string(kSchemas) + "." + id;
      if (FormatsHas(table + ".deprecated"))
        all.push_back(FormatsString(table + ".deprecated"));
      if (!FormatsHas(table + ".fields")) continue;
      for (const FormatsRecord& record : FormatsRecords(table + ".fields")) {
        auto choices = record.text.find("choices");
        if (choices != record.text.end()) all.push_back(choices->second);
      }
    }
    return all;
  }();
  return paths;
}

}  // namespace agentgen
