// SPDX-License-Identifier: MIT
#include "sync/agpm_manifest.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "base/nearest_name.h"
#include "base/toml.h"
#include "inputs/project.h"
#include "sync/path_patterns.h"

namespace agentgen {
namespace {

struct Section {
  const char* name;  // the table
  const char* type;  // its singular
};

// AGPM's resource tables, in the order sync reads them.
constexpr Section kSections[] = {
    {"agents", "agent"},     {"snippets", "snippet"},
    {"commands", "command"}, {"scripts", "script"},
    {"hooks", "hook"},       {"mcp-servers", "mcp-server"},
    {"skills", "skill"}};

}  // namespace

const std::vector<std::string>& ManifestSections() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const Section& section : kSections) list.push_back(section.name);
    return list;
  }();
  return names;
}

namespace {

// Every top-level key AGPM 0.4.14 reads (any other it ignores), and the
// plugin layout's `plugins` and `marketplace` (docs/plugins.md).
const std::vector<std::string>& TopLevelKeys() {
  static const std::vector<std::string> keys = {
      "agents",      "commands", "default-tools",
      "gitignore",   "hooks",    "marketplace",
      "mcp-servers", "patch",    "plugins",
      "project",     "scripts",  "skills",
      "snippets",    "sources",  "token_warning_threshold",
      "tools"};
  return keys;
}

// The fields of an entry (AGPM's DetailedDependency).
const std::vector<std::string>& EntryFields() {
  static const std::vector<std::string> fields = {
      "args",    "branch",        "command", "dependencies", "filename",
      "flatten", "install",       "path",    "rev",          "source",
      "target",  "template_vars", "tool",    "version"};
  return fields;
}

bool IsSection(std::string_view name) {
  return std::any_of(
      std::begin(kSections), std::end(kSections),
      [&](const Section& section) { return name == section.name; });
}

// A path AGPM takes for a plain folder or file rather than one below the
// manifest's folder: `/`, `./` or `../` at its start.
bool IsPlainPath(std::string_view path) {
  return path.substr(0, 1) == "/" || path.substr(0, 2) == "./" ||
         path.substr(0, 3) == "../";
}

bool EndsWith(std::string_view text, std::string_view end) {
  return text.size() >= end.size() &&
         text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::vector<std::string> SplitNames(const std::string& joined) {
  std::vector<std::string> names;
  size_t begin = 0;
  while (begin < joined.size()) {
    size_t comma = joined.find(", ", begin);
    if (comma == std::string::npos) comma = joined.size();
    names.push_back(joined.substr(begin, comma - begin));
    begin = comma + 2;
  }
  return names;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names)
    joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// Reads one manifest: every problem is reported, located at the key or
// value it is about, before the result is given up.
class ManifestReader {
 public:
  ManifestReader(std::string_view text, std::string_view display,
                 DiagnosticSink& sink)
      : text_(text), display_(display), lines_(display, text), sink_(sink) {}

  std::optional<AgpmManifest> Read() {
    toml::table document;
    try {
      document = toml::parse(text_, display_);
    } catch (const toml::parse_error& error) {
      sink_.Error(LocateLineColumn(display_, text_, error.source().begin),
                  std::string(error.description()), "manifest.toml");
      return std::nullopt;
    }
    CheckTopLevel(document);
    ReadProject(document);
    std::optional<InstallLayout> layout =
        InstallLayout::Read(document, text_, display_, sink_);
    if (layout) manifest_.layout = std::move(*layout);
    layout_ok_ = layout.has_value();
    ReadSources(document);
    for (const Section& section : kSections) {
      if (const toml::node* table = document.get(section.name))
        ReadSection(section, *table);
    }
    CheckPatches(document);
    if (sink_.error_count() > errors_before_) return std::nullopt;
    return std::move(manifest_);
  }

 private:
  Location At(const toml::source_position& position) const {
    return lines_.Locate(position.line, position.column);
  }
  Location At(const toml::node& node) const { return At(node.source().begin); }
  Location At(const toml::key& key) const { return At(key.source().begin); }

  void Error(Location where, std::string message, std::string rule) {
    sink_.Error(std::move(where), std::move(message), std::move(rule));
  }

  // An error or warning about the name `key` with a did-you-mean edit.
  void ReportName(Severity severity, const toml::key& key, std::string message,
                  std::string rule,
                  const std::optional<std::string>& suggestion) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.where = At(key);
    diagnostic.message = std::move(message);
    diagnostic.rule = std::move(rule);
    if (suggestion) {
      diagnostic.end = At(key.source().end);
      diagnostic.replacement = *suggestion;
    }
    sink_.Report(std::move(diagnostic));
  }

  void CheckTopLevel(const toml::table& document) {
    for (const auto& [key, value] : document) {
      std::string name(key.str());
      if (IsSection(name) && !value.is_table()) {
        Error(At(value),
              "'" + name + "' must be a table of entries ([" + name + "])",
              "manifest.section");
      } else if (name == "gitignore" && !value.is_boolean()) {
        Error(At(value), "'gitignore' must be true or false",
              "manifest.gitignore");
      } else if (name == "token_warning_threshold" &&
                 !(value.is_integer() && *value.value<int64_t>() >= 0)) {
        Error(At(value),
              "'token_warning_threshold' must be a whole number of tokens, 0 "
              "or more",
              "manifest.token_warning_threshold");
      } else if (std::find(TopLevelKeys().begin(), TopLevelKeys().end(),
                           name) == TopLevelKeys().end()) {
        WarnUnknownTable(key);
      }
    }
  }

  void WarnUnknownTable(const toml::key& key) {
    std::string name(key.str());
    std::optional<std::string> suggestion = NearestName(name, TopLevelKeys());
    std::string message = "'" + name +
                          "' is not a key of an AGPM manifest, so AGPM and "
                          "sync ignore it; ";
    message += suggestion ? "did you mean '" + *suggestion + "'?"
                          : "remove it (keys: " + Joined(TopLevelKeys()) + ")";
    ReportName(Severity::kWarning, key, std::move(message),
               "manifest.unknown-table", suggestion);
  }

  void ReadProject(const toml::table& document) {
    const toml::node* project = document.get("project");
    if (!project) return;
    if (!project->is_table()) {
      Error(At(*project), "'project' must be a table ([project])",
            "manifest.project");
      return;
    }
    DiagnosticSink::RuleScope rule(sink_, "manifest.project");
    bool ok = true;
    manifest_.project = TomlToJson(*project, text_, display_, sink_, &ok);
  }

  // `[sources]`: names of git repositories; AGPM 0.4.14 refuses a plain
  // folder there.
  void ReadSources(const toml::table& document) {
    const toml::node* sources = document.get("sources");
    if (!sources) return;
    const toml::table* table = sources->as_table();
    if (!table) {
      Error(At(*sources), "'sources' must be a table of git URLs ([sources])",
            "manifest.sources");
      return;
    }
    for (const auto& [key, value] : *table) {
      std::string name(key.str());
      source_names_.push_back(name);
      const auto* url = value.as_string();
      if (!url) {
        Error(At(value), "source '" + name + "' must be a git URL (a string)",
              "manifest.sources");
      } else if (IsPlainPath(url->get())) {
        Error(At(value),
              "source '" + name + "' is the plain folder '" + url->get() +
                  "', which AGPM 0.4.14 refuses: sources must be git "
                  "repositories; write a git URL ('https://...', 'git@...', "
                  "or 'file:///absolute/path' for a local repository), or "
                  "drop the source and give each entry its 'path'",
              "manifest.sources");
      }
    }
  }

  void ReadSection(const Section& section, const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) return;  // reported by CheckTopLevel
    std::map<std::string, std::string> built_by_lowercase;
    for (const auto& [key, value] : *table) {
      std::optional<ManifestEntry> entry = ReadEntry(section, key, value);
      if (!entry) continue;
      auto [first, inserted] =
          built_by_lowercase.emplace(Lowercase(entry->key), entry->key);
      if (!inserted) {
        Error(entry->key_at,
              "'" + entry->key + "' and '" + first->second + "' in [" +
                  section.name +
                  "] differ only in case, so they would install to one file "
                  "on a case-insensitive file system (AGPM refuses them); "
                  "rename one",
              "manifest.key");
      }
      manifest_.entries.push_back(std::move(*entry));
    }
  }

