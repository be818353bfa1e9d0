// SPDX-License-Identifier: MIT
#include "sync/path_patterns.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace agentgen {
namespace {

using DirectoryEntry = FileReader::DirectoryEntry;
using EntryKind = FileReader::EntryKind;

// A folder holding one of these is a build tree (or sync's own output
// folder): what it holds was generated, never written by hand.
constexpr std::string_view kBuildTreeMarkers[] = {
    "CMakeCache.txt", "build.ninja", "meson-private", ".agentgen-sync.lock"};

// The byte length of the UTF-8 character that starts at `text[at]`; a byte
// that starts none counts as one character.
size_t CharLength(std::string_view text, size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > text.size()) return 1;
  for (size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return 1;
  }
  return length;
}

uint32_t CodePoint(std::string_view text, size_t at, size_t length) {
  auto byte = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(text[at + i]));
  };
  if (length == 1) return byte(0);
  uint32_t code = byte(0) & (0x7Fu >> length);
  for (size_t i = 1; i < length; ++i) code = (code << 6) | (byte(i) & 0x3F);
  return code;
}

// Just past the `]` that closes the class opened at `pattern[open]`, or
// npos. As in the glob crate AGPM uses, a `]` right after `[` or `[!` is a
// member, not the end.
size_t ClassEnd(std::string_view pattern, size_t open) {
  size_t at = open + 1;
  if (at < pattern.size() && pattern[at] == '!') ++at;
  if (at < pattern.size() && pattern[at] == ']') ++at;
  size_t close = pattern.find(']', at);
  return close == std::string_view::npos ? close : close + 1;
}

// Whether `code` is in the class `pattern[open, end)`: single characters
// and ranges `a-z`; `[!...]` negates.
bool InClass(std::string_view pattern, size_t open, size_t end, uint32_t code) {
  size_t at = open + 1;
  const bool negated = pattern[at] == '!';
  if (negated) ++at;
  const size_t close = end - 1;
  bool found = false;
  while (at < close) {
    size_t length = CharLength(pattern, at);
    uint32_t low = CodePoint(pattern, at, length);
    at += length;
    uint32_t high = low;
    if (at + 1 < close && pattern[at] == '-') {
      size_t high_length = CharLength(pattern, at + 1);
      high = CodePoint(pattern, at + 1, high_length);
      at += 1 + high_length;
    }
    found = found || (low <= code && code <= high);
  }
  return found != negated;
}

// Matches a pattern against a path, remembering which (pattern, path)
// positions failed, so `*` after `*` costs at most their product.
class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view path)
      : pattern_(pattern),
        path_(path),
        failed_((pattern.size() + 1) * (path.size() + 1), false) {}

  bool From(size_t p, size_t s) {
    const size_t at = p * (path_.size() + 1) + s;
    if (failed_[at]) return false;
    if (Step(p, s)) return true;
    failed_[at] = true;
    return false;
  }

 private:
  bool Step(size_t p, size_t s) {
    if (p == pattern_.size()) return s == path_.size();
    const char c = pattern_[p];
    // `**/` starting a component also matches no folder at all, so
    // `**/*.md` matches `x.md`.
    if (pattern_.compare(p, 3, "**/") == 0 &&
        (p == 0 || pattern_[p - 1] == '/') && From(p + 3, s)) {
      return true;
    }
    if (c == '*') {
      size_t next = p;
      while (next < pattern_.size() && pattern_[next] == '*') ++next;
      for (size_t rest = s; rest <= path_.size(); ++rest) {
        if (From(next, rest)) return true;
      }
      return false;
    }
    if (s == path_.size()) return false;
    const size_t length = CharLength(path_, s);
    if (c == '?') return From(p + 1, s + length);
    if (c == '[') {
      size_t end = ClassEnd(pattern_, p);
      if (end != std::string_view::npos) {
        return InClass(pattern_, p, end, CodePoint(path_, s, length)) &&
               From(end, s + length);
      }
    }
    return c == path_[s] && From(p + 1, s + 1);
  }

  std::string_view pattern_;
  std::string_view path_;
  std::vector<bool> failed_;
};

