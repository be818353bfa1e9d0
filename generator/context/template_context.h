// SPDX-License-Identifier: MIT
// The template context (docs/templates.md, "The template context"):
// `agpm.project` (also `project`), `agpm.resource` and `agpm.deps`.
#ifndef AGENTGEN_CONTEXT_TEMPLATE_CONTEXT_H_
#define AGENTGEN_CONTEXT_TEMPLATE_CONTEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace agentgen {

struct InputFile;
struct ResolvedDependency;

/// `agpm.resource` of a file: name, path, type, install_path, checksum, and
/// source, version and resolved_commit (null).
nlohmann::json ResourceObject(const InputFile& file);

/// The frontmatter pre-pass context: the project alone (AGPM's
/// FrontmatterTemplating): `agpm.resource` and `agpm.deps` are undefined.
nlohmann::json PrepassContext(const nlohmann::json& project);

/// The object `agpm.deps.<category>.<key>` holds for a direct dependency.
nlohmann::json DependencyObject(const ResolvedDependency& dependency,
                                std::string content);

/// Adds `--context-var`'s top-level names to `context`; in the pre-pass
/// (`also_under_agpm`) each is also `agpm.<name>`, as AGPM's frontmatter
/// templating has them. A name never replaces `agpm` or `project` (the
/// command line refuses them).
void AddContextVariables(nlohmann::json* context,
                         const nlohmann::json& variables, bool also_under_agpm);

/// The full context: the pre-pass context plus `agpm.resource` and
/// `agpm.deps` (a table for each category that has a direct dependency,
/// none for the others, as in AGPM).
nlohmann::json FullContext(const nlohmann::json& project,
                           nlohmann::json resource, nlohmann::json deps);

}  // namespace agentgen

#endif  // AGENTGEN_CONTEXT_TEMPLATE_CONTEXT_H_
