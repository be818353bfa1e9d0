// SPDX-License-Identifier: MIT
// A JSON text read into our YAML tree (yaml_node.h), so that one validator
// serves a `hooks:` or `mcpServers:` value in frontmatter and the same shape
// in a JSON file, each problem located in its text. JSON is YAML's flow
// syntax, but yaml-cpp rejects some valid JSON (a surrogate pair such as
// "\ud83d\ude00"), so the text is read here, with nlohmann decoding strings.
#ifndef AGENTGEN_INPUTS_JSON_TREE_H_
#define AGENTGEN_INPUTS_JSON_TREE_H_

#include <optional>
#include <string_view>

#include "inputs/yaml_node.h"

namespace agentgen {

/// `text`, one JSON document, as a tree: strings (keys included) are quoted
/// scalars (tag `!`), numbers, `true` and `false` plain scalars (tag `?`) with
/// their text as written, `null` a null. Every node's offset is where it
/// starts in `text` (a member's key and value each at its own). A repeated
/// key keeps its last value, as nlohmann does. Nullopt when `text` is not
/// JSON or nests deeper than 100 levels.
std::optional<YamlDocument> ReadJsonTree(std::string_view text);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_JSON_TREE_H_
