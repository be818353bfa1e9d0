// SPDX-License-Identifier: MIT
// Reading frontmatter YAML (SPEC.md section 1) with yaml-cpp, checked more
// strictly than yaml-cpp does by itself.
#ifndef AGENTGEN_YAML_FRONTMATTER_H_
#define AGENTGEN_YAML_FRONTMATTER_H_

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "diagnostic.h"

namespace agentgen {

/// Parses `yaml_text`, which must be a mapping (empty text is an empty
/// mapping). A duplicate key is an error at its second occurrence, a quoted
/// scalar must close, and yaml-cpp's own errors become located diagnostics.
/// `locate` turns offsets of `yaml_text` into places in the `.md` file.
/// Returns nullopt when it reported an error. Node marks (`Mark().pos`) are
/// byte offsets into `yaml_text`.
std::optional<YAML::Node> ParseFrontmatterYaml(std::string_view yaml_text,
                                               const Locator& locate,
                                               DiagnosticSink& sink);

/// The value of `key` in a mapping, compared as the key's text (the node is
/// undefined when `map` is no mapping or has no such key). Unlike `map[key]`
/// it never converts keys, so a key written `'true'` is not found as `true`.
YAML::Node MappingValue(const YAML::Node& map, const char* key);

}  // namespace agentgen

#endif  // AGENTGEN_YAML_FRONTMATTER_H_
