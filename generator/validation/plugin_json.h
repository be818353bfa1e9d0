// SPDX-License-Identifier: MIT
// What the plugin check (plugin_check.h) and the marketplace check
// (marketplace_check.h) share: their JSON files read into our tree and
// located, the paths they name, and the name and version rules of both
// plugin.json and a marketplace.
#ifndef AGENTGEN_VALIDATION_PLUGIN_JSON_H_
#define AGENTGEN_VALIDATION_PLUGIN_JSON_H_

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "inputs/yaml_node.h"
#include "validation/node_values.h"

namespace agentgen {

/// Whether `name` is one of `list`.
bool Contains(const std::vector<std::string>& list, const std::string& name);

/// `[a-z0-9]+(-[a-z0-9]+)*`: no leading, trailing or doubled '-'.
bool IsKebabCase(const std::string& name);

/// `MAJOR.MINOR.PATCH`, then optionally `-PRERELEASE` and `+BUILD`.
bool IsSemver(const std::string& version);

/// A path inside a folder, as the user named the folder.
std::string Inside(const std::string& display, const std::string& relative);

/// A whole file as a diagnostic's place.
Location WholeFile(const std::string& display);

/// A JSON file read into our tree, located in its text. Not movable: the
/// place's text and locator point into it.
struct JsonFile {
  std::string display;
  std::string bytes;
  YamlDocument tree;
  TreePlace place;
  JsonFile() = default;
  JsonFile(const JsonFile&) = delete;
  JsonFile& operator=(const JsonFile&) = delete;
};

/// Reads the JSON object at `path` (named `display`); null after an error
/// under `rule` (unreadable, not JSON, or not an object).
std::unique_ptr<JsonFile> ReadJsonFile(FileReader& fs, const std::string& path,
                                       const std::string& display,
                                       const std::string& rule,
                                       DiagnosticSink& sink);

/// `name` of plugin.json, a marketplace or one of its entries (`what`): a
/// non-empty string, warned when not kebab-case.
void CheckName(const TreePlace& place, const YamlNode& object,
               const std::string& what, const std::string& rule,
               DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_PLUGIN_JSON_H_
