// SPDX-License-Identifier: MIT
#include "templating_switch.h"

#include <string>

#include "yaml_frontmatter.h"

namespace agentgen {
namespace {

// A plain (unquoted) scalar has the non-specific tag "?"; a quoted one "!".
bool IsPlainScalar(const YAML::Node& node) {
  return node.IsScalar() && node.Tag() != "!";
}

bool IsYamlTrue(const YAML::Node& node) {
  if (!IsPlainScalar(node)) return false;
  const std::string& text = node.Scalar();
  return text == "true" || text == "True" || text == "TRUE";
}

bool IsYamlFalseOrEmpty(const YAML::Node& node) {
  if (node.IsNull()) return true;
  if (!IsPlainScalar(node)) return false;
  const std::string& text = node.Scalar();
  return text == "false" || text == "False" || text == "FALSE";
}

std::string Quoted(const YAML::Node& node) {
  if (!node.IsScalar()) return "a non-scalar value";
  return "'" + node.Scalar() + "'";
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

Dialect ReadTemplatingSwitch(const YAML::Node& frontmatter,
                             const Locator& locate, DiagnosticSink& sink) {
  YAML::Node agpm_switch =
      MappingValue(MappingValue(frontmatter, "agpm"), "templating");
  YAML::Node agentgen_switch =
      MappingValue(MappingValue(frontmatter, "agentgen"), "templating");

  bool agpm_on = false;
  if (agpm_switch.IsDefined()) {
    agpm_on = IsYamlTrue(agpm_switch);
    if (!agpm_on && !IsYamlFalseOrEmpty(agpm_switch)) {
      sink.Warning(locate(agpm_switch.Mark().pos),
                   "'templating: " +
                       (agpm_switch.IsScalar() ? agpm_switch.Scalar()
                                               : std::string("...")) +
                       "' does not switch templating on; only a plain YAML "
                       "boolean 'true' does");
    }
  }

  bool mustache_on = false;
  if (agentgen_switch.IsDefined() && !agentgen_switch.IsNull()) {
    if (agentgen_switch.IsScalar() && agentgen_switch.Scalar() == "mustache") {
      mustache_on = true;
    } else {
      sink.Error(locate(agentgen_switch.Mark().pos),
                 "'agentgen: templating:' must be 'mustache', not " +
                     Quoted(agentgen_switch));
      return Dialect::kNone;
    }
  }

  if (agpm_on && mustache_on) {
    sink.Error(locate(agentgen_switch.Mark().pos),
               "both 'agpm: templating: true' and 'agentgen: templating: "
               "mustache' are set; choose one dialect");
    return Dialect::kNone;
  }
  if (agpm_on) return Dialect::kAgpm;
  if (mustache_on) return Dialect::kMustache;
  return Dialect::kNone;
}

}  // namespace agentgen
