// SPDX-License-Identifier: MIT
// Install paths (docs/templates.md, "Install paths"): where AGPM installs a
// resource, the one definition of the layout. AGPM 0.4.14's built-in table
// (in formats.toml) unless the project file's `[tools]` replaces it, the tool
// each file is installed for, and the path that gives.
#ifndef AGENTGEN_INPUTS_INSTALL_LAYOUT_H_
#define AGENTGEN_INPUTS_INSTALL_LAYOUT_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/toml.h"

namespace agentgen {

/// Where one tool installs one category: a folder below the tool's folder,
/// or a file resources of the category are merged into.
struct LayoutCell {
  std::optional<std::string> folder;        ///< `path`
  bool flatten = false;                     ///< `flatten`
  std::optional<std::string> merge_target;  ///< `merge-target`, as written
};

struct LayoutTool {
  std::string folder;  ///< `path`: `.claude`, `.opencode`, ...
  /// `enabled`: only `sync` consults it; renders and dependencies do not.
  bool enabled = true;
  std::map<std::string, LayoutCell> cells;  ///< by category (`agents`, ...)
};

class InstallLayout {
 public:
  /// AGPM 0.4.14's built-in table, with AGPM's default tools.
  static const InstallLayout& BuiltIn();

  /// The layout a project file gives: its `[tools]` table replaces the
  /// built-in one (a built-in tool it names keeps the cells it does not
  /// list; a tool it leaves out does not exist), and `[default-tools]` picks
  /// the tool of each category. `document` was parsed from `text`, named
  /// `display` in diagnostics. Reports problems and returns nullopt.
  static std::optional<InstallLayout> Read(const toml::table& document,
                                           std::string_view text,
                                           std::string_view display,
                                           DiagnosticSink& sink);

  /// The tool named `name`, or null.
  const LayoutTool* Tool(std::string_view name) const;
  /// The cell of `tool` for `category`, or null when the tool does not
  /// exist or does not support the category.
  const LayoutCell* Cell(std::string_view tool,
                         std::string_view category) const;
  /// The tool of a file of `category` that names none.
  std::string DefaultTool(std::string_view category) const;
  /// The tools, sorted by name, joined with ", " (for messages).
  std::string ToolNames() const;

  /// The install path of a file of `category` installed for `tool` (which
  /// must have a cell for it), the file being at `relative` from the
  /// project directory (lexically normal, `/`-separated, possibly starting
  /// with `..`).
  std::string InstallPath(std::string_view tool, std::string_view category,
                          std::string_view relative) const;

  /// The same for a folder cell, with sync's overrides (docs/sync.md,
  /// "Output paths"): `flatten` instead of the cell's when given, and the
  /// folder `target` inserted after the cell's folder. May leave the tool's
  /// folder (or start with `..`) when `target` climbs: the caller refuses
  /// that.
  std::string ResourcePath(std::string_view tool, std::string_view category,
                           std::string_view relative,
                           std::optional<bool> flatten,
                           std::string_view target) const;

  /// Every tool's folder (`.claude`, `.opencode`, ...), sorted.
  std::vector<std::string> ToolFolders() const;

 private:
  std::map<std::string, LayoutTool, std::less<>> tools_;
  std::map<std::string, std::string, std::less<>> default_tools_;
};

/// Why `tool` cannot install a file of `category`, or nullopt when it can:
/// "tool 'x' is not in the layout (tools: ...)" or "tool 'agpm' has no
/// place for agents".
std::optional<std::string> ToolProblem(const InstallLayout& layout,
                                       std::string_view tool,
                                       std::string_view category);

/// `category`'s plural for a singular resource type (`agent` -> `agents`).
std::string CategoryOfType(std::string_view type);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_INSTALL_LAYOUT_H_