bool HasWildcard(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

// The folders of `pattern` before its first component with a wildcard
// (`agents` for `agents/*.md`, "" for `**/*.md`), less `.` components: the
// paths matched have none, so `./agents/*.md` matches nothing, as in AGPM.
std::string LiteralPrefix(std::string_view pattern) {
  std::string prefix;
  size_t begin = 0;
  for (;;) {
    size_t slash = pattern.find('/', begin);
    if (slash == std::string_view::npos) return prefix;
    std::string_view part = pattern.substr(begin, slash - begin);
    if (HasWildcard(part)) return prefix;
    if (!part.empty() && part != ".") {
      if (!prefix.empty()) prefix += '/';
      prefix += part;
    }
    begin = slash + 1;
  }
}

std::string Joined(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder == "/" ? "/" + name : folder + "/" + name;
}

bool IsBuildTree(const std::vector<DirectoryEntry>& entries) {
  return std::any_of(entries.begin(), entries.end(), [](const auto& entry) {
    return std::find(std::begin(kBuildTreeMarkers), std::end(kBuildTreeMarkers),
                     entry.name) != std::end(kBuildTreeMarkers);
  });
}

bool Holds(const std::vector<DirectoryEntry>& entries, std::string_view name,
           EntryKind kind) {
  return std::any_of(entries.begin(), entries.end(), [&](const auto& entry) {
    return entry.name == name && entry.kind == kind;
  });
}

// One walk: the reader, what it must not enter, and what it found.
struct Walk {
  FileReader& fs;
  const std::vector<std::string>& excluded;
  WalkResult result;
  std::string* error;
  bool failed = false;

  // Lists `folder`; false when it cannot be listed (the walk fails) or,
  // unless `top`, when it is a build tree (not entered, not recorded).
  bool List(const std::string& folder, bool top,
            std::vector<DirectoryEntry>* entries) {
    std::string why;
    std::optional<std::vector<DirectoryEntry>> listed =
        fs.ListDirectory(folder, &why);
    if (!listed) {
      *error = "cannot list '" + folder + "': " + why;
      failed = true;
      return false;
    }
    if (!top && IsBuildTree(*listed)) return false;
    result.folders.push_back(folder);
    *entries = std::move(*listed);
    return true;
  }

  // Whether a walk may enter the folder `name` at `path`: never a hidden
  // one, nor a tools' folder.
  bool MayEnter(const std::string& name, const std::string& path) const {
    return name[0] != '.' &&
           std::find(excluded.begin(), excluded.end(), path) == excluded.end();
  }

  // Adds to the matches each regular file below `folder` (whose path from
  // the walk's base is `relative`) that `pattern` matches.
  void Below(const std::string& folder, const std::string& relative,
             std::string_view pattern, bool top) {
    std::vector<DirectoryEntry> entries;
    if (!List(folder, top, &entries)) return;
    for (const DirectoryEntry& entry : entries) {
      std::string path = Joined(folder, entry.name);
      std::string name = Joined(relative, entry.name);
      if (entry.kind == EntryKind::kFile && MatchesPattern(pattern, name))
        result.matches.push_back(name);
      if (entry.kind == EntryKind::kDirectory && MayEnter(entry.name, path))
        Below(path, name, pattern, false);
      if (failed) return;
    }
  }

  // `skills/<name>` for each folder below `base/skills` whose name matches
  // and that holds a regular `SKILL.md`.
  void Skills(const std::string& base, std::string_view pattern) {
    const std::string skills = Joined(base, "skills");
    if (fs.Stat(skills) != FileReader::Kind::kDirectory) return;
    std::vector<DirectoryEntry> entries;
    if (!List(skills, true, &entries)) return;
    for (const DirectoryEntry& entry : entries) {
      std::string path = Joined(skills, entry.name);
      if (entry.kind != EntryKind::kDirectory || !MayEnter(entry.name, path) ||
          !MatchesPattern(pattern, entry.name)) {
        continue;
      }
      std::vector<DirectoryEntry> inside;
      if (List(path, false, &inside) &&
          Holds(inside, "SKILL.md", EntryKind::kFile)) {
        result.matches.push_back("skills/" + entry.name);
      }
      if (failed) return;
    }
  }

  std::optional<WalkResult> Finish() {
    if (failed) return std::nullopt;
    std::sort(result.matches.begin(), result.matches.end());
    return std::move(result);
  }
};

const std::vector<std::string>& NoExclusions() {
  static const std::vector<std::string> none;
  return none;
}

// The type mapping mode gives the files below a folder named `name`, when
// the folder says one.
std::optional<std::string> TypeOfFolder(std::string_view name) {
  if (name == "agents" || name == "agent") return "agent";
  if (name == "commands" || name == "command") return "command";
  if (name == "skills") return "skill";
  return std::nullopt;
}

// What a plugin walk leaves out: git's folder and sync's own files.
bool IsSyncOwn(std::string_view name) {
  return name == ".git" || name == ".agentgen-sync.json" ||
         name == ".agentgen-sync.local.json" || name == ".agentgen-sync.lock";
}

// Mapping mode's walk below one folder (see WalkSourceFolder).
struct SourceWalk {
  Walk walk;
  std::vector<MappedSource>* sources;
  bool plugin = false;  // a plugin source folder (see WalkSourceFolder)

  void Below(const std::string& folder, const std::string& relative,
             const std::string& type, bool top) {
    std::vector<DirectoryEntry> entries;
    if (walk.List(folder, top, &entries))
      Entries(folder, relative, type, entries);
  }

  void Entries(const std::string& folder, const std::string& relative,
               const std::string& type,
               const std::vector<DirectoryEntry>& entries) {
    const bool in_skills =
        folder.size() >= 7 &&
        folder.compare(folder.size() - 7, 7, "/skills") == 0 &&
        !relative.empty();
    for (const DirectoryEntry& entry : entries) {
      if (plugin ? IsSyncOwn(entry.name) : entry.name[0] == '.') continue;
      std::string path = Joined(folder, entry.name);
      std::string name = Joined(relative, entry.name);
      const bool markdown =
          entry.name.size() > 3 &&
          entry.name.compare(entry.name.size() - 3, 3, ".md") == 0;
      if (entry.kind == EntryKind::kFile && (markdown || plugin)) {
        // In a plugin, only agents and commands are rendered; every other
        // file is the plugin's as it is.
        bool copied =
            plugin && !(markdown && (type == "agent" || type == "command"));
        sources->push_back({name, copied ? "" : type, false});
      }
      if (entry.kind != EntryKind::kDirectory || entry.name == "snippets")
        continue;
      std::string inner = TypeOfFolder(entry.name).value_or(type);
      if (!in_skills) {
        Below(path, name, inner, false);
      } else {
        std::vector<DirectoryEntry> inside;
        if (!walk.List(path, false, &inside)) {
          if (walk.failed) return;
          continue;
        }
        if (Holds(inside, "SKILL.md", EntryKind::kFile))
          sources->push_back({name, "skill", true});
        else
          Entries(path, name, inner, inside);
      }
      if (walk.failed) return;
    }
  }
};

// Every regular file below `folder`, for ListSkillFiles.
void SkillFilesBelow(Walk& walk, const std::string& folder,
                     const std::string& relative) {
  std::vector<DirectoryEntry> entries;
  if (!walk.List(folder, true, &entries)) return;
  for (const DirectoryEntry& entry : entries) {
    std::string name = Joined(relative, entry.name);
    if (entry.kind == EntryKind::kFile) walk.result.matches.push_back(name);
    if (entry.kind == EntryKind::kDirectory)
      SkillFilesBelow(walk, Joined(folder, entry.name), name);
    if (walk.failed) return;
  }
}

}  // namespace

