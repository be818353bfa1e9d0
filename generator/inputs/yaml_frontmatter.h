// SPDX-License-Identifier: MIT
// Reading frontmatter YAML (docs/templates.md, "Files and frontmatter") with
// yaml-cpp into a tree of our own (yaml_node.h), checked more strictly than
// yaml-cpp does by itself.
#ifndef AGENTGEN_INPUTS_YAML_FRONTMATTER_H_
#define AGENTGEN_INPUTS_YAML_FRONTMATTER_H_

#include <optional>
#include <string_view>

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"

namespace agentgen {

/// Why a text is not YAML (or not a mapping): the first problem, at an
/// offset of the text.
struct YamlSyntaxError {
  size_t offset = 0;
  std::string message;
  /// The text is YAML, only not a mapping (yaml-cpp reads `- a` then `k: v`
  /// as the sequence alone).
  bool not_mapping = false;
};

/// Parses `yaml_text`, which must be a mapping (empty text is an empty
/// mapping). A duplicate key is an error at its second occurrence, a quoted
/// scalar must close, and yaml-cpp's own errors become located diagnostics.
/// `locate` turns offsets of `yaml_text` into places in the `.md` file.
/// Returns nullopt when it reported an error. Node offsets are byte offsets
/// into `yaml_text`.
///
/// With `not_yaml`, a text that is not YAML or not a mapping is not
/// reported: its first problem goes there and the caller decides (AGPM
/// installs such a file unchanged, Claude Code retries it). A duplicate key
/// is reported all the same.
std::optional<YamlDocument> ParseFrontmatterYaml(
    std::string_view yaml_text, const Locator& locate, DiagnosticSink& sink,
    std::optional<YamlSyntaxError>* not_yaml = nullptr);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_YAML_FRONTMATTER_H_
