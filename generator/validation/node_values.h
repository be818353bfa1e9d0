// SPDX-License-Identifier: MIT
// What a value in our YAML tree (yaml_node.h) is to Claude Code, which reads
// frontmatter as YAML 1.2 and configuration files as JSON: the shared words
// of the hook and MCP server validators (hook_schema.h, mcp_server.h).
#ifndef AGENTGEN_VALIDATION_NODE_VALUES_H_
#define AGENTGEN_VALIDATION_NODE_VALUES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"

namespace agentgen {

enum class ValueKind { kNull, kBoolean, kNumber, kString, kList, kMapping };

/// The type a YAML 1.2 (core schema) or JSON reader gives `node`: a quoted
/// scalar is a string; a plain one is null (`~`, `null`), a boolean
/// (`true`, `False`), a number (`5`, `-1.5e3`, `0x1f`, `.inf`) or else a
/// string. An undefined node is null.
ValueKind KindOf(const YamlNode& node);

/// The number a scalar of kind kNumber stands for.
std::optional<double> NumberOf(const YamlNode& node);

/// Whether `node` is a whole number above 0 (`30`, not `30.5` or `"30"`).
bool IsPositiveInteger(const YamlNode& node);

/// Where a validated tree came from, for the validators' messages and places.
struct TreePlace {
  std::string_view text;  ///< the text the nodes' offsets index
  Locator locate;         ///< offsets of `text` -> places in the source file
  bool json = false;      ///< JSON ("an object") rather than YAML ("a mapping")
};

/// Where a problem with a mapping's value is shown: in JSON at its key, where
/// a reader looks for a member; in YAML at the value, or at its key when the
/// value is empty.
Location ValueAt(const TreePlace& place, const YamlNode& key,
                 const YamlNode& value);

/// How a message names a value: the string "x", 5, true, a list, and null
/// (JSON) or nothing (YAML) for a null, an object (JSON) or a mapping (YAML).
std::string Shown(const YamlNode& node, bool json);

/// "an object" in JSON, "a mapping" in YAML.
std::string MappingWord(bool json);

/// Reports `message` about the name `node` (a key or a value). With a
/// `suggestion`, the diagnostic also spans the name as written (quotes
/// included) and carries the suggestion as its replacement.
void ReportName(const TreePlace& place, const YamlNode& node, Severity severity,
                const std::string& message,
                const std::optional<std::string>& suggestion,
                const std::string& rule, DiagnosticSink& sink);

/// `list` as "a, b or c" (`last_joiner` between the last two).
std::string OneOf(const std::vector<std::string>& list,
                  const std::string& last_joiner = " or ");

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_NODE_VALUES_H_
