// SPDX-License-Identifier: MIT
// An AGPM manifest as `agentgen sync` reads it (docs/sync.md, "The
// manifest"): its resource tables, which entries sync builds and which it
// leaves to AGPM, each entry's fields checked and located, and the project
// table and layout that every render of the project uses.
#ifndef AGENTGEN_SYNC_AGPM_MANIFEST_H_
#define AGENTGEN_SYNC_AGPM_MANIFEST_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/install_layout.h"

namespace agentgen {

/// One entry sync builds (no `source`), as written, checked.
struct ManifestEntry {
  std::string section;  ///< `agents`, `snippets`, `commands`, `scripts`,
                        ///< `hooks`, `mcp-servers`, `skills`
  std::string type;     ///< its singular: `agent`, ..., `mcp-server`, `skill`
  std::string key;      ///< as written
  Location key_at;
  std::string path;  ///< as written (a pattern when `is_pattern`)
  Location path_at;  ///< the `path` value (for `key = "path"`, that value)
  bool is_pattern = false;  ///< `path` holds `*`, `?` or `[`
  std::optional<std::string> filename;
  Location filename_at;
  std::optional<std::string> target;
  Location target_at;
  std::optional<bool> flatten;
  Location flatten_at;
  bool install = true;
  /// The entry's `tool`, else `[default-tools].<section>`, else `agpm` for
  /// snippets and `claude-code` for every other type; checked against the
  /// layout (it exists and has a cell for the section).
  std::string tool;
  Location tool_at;  ///< the `tool` value, else `key_at`
  /// `template_vars` exactly as written, converted as `[project]` is (dates
  /// as strings); an empty object when absent. Never holds `agpm`.
  nlohmann::json template_vars = nlohmann::json::object();
  Location template_vars_at;  ///< its value, else `key_at`
};

/// An entry sync does not build, and why (for `--list`'s `skip` rows).
struct SkippedEntry {
  std::string section;
  std::string key;
  std::string reason;  ///< "source 'github' is a git repository", ...
  Location key_at;
};

struct AgpmManifest {
  /// `[project]`, converted as a project file's (inputs/project.h).
  nlohmann::json project = nlohmann::json::object();
  /// `[tools]` and `[default-tools]` over the built-in layout.
  InstallLayout layout = InstallLayout::BuiltIn();
  /// The entries sync builds: sections in the order `agents`, `snippets`,
  /// `commands`, `scripts`, `hooks`, `mcp-servers`, `skills`, keys in byte
  /// order within each. Patterns are not expanded here.
  std::vector<ManifestEntry> entries;
  std::vector<SkippedEntry> skipped;  ///< in the same order
};

/// AGPM's resource tables (`agents`, `snippets`, ...), in the order sync
/// reads them.
const std::vector<std::string>& ManifestSections();

/// Reads the manifest `text`, named `display` in diagnostics. Reports every
/// problem it finds at its key or value: errors (a TOML syntax error, a
/// wrong type, an unknown field with a did-you-mean, a bad tool, a patch of
/// a built entry, ...), warnings (an unknown top-level key, `filename`
/// without `.md` on an agent or command) and one note per skipped entry.
/// Returns nullopt when there was an error.
std::optional<AgpmManifest> ReadAgpmManifest(std::string_view text,
                                             std::string_view display,
                                             DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_AGPM_MANIFEST_H_