  void Skip(const Section& section, const toml::key& key, std::string reason,
            const std::string& remedy) {
    std::string name = std::string(section.name) + "." + std::string(key.str());
    sink_.Note(At(key), "'" + name + "' is not built: " + reason + remedy,
               "manifest.skipped");
    manifest_.skipped.push_back(
        {section.name, std::string(key.str()), std::move(reason), At(key)});
  }

  // One entry: nullopt when sync does not build it or it has an error.
  std::optional<ManifestEntry> ReadEntry(const Section& section,
                                         const toml::key& key,
                                         const toml::node& value) {
    ManifestEntry entry;
    entry.section = section.name;
    entry.type = section.type;
    entry.key = std::string(key.str());
    entry.key_at = At(key);
    entry.tool_at = entry.key_at;
    entry.template_vars_at = entry.key_at;
    const int errors = sink_.error_count();
    if (const auto* path = value.as_string()) {
      if (SkipForDisabledTool(section, key, nullptr)) return std::nullopt;
      ReadPath(entry, *path);
    } else if (const toml::table* table = value.as_table()) {
      if (table->contains("source")) {
        ReadSourceEntry(section, key, *table);
        return std::nullopt;
      }
      if (SkipForDisabledTool(section, key, table)) return std::nullopt;
      ReadFields(entry, *table);
    } else {
      Error(At(value),
            "'" + Name(entry) +
                "' must be a path (\"agents/x.md\") or a table with 'path'",
            "manifest.entry");
      return std::nullopt;
    }
    CheckPattern(entry);
    CheckTool(entry);
    if (sink_.error_count() > errors) return std::nullopt;
    return entry;
  }

