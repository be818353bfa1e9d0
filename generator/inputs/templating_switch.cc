// SPDX-License-Identifier: MIT
#include "inputs/templating_switch.h"

#include <string>

namespace agentgen {
namespace {

// A plain (unquoted) scalar has the non-specific tag "?"; a quoted one "!".
bool IsPlainScalar(const YamlNode& node) {
  return node.IsScalar() && node.tag() != "!";
}

bool IsYamlTrue(const YamlNode& node) {
  if (!IsPlainScalar(node)) return false;
  const std::string& text = node.scalar();
  return text == "true" || text == "True" || text == "TRUE";
}

bool IsYamlFalseOrEmpty(const YamlNode& node) {
  if (node.IsNull()) return true;
  if (!IsPlainScalar(node)) return false;
  const std::string& text = node.scalar();
  return text == "false" || text == "False" || text == "FALSE";
}

std::string Quoted(const YamlNode& node) {
  if (!node.IsScalar()) return "a non-scalar value";
  return "'" + node.scalar() + "'";
}

}  // namespace

const char* DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kAgpm:
      return "agpm";
    case Dialect::kMustache:
      return "mustache";
    case Dialect::kNone:
      break;
  }
  return "none";
}

bool AsksForTemplating(std::string_view yaml_text) {
  constexpr std::string_view kKey = "templating:";
  size_t begin = 0;
  while (begin < yaml_text.size()) {
    size_t end = yaml_text.find('\n', begin);
    if (end == std::string_view::npos) end = yaml_text.size();
    std::string_view line = yaml_text.substr(begin, end - begin);
    begin = end + 1;
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    line.remove_prefix(first);
    if (line.substr(0, kKey.size()) != kKey) continue;
    std::string_view value = line.substr(kKey.size());
    size_t value_begin = value.find_first_not_of(" \t");
    size_t value_end = value.find_last_not_of(" \t\r");
    if (value_begin == std::string_view::npos) continue;
    value = value.substr(value_begin, value_end - value_begin + 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (value == "true" || value == "True" || value == "TRUE" ||
        value == "mustache") {
      return true;
    }
  }
  return false;
}

Dialect ReadTemplatingSwitch(const YamlNode& frontmatter, const Locator& locate,
                             DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "template");
  const YamlNode& agpm_switch =
      MappingValue(MappingValue(frontmatter, "agpm"), "templating");
  const YamlNode& agentgen_switch =
      MappingValue(MappingValue(frontmatter, "agentgen"), "templating");

  bool agpm_on = false;
  if (agpm_switch.IsDefined()) {
    agpm_on = IsYamlTrue(agpm_switch);
    if (!agpm_on && !IsYamlFalseOrEmpty(agpm_switch)) {
      sink.Warning(locate(agpm_switch.offset()),
                   "'templating: " +
                       (agpm_switch.IsScalar() ? agpm_switch.scalar()
                                               : std::string("...")) +
                       "' does not switch templating on; only a plain YAML "
                       "boolean 'true' does");
    }
  }

  bool mustache_on = false;
  if (agentgen_switch.IsDefined() && !agentgen_switch.IsNull()) {
    if (agentgen_switch.IsScalar() && agentgen_switch.scalar() == "mustache") {
      mustache_on = true;
    } else {
      sink.Error(locate(agentgen_switch.offset()),
                 "'agentgen: templating:' must be 'mustache', not " +
                     Quoted(agentgen_switch));
      return Dialect::kNone;
    }
  }

  if (agpm_on && mustache_on) {
    sink.Error(locate(agentgen_switch.offset()),
               "both 'agpm: templating: true' and 'agentgen: templating: "
               "mustache' are set; choose one dialect");
    return Dialect::kNone;
  }
  if (agpm_on) return Dialect::kAgpm;
  if (mustache_on) return Dialect::kMustache;
  return Dialect::kNone;
}

}  // namespace agentgen
