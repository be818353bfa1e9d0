// SPDX-License-Identifier: MIT
// The folders sync walks (docs/sync.md, "Patterns" and "Mapping mode"):
// AGPM's glob patterns in a manifest's `path`, the `--from` folder of
// mapping mode, and the files of a skill folder. Every walk skips what a
// build or an install put there, and says which folders it listed: those
// are sync's depfile prerequisites, so a new matching file re-runs it.
#ifndef AGENTGEN_SYNC_PATH_PATTERNS_H_
#define AGENTGEN_SYNC_PATH_PATTERNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"

namespace agentgen {

/// Whether a manifest `path` is a pattern: it holds `*`, `?` or `[`.
bool IsPattern(std::string_view path);

/// Why AGPM would refuse the pattern `path` (it contains `..`, it is
/// absolute, a `[` opens a class that is never closed), as a message that
/// names it and says what to write instead; nullopt when it is usable.
std::optional<std::string> PatternProblem(std::string_view path);

/// Whether `path` (relative, `/`-separated) matches `pattern`: `*`, `?` and
/// `**` match any characters including `/`, `**/` also matches nothing,
/// `[a-z]` and `[!a-z]` are classes, case-sensitive, a leading `.` not
/// special. `?` and classes match one UTF-8 character.
bool MatchesPattern(std::string_view pattern, std::string_view path);

/// What a walk found.
struct WalkResult {
  /// Relative to the walk's base, `/`-separated, in byte order.
  std::vector<std::string> matches;
  /// Every folder the walk listed, absolute, in the order listed, less the
  /// build trees (listed only to be recognised: a build changes them all
  /// the time, and sync must not re-run for that).
  std::vector<std::string> folders;
};

/// The regular files below `base` (absolute: the manifest's folder) that
/// `pattern` matches, walking only its literal prefix, never following
/// symlinks, and never entering a hidden folder, a folder of `excluded`
/// (absolute: the tools' folders `D/T`) or a build tree (a folder holding
/// `CMakeCache.txt`, `build.ninja`, `meson-private` or
/// `.agentgen-sync.lock`). For `skills` the pattern, less a leading
/// `skills/`, is matched against the names of the folders directly below
/// `base/skills` holding a `SKILL.md`, and matches are those folders'
/// paths (`skills/pdf`). A prefix that does not exist gives no matches. A
/// folder that cannot be listed: nullopt and why in `error`.
std::optional<WalkResult> ExpandPattern(
    FileReader& fs, const std::string& base, std::string_view pattern,
    bool skills, const std::vector<std::string>& excluded, std::string* error);

/// One output of mapping mode.
struct MappedSource {
  std::string relative;  ///< below `--from`, `/`-separated
  /// `agent`, `command` or `skill`: from the nearest enclosing folder named
  /// `agents`/`agent`, `commands`/`command` or `skills`; else `agent`. In a
  /// plugin walk, empty for a file copied as it is.
  std::string type;
  bool is_skill_folder = false;  ///< `skills/<name>` holding `SKILL.md`
};

/// Mapping mode's walk of `from` (absolute): every regular `.md` file
/// except in a hidden path, a build tree or below a folder named
/// `snippets`, and each skill folder `skills/<name>/` (whose files are not
/// listed one by one), sorted by `relative` in byte order. `matches` of
/// the result is unused; `folders` as for ExpandPattern.
///
/// With `plugin` (a plugin source folder, docs/plugins.md): every regular
/// file, hidden ones too, except below `.git` and sync's own state and
/// lock files; `type` is `agent` or `command` only for a `.md` file below
/// such a folder, `skill` for a skill folder, and empty for a file that is
/// copied as it is. A top-level file has no type.
std::optional<WalkResult> WalkSourceFolder(FileReader& fs,
                                           const std::string& from,
                                           std::vector<MappedSource>* sources,
                                           std::string* error,
                                           bool plugin = false);

/// The regular files below the skill folder `folder` (absolute), relative
/// to it, in byte order; symlinks are skipped, hidden files are not.
/// `folders` lists every folder listed, `folder` first.
std::optional<WalkResult> ListSkillFiles(FileReader& fs,
                                         const std::string& folder,
                                         std::string* error);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_PATH_PATTERNS_H_