  static std::string Name(const ManifestEntry& entry) {
    return entry.section + "." + entry.key;
  }

  // An entry with `source` is AGPM's; only the source's name is checked.
  void ReadSourceEntry(const Section& section, const toml::key& key,
                       const toml::table& table) {
    const toml::node& source = *table.get("source");
    std::string name = std::string(section.name) + "." + std::string(key.str());
    const auto* text = source.as_string();
    if (!text) {
      Error(At(source),
            "'source' of '" + name + "' must name a key of [sources]",
            "manifest.source");
      return;
    }
    const std::string& wanted = text->get();
    if (std::find(source_names_.begin(), source_names_.end(), wanted) ==
        source_names_.end()) {
      std::optional<std::string> suggestion =
          NearestName(wanted, source_names_);
      Error(At(source),
            "source '" + wanted + "' of '" + name + "' is not in [sources] (" +
                (source_names_.empty() ? "there is none"
                                       : "sources: " + Joined(source_names_)) +
                ")" +
                (suggestion ? "; did you mean '" + *suggestion + "'?" : ""),
            "manifest.source");
      return;
    }
    Skip(section, key, "source '" + wanted + "' is a git repository",
         ", which `agpm install` installs");
  }

  // Skips the entry (`table` null for `key = "path"`) when its tool, as
  // CheckTool resolves it, is disabled.
  bool SkipForDisabledTool(const Section& section, const toml::key& key,
                           const toml::table* table) {
    std::string tool = manifest_.layout.DefaultTool(section.name);
    if (const toml::node* written = table ? table->get("tool") : nullptr) {
      if (!written->is_string()) return false;
      tool = written->as_string()->get();
    }
    const LayoutTool* found = manifest_.layout.Tool(tool);
    if (!found || found->enabled) return false;
    Skip(section, key, "its tool '" + tool + "' is disabled",
         " ([tools." + tool + "] enabled = false; AGPM skips it too)");
    return true;
  }

  void ReadPath(ManifestEntry& entry, const toml::value<std::string>& path) {
    entry.path = path.get();
    entry.path_at = At(path);
    entry.is_pattern = IsPattern(entry.path);
    if (entry.path.empty()) {
      Error(entry.path_at,
            "'path' of '" + Name(entry) +
                "' is empty: name the file to build, relative to the "
                "manifest's folder",
            "manifest.path");
    }
  }

  void ReadFields(ManifestEntry& entry, const toml::table& table) {
    versions_.clear();
    for (const auto& [key, value] : table) {
      std::string field(key.str());
      if (std::find(EntryFields().begin(), EntryFields().end(), field) ==
          EntryFields().end()) {
        UnknownField(entry, key);
      } else {
        ReadField(entry, field, key, value);
      }
    }
    if (!table.contains("path")) {
      Error(entry.key_at,
            "'" + Name(entry) +
                "' has no 'path': name the file to build, relative to the "
                "manifest's folder (path = \"agents/x.md\")",
            "manifest.path");
    }
    CheckVersions(entry);
    CheckFilename(entry);
  }

