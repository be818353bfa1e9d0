// SPDX-License-Identifier: MIT
// Validates a rendered frontmatter against a tool's schema (schema.h), each
// problem located at its key or value in the source file.
#ifndef AGENTGEN_VALIDATION_SCHEMA_VALIDATION_H_
#define AGENTGEN_VALIDATION_SCHEMA_VALIDATION_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"
#include "validation/schema.h"

namespace agentgen {

/// Where the frontmatter being validated came from.
struct FrontmatterPlace {
  std::string_view yaml_text;  ///< the YAML text the node was read from
  Locator locate;              ///< offsets of `yaml_text` -> source places
  Location start;              ///< the opening `---`, for missing keys
  Location start_end;          ///< just past the opening `---`
};

/// Reports every way `frontmatter` (a mapping) breaks `schema`: errors for
/// values the tool would reject, skip the file for, or read differently from
/// their text; warnings for what it loads as written but probably not as
/// meant (unknown keys and tools with a did-you-mean, removed tools,
/// deprecated keys). Every diagnostic has its `end`, and a did-you-mean its
/// `replacement`.
void ValidateFrontmatter(const Schema& schema, const YamlNode& frontmatter,
                         const FrontmatterPlace& place, DiagnosticSink& sink);

/// A schema's rule id for `field`: `claude-code-agent.model`.
std::string RuleId(const Schema& schema, std::string_view field);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_SCHEMA_VALIDATION_H_
