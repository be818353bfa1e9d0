// SPDX-License-Identifier: MIT
#include "inputs/dependencies.h"

#include <algorithm>

#include "base/paths.h"

namespace agentgen {

const char* const kDependencyCategories[7] = {
    "agents",      "commands", "snippets", "hooks",
    "mcp-servers", "scripts",  "skills"};

namespace {

const char* const kEntryFields[] = {"path", "name",    "version",
                                    "tool", "install", "flatten"};

bool IsCategory(std::string_view name) {
  return std::find(std::begin(kDependencyCategories),
                   std::end(kDependencyCategories),
                   name) != std::end(kDependencyCategories);
}

bool IsEntryField(std::string_view name) {
  return std::find(std::begin(kEntryFields), std::end(kEntryFields), name) !=
         std::end(kEntryFields);
}

bool IsToolName(std::string_view name) {
  return name == "claude-code" || name == "opencode" || name == "agpm";
}

// Scalars as the manifest records them: `true`/`false` stay booleans (the
// form `install:` and `flatten:` take), everything else is its text.
nlohmann::json ScalarValue(const YamlNode& node) {
  if (!node.IsScalar()) return nullptr;
  const std::string& text = node.scalar();
  if (node.tag() != "!") {
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  return text;
}

std::string CategoryList() {
  std::string list;
  for (const char* category : kDependencyCategories) {
    if (!list.empty()) list += ", ";
    list += category;
  }
  return list;
}

void ReadEntry(const std::string& category, const YamlNode& entry,
               const Locator& locate, DiagnosticSink& sink,
               std::vector<DependencyEntry>* entries) {
  if (!entry.IsMap()) {
    sink.Error(locate(entry.offset()),
               "a dependency entry must be a mapping with a 'path:'");
    return;
  }
  DependencyEntry result;
  result.category = category;
  bool has_path = false;
  bool valid = true;
  for (const YamlNode::Entry& field : entry.entries()) {
    std::string key = field.key->IsScalar() ? field.key->scalar() : "";
    if (!IsEntryField(key)) {
      sink.Error(locate(field.key->offset()),
                 "unknown field '" + key +
                     "' in a dependency entry (expected path, name, version, "
                     "tool, install or flatten)");
      valid = false;
      continue;
    }
    const YamlNode& value = *field.value;
    if (key == "path" || key == "name") {
      if (!value.IsScalar() || value.scalar().empty()) {
        sink.Error(
            locate(!value.IsNull() ? value.offset() : field.key->offset()),
            "'" + key + "' must be a non-empty string");
        valid = false;
        continue;
      }
      if (key == "path") {
        has_path = true;
        result.path = value.scalar();
        result.where = locate(value.offset());
      } else {
        result.name = value.scalar();
      }
    } else if (key == "version") {
      result.version = value.IsScalar() ? nlohmann::json(value.scalar())
                                        : ScalarValue(value);
    } else if (key == "tool") {
      result.tool = ScalarValue(value);
      result.tool_where = locate(value.offset());
    } else if (key == "install") {
      result.install = ScalarValue(value);
    } else {
      result.flatten = ScalarValue(value);
    }
  }
  if (!has_path) {
    if (valid) {
      sink.Error(locate(entry.offset()), "dependency entry has no 'path:'");
    }
    return;
  }
  if (valid) entries->push_back(std::move(result));
}

void ReadSection(const YamlNode& section, const Locator& locate,
                 DiagnosticSink& sink, std::vector<DependencyEntry>* entries) {
  if (!section.IsDefined() || section.IsNull()) return;
  if (!section.IsMap()) {
    sink.Error(locate(section.offset()),
               "'dependencies' must map categories to lists of entries");
    return;
  }
  for (const YamlNode::Entry& item : section.entries()) {
    std::string category = item.key->IsScalar() ? item.key->scalar() : "";
    if (!IsCategory(category)) {
      std::string message = "unknown dependency category '" + category + "'";
      if (IsToolName(category)) {
        message += ": '" + category +
                   "' is a tool, but categories are resource types (" +
                   CategoryList() + "); set 'tool: " + category +
                   "' on an entry instead";
      } else {
        message += " (expected one of " + CategoryList() + ")";
      }
      sink.Error(locate(item.key->offset()), message);
      continue;
    }
    const YamlNode& list = *item.value;
    if (list.IsNull()) continue;
    if (!list.IsSequence()) {
      sink.Error(locate(list.offset()),
                 "'" + category + "' must be a list of dependency entries");
      continue;
    }
    for (const YamlNode* entry : list.items())
      ReadEntry(category, *entry, locate, sink, entries);
  }
}

}  // namespace

std::string SingularOf(std::string_view category) {
  if (category == "mcp-servers") return "mcp-server";
  if (!category.empty() && category.back() == 's')
    return std::string(category.substr(0, category.size() - 1));
  return std::string(category);
}

bool IsResourceType(std::string_view type) {
  for (const char* category : kDependencyCategories) {
    if (SingularOf(category) == type) return true;
  }
  return false;
}

std::vector<DependencyEntry> ReadDependencyEntries(const YamlNode& frontmatter,
                                                   const Locator& locate,
                                                   DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "dependency");
  std::vector<DependencyEntry> entries;
  ReadSection(MappingValue(frontmatter, "dependencies"), locate, sink,
              &entries);
  ReadSection(MappingValue(MappingValue(frontmatter, "agpm"), "dependencies"),
              locate, sink, &entries);
  return entries;
}

std::optional<std::string> ResolveDeclaredPath(
    std::string_view declared, std::string_view declaring_folder,
    std::string_view root, std::string* error) {
  if (declared.empty()) {
    *error = "empty dependency path";
    return std::nullopt;
  }
  if (declared.front() == '/') {
    *error = "absolute dependency path '" + std::string(declared) +
             "' (write it relative to the file or to the root)";
    return std::nullopt;
  }
  if (declared.find_first_of("*?[") != std::string_view::npos) {
    *error = "glob patterns are not supported in dependency paths: '" +
             std::string(declared) + "'";
    return std::nullopt;
  }
  if (declared.find('\\') != std::string_view::npos) {
    *error = "dependency path '" + std::string(declared) +
             "' contains '\\'; use '/' as the separator";
    return std::nullopt;
  }
  return JoinNormal(IsFileRelative(declared) ? declaring_folder : root,
                    declared);
}

bool IsFileRelative(std::string_view declared) {
  return declared.rfind("./", 0) == 0 || declared.rfind("../", 0) == 0 ||
         declared.find('/') == std::string_view::npos;
}

std::string DependencyKey(std::string_view name) {
  std::string key(name);
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

}  // namespace agentgen