  void UnknownField(const ManifestEntry& entry, const toml::key& key) {
    std::string field(key.str());
    std::optional<std::string> suggestion = NearestName(field, EntryFields());
    std::string message = "unknown field '" + field + "' in '" + Name(entry) +
                          "': AGPM ignores it, so the entry would not be "
                          "installed as written; ";
    message += suggestion ? "did you mean '" + *suggestion + "'?"
                          : "remove it (fields: " + Joined(EntryFields()) + ")";
    ReportName(Severity::kError, key, std::move(message),
               "manifest.unknown-field", suggestion);
  }

  void ReadField(ManifestEntry& entry, const std::string& field,
                 const toml::key& key, const toml::node& value) {
    const std::string rule = "manifest." + field;
    const std::string of = "'" + field + "' of '" + Name(entry) + "'";
    if (field == "command" || field == "args" || field == "dependencies")
      return;  // accepted and unused, as in AGPM
    if (field == "flatten" || field == "install") {
      const auto* flag = value.as_boolean();
      if (!flag) {
        Error(At(value), of + " must be true or false", rule);
      } else if (field == "install") {
        entry.install = flag->get();
      } else {
        entry.flatten = flag->get();
        entry.flatten_at = At(value);
      }
      return;
    }
    if (field == "template_vars") {
      ReadTemplateVars(entry, value);
      return;
    }
    const auto* text = value.as_string();
    if (!text) {
      Error(At(value), of + " must be a string", rule);
      return;
    }
    if (field == "path") {
      ReadPath(entry, *text);
    } else if (field == "filename") {
      entry.filename = text->get();
      entry.filename_at = At(value);
      filename_key_at_ = At(key);
    } else if (field == "target") {
      entry.target = text->get();
      entry.target_at = At(value);
    } else if (field == "tool") {
      entry.tool = text->get();
      entry.tool_at = At(value);
    } else {  // version, branch, rev
      versions_.emplace_back(field, At(key));
    }
  }

  // `version`, `branch` and `rev` mean nothing for a local file; AGPM
  // refuses them on a path it takes for a plain one.
  void CheckVersions(const ManifestEntry& entry) {
    if (entry.path.empty() || !IsPlainPath(entry.path)) return;
    for (const auto& [field, where] : versions_) {
      Error(where,
            "'" + field + "' on '" + Name(entry) + "', whose path '" +
                entry.path +
                "' is a local file: a local file has no versions (AGPM "
                "refuses it); remove '" +
                field + "', or install it from a git source with 'source'",
            "manifest." + field);
    }
  }

  void ReadTemplateVars(ManifestEntry& entry, const toml::node& value) {
    const toml::table* table = value.as_table();
    if (!table) {
      Error(At(value),
            "'template_vars' of '" + Name(entry) +
                "' must be a table (template_vars = { project = { ... } })",
            "manifest.template_vars");
      return;
    }
    entry.template_vars_at = At(value);
    for (const auto& [key, inner] : *table) {
      if (key.str() == "agpm") {
        Error(At(key),
              "'template_vars.agpm' of '" + Name(entry) +
                  "' would replace the 'agpm' variables every template is "
                  "given; use another name",
              "manifest.template_vars");
      }
    }
    DiagnosticSink::RuleScope rule(sink_, "manifest.template_vars");
    bool ok = true;
    entry.template_vars = TomlToJson(value, text_, display_, sink_, &ok);
  }

  void CheckFilename(const ManifestEntry& entry) {
    if (!entry.filename) return;
    if (entry.is_pattern) {
      Error(filename_key_at_,
            "'filename' on the pattern entry '" + Name(entry) +
                "': each match is installed under its own name (AGPM "
                "ignores 'filename' here); remove it",
            "manifest.filename");
    } else if ((entry.type == "agent" || entry.type == "command") &&
               !EndsWith(*entry.filename, ".md")) {
      WarnFilenameWithoutMd(entry);
    }
  }

  void WarnFilenameWithoutMd(const ManifestEntry& entry) {
    const std::string& filename = *entry.filename;
    Diagnostic diagnostic;
    diagnostic.severity = Severity::kWarning;
    diagnostic.where = entry.filename_at;
    diagnostic.rule = "manifest.filename";
    diagnostic.message =
        "filename '" + filename + "' of '" + Name(entry) +
        "' does not end in '.md': AGPM installs it as written, and Claude "
        "Code and OpenCode load only '.md' files; write '" +
        filename + ".md'";
    // The edit rewrites the quoted value, when quoting it is plain.
    if (filename.find_first_of("\"\\") == std::string::npos) {
      diagnostic.end = TokenEndAt(entry.filename_at);
      diagnostic.replacement = "\"" + filename + ".md\"";
    }
    sink_.Report(std::move(diagnostic));
  }

