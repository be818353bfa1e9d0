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

Dialect ReadTemplatingSwitch(const YamlNode& frontmatter, const Locator& locate,
                             DiagnosticSink& sink) {
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
