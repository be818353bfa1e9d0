// SPDX-License-Identifier: MIT
// Dependencies (docs/templates.md, "Dependencies"): the `dependencies:` and
// `agpm: dependencies:` declarations of a frontmatter, and how a declared path
// resolves.
#ifndef AGENTGEN_INPUTS_DEPENDENCIES_H_
#define AGENTGEN_INPUTS_DEPENDENCIES_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/yaml_node.h"

namespace agentgen {

/// The seven categories, in the order the context lists them.
extern const char* const kDependencyCategories[7];

/// `agents` -> `agent`, `mcp-servers` -> `mcp-server`, ...
std::string SingularOf(std::string_view category);

/// Whether `type` is one of the singular resource types.
bool IsResourceType(std::string_view type);

/// One declared dependency, as written (after the frontmatter pre-pass).
struct DependencyEntry {
  std::string category;
  std::string path;                 ///< as declared
  Location where;                   ///< the `path:` value
  std::optional<std::string> name;  ///< the `name:` alias
  nlohmann::json version;           ///< null when absent; likewise below
  nlohmann::json tool;
  Location tool_where;  ///< the `tool:` value
  nlohmann::json install;
  nlohmann::json flatten;
};

/// Reads the entries of `dependencies:` then of `agpm: dependencies:` in
/// declaration order. Unknown categories and fields, entries without a path
/// and malformed shapes are reported; the entries read so far are returned.
std::vector<DependencyEntry> ReadDependencyEntries(const YamlNode& frontmatter,
                                                   const Locator& locate,
                                                   DiagnosticSink& sink);

/// Where a declared path points: `./x`, `../x` and bare file names are
/// relative to `declaring_folder`, other relative paths to `root`. Absolute
/// paths, globs and backslashes are refused with a message in `error`.
std::optional<std::string> ResolveDeclaredPath(
    std::string_view declared, std::string_view declaring_folder,
    std::string_view root, std::string* error);

/// Whether a declared path is relative to the declaring file: it starts with
/// `./` or `../`, or is a bare file name.
bool IsFileRelative(std::string_view declared);

/// The context key of a file stem or a `name:`: `-` becomes `_`.
std::string DependencyKey(std::string_view name);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_DEPENDENCIES_H_