  void CheckPattern(const ManifestEntry& entry) {
    if (!entry.is_pattern) return;
    if (std::optional<std::string> problem = PatternProblem(entry.path))
      Error(entry.path_at, "'" + Name(entry) + "': " + *problem,
            "manifest.path");
  }

  void CheckTool(ManifestEntry& entry) {
    const bool written = !entry.tool.empty();
    if (!written) entry.tool = manifest_.layout.DefaultTool(entry.section);
    if (!layout_ok_) return;  // the layout's own errors say enough
    std::optional<std::string> problem =
        ToolProblem(manifest_.layout, entry.tool, entry.section);
    if (!problem) return;
    std::string message = "'" + Name(entry) + "': " + *problem;
    std::optional<std::string> suggestion;
    if (written && !manifest_.layout.Tool(entry.tool)) {
      suggestion =
          NearestName(entry.tool, SplitNames(manifest_.layout.ToolNames()));
    }
    if (suggestion) message += "; did you mean '" + *suggestion + "'?";
    Diagnostic diagnostic;
    diagnostic.where = entry.tool_at;
    diagnostic.message = std::move(message);
    diagnostic.rule = "manifest.tool";
    if (suggestion) {
      diagnostic.end = TokenEndAt(entry.tool_at);
      diagnostic.replacement = "\"" + *suggestion + "\"";
    }
    sink_.Report(std::move(diagnostic));
  }

  // `[patch.<section>.<key>]`: AGPM's, for the entries it installs.
  void CheckPatches(const toml::table& document) {
    const toml::node* patch = document.get("patch");
    if (!patch) return;
    const toml::table* sections = patch->as_table();
    if (!sections) {
      Error(At(*patch),
            "'patch' must be a table of patches ([patch.<section>.<key>])",
            "manifest.patch");
      return;
    }
    for (const auto& [section, patches] : *sections) {
      const toml::table* keys = patches.as_table();
      if (!IsSection(section.str()) || !keys) continue;  // AGPM ignores them
      for (const auto& [key, value] : *keys) CheckPatch(section, key, document);
    }
  }

  void CheckPatch(const toml::key& section, const toml::key& key,
                  const toml::table& document) {
    std::string name =
        std::string(section.str()) + "." + std::string(key.str());
    const bool built = std::any_of(
        manifest_.entries.begin(), manifest_.entries.end(),
        [&](const ManifestEntry& entry) { return Name(entry) == name; });
    const bool skipped =
        std::any_of(manifest_.skipped.begin(), manifest_.skipped.end(),
                    [&](const SkippedEntry& entry) {
                      return entry.section + "." + entry.key == name;
                    });
    const toml::node* entries = document.get(section.str());
    const bool exists = entries && entries->is_table() &&
                        entries->as_table()->contains(key.str());
    if (built) {
      Error(At(key),
            "[patch." + name + "] patches '" + name +
                "', which sync builds, and sync applies no patches: write "
                "the change into the file, or remove the patch",
            "manifest.patch");
    } else if (!exists && !skipped) {
      Error(At(key),
            "[patch." + name + "] names no entry of [" +
                std::string(section.str()) +
                "] (AGPM refuses it); add the entry or remove the patch",
            "manifest.patch");
    }
  }

  std::string_view text_;
  std::string_view display_;
  // A manifest has hundreds of entries, each located several times.
  LineIndex lines_;
  DiagnosticSink& sink_;
  const int errors_before_ = sink_.error_count();
  AgpmManifest manifest_;
  bool layout_ok_ = true;
  std::vector<std::string> source_names_;
  // Per entry, while its fields are read.
  std::vector<std::pair<std::string, Location>> versions_;
  Location filename_key_at_;
};

}  // namespace

std::optional<AgpmManifest> ReadAgpmManifest(std::string_view text,
                                             std::string_view display,
                                             DiagnosticSink& sink) {
  return ManifestReader(text, display, sink).Read();
}

}  // namespace agentgen
