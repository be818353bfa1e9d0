// SPDX-License-Identifier: MIT
// Which files are templates (docs/templates.md, "Which files are templates"):
// the `agpm: templating:` and `agentgen: templating:` switches of a file's
// frontmatter.
#ifndef AGENTGEN_INPUTS_TEMPLATING_SWITCH_H_
#define AGENTGEN_INPUTS_TEMPLATING_SWITCH_H_

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"

namespace agentgen {

enum class Dialect { kNone, kAgpm, kMustache };

/// The manifest's name of a dialect: `none`, `agpm` or `mustache`.
const char* DialectName(Dialect dialect);

/// Reads the switches of a frontmatter mapping. Only a plain `true`, `True` or
/// `TRUE` under `agpm: templating:` selects the AGPM dialect; near misses
/// (`yes`, `"true"`, ...) get a warning. `agentgen: templating:` other than
/// `mustache`, or both switches on, is an error (reported; gives kNone).
/// `locate` maps node offsets to the file.
Dialect ReadTemplatingSwitch(const YamlNode& frontmatter, const Locator& locate,
                             DiagnosticSink& sink);

/// Whether a frontmatter that is not YAML asks for templating: a line that,
/// indentation aside, reads `templating: true` (`True`, `TRUE`) or
/// `templating: mustache`, quoted or not. AGPM cannot read such a switch and
/// would install the file unrendered, which the author did not mean.
bool AsksForTemplating(std::string_view yaml_text);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_TEMPLATING_SWITCH_H_