bool IsPattern(std::string_view path) { return HasWildcard(path); }

std::optional<std::string> PatternProblem(std::string_view path) {
  const std::string quoted = "'" + std::string(path) + "'";
  if (path.find("..") != std::string_view::npos) {
    return "the pattern " + quoted +
           " contains '..', which AGPM refuses in a pattern; write it "
           "relative to the manifest's folder and below it, or name the "
           "files one entry each";
  }
  if (!path.empty() && path[0] == '/') {
    return "the pattern " + quoted +
           " is absolute, which AGPM refuses; write it relative to the "
           "manifest's folder";
  }
  for (size_t at = path.find('['); at != std::string_view::npos;) {
    size_t end = ClassEnd(path, at);
    if (end == std::string_view::npos) {
      return "the pattern " + quoted +
             " opens a class with '[' that no ']' closes; close it "
             "('[a-z]'), or write '[[]' for a '[' itself";
    }
    at = path.find('[', end);
  }
  return std::nullopt;
}

bool MatchesPattern(std::string_view pattern, std::string_view path) {
  return Matcher(pattern, path).From(0, 0);
}

std::optional<WalkResult> ExpandPattern(
    FileReader& fs, const std::string& base, std::string_view pattern,
    bool skills, const std::vector<std::string>& excluded, std::string* error) {
  Walk walk{fs, excluded, {}, error};
  if (skills) {
    std::string_view names = pattern;
    if (names.substr(0, 7) == "skills/") names.remove_prefix(7);
    walk.Skills(base, names);
    return walk.Finish();
  }
  // The literal prefix is taken as written, as a plain `path` is: only
  // below it are symlinks never followed.
  const std::string prefix = LiteralPrefix(pattern);
  const std::string top = prefix.empty() ? base : Joined(base, prefix);
  if (fs.Stat(top) == FileReader::Kind::kDirectory)
    walk.Below(top, prefix, pattern, true);
  return walk.Finish();
}

std::optional<WalkResult> WalkSourceFolder(FileReader& fs,
                                           const std::string& from,
                                           std::vector<MappedSource>* sources,
                                           std::string* error, bool plugin) {
  SourceWalk source_walk{Walk{fs, NoExclusions(), {}, error}, sources, plugin};
  // Only folders below `from` say a type: the outputs' paths start there.
  source_walk.Below(from, "", plugin ? "" : "agent", true);
  std::sort(sources->begin(), sources->end(),
            [](const MappedSource& a, const MappedSource& b) {
              return a.relative < b.relative;
            });
  return source_walk.walk.Finish();
}

std::optional<WalkResult> ListSkillFiles(FileReader& fs,
                                         const std::string& folder,
                                         std::string* error) {
  Walk walk{fs, NoExclusions(), {}, error};
  SkillFilesBelow(walk, folder, "");
  return walk.Finish();
}

}  // namespace agentgen
