// SPDX-License-Identifier: MIT
#include "sync/agpm_lockfile.h"

#include "base/paths.h"
#include "base/toml.h"
#include "inputs/project.h"

namespace agentgen {
namespace {

// The arrays of resources AGPM 0.4.14's LockFile holds (lockfile/mod.rs)
// whose `installed_at` is a file or a skill folder. Hooks and MCP servers
// are merged into shared files (`.claude/settings.local.json`, `.mcp.json`)
// whose members are told apart by AGPM's `_agpm` marker instead (docs/sync.md,
// "Merged files"), so their `installed_at` claims no file.
constexpr const char* kFileSections[] = {"agents", "snippets", "commands",
                                         "scripts", "skills"};

// A TOML basic string, as the entry is named in messages.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void AddSection(const toml::array& resources, std::string_view section,
                std::string_view display,
                std::map<std::string, std::string>* installed) {
  for (const toml::node& node : resources) {
    const toml::table* resource = node.as_table();
    if (!resource) continue;
    std::optional<std::string> at =
        (*resource)["installed_at"].value<std::string>();
    // AGPM writes no file for `install = false` (content for templates
    // only), and its cleanup treats that path as holding none.
    if (!at || at->empty() || !(*resource)["install"].value_or(true)) continue;
    std::string name = (*resource)["name"].value_or(std::string());
    installed->emplace(Normal(*at), std::string(display) + ": [[" +
                                        std::string(section) +
                                        "]] name = " + Quoted(name));
  }
}

}  // namespace

std::optional<std::map<std::string, std::string>> ReadAgpmInstalledPaths(
    std::string_view text, std::string_view display, DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "sync.agpm-lock");
  toml::table document;
  try {
    document = toml::parse(text, display);
  } catch (const toml::parse_error& error) {
    sink.Error(LocateLineColumn(display, text, error.source().begin),
               std::string(error.description()));
    return std::nullopt;
  }
  std::map<std::string, std::string> installed;
  for (const char* section : kFileSections) {
    if (const toml::array* resources = document[section].as_array())
      AddSection(*resources, section, display, &installed);
  }
  return installed;
}

}  // namespace agentgen
