// SPDX-License-Identifier: MIT
// Hooks (docs/validation.md, "Hooks"): Claude Code's hooks shape, as the
// `hooks:` of a subagent's or skill's frontmatter and a settings file hold
// it, and AGPM's hook resource file (`agentgen check --type hook`). Both
// work on our YAML tree, so JSON files (inputs/json_tree.h) and frontmatter
// are checked alike, each problem at its place in the text.
#ifndef AGENTGEN_VALIDATION_HOOK_SCHEMA_H_
#define AGENTGEN_VALIDATION_HOOK_SCHEMA_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"

namespace agentgen {

/// Whose hooks these are: Claude Code honours `once` only in a skill's.
enum class HookOwner { kSettings, kSkill, kAgent };

/// Where the hooks being validated came from.
struct HookPlace {
  std::string_view yaml_text;  ///< the text the nodes' offsets index
  Locator locate;              ///< offsets of `yaml_text` -> source places
  /// The schema's rule prefix: `claude-code-agent` gives every diagnostic
  /// the rule `claude-code-agent.hooks`; `hook` gives a hook resource's
  /// `hook.<field>`.
  std::string rule_prefix;
  HookOwner owner = HookOwner::kSettings;
  bool json = false;  ///< JSON text ("an object") rather than YAML
  /// The `hooks:` key, where an empty value is reported; none for a file.
  const YamlNode* key = nullptr;
};

/// Checks `hooks` (the value of a `hooks:` key) against Claude Code's shape
/// `{Event: [{matcher?, hooks: [handler, ...]}]}`. Errors for what Claude
/// Code rejects or ignores whole (an unknown event, with a did-you-mean; a
/// handler `type` it does not know or that the event does not run; a
/// missing required field; a value of the wrong type); warnings for what it
/// loads but ignores (unknown keys, a field of another handler type, a
/// `matcher` on an event without matchers, `once` outside a skill).
void ValidateHooks(const YamlNode& hooks, const HookPlace& place,
                   DiagnosticSink& sink);

/// Checks an AGPM hook resource: an object with `events` (a non-empty list
/// of Claude Code events), `type` ("command"), `command`, optional `matcher`
/// and `timeout` (a positive integer), and the metadata `description`,
/// `agpm` and `dependencies`; another key is a warning. Rules `hook.<field>`,
/// `hook.unknown-key` and `hook.shape` (with `place.rule_prefix` "hook").
void ValidateHookResource(const YamlNode& resource, const HookPlace& place,
                          DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_HOOK_SCHEMA_H_
