// SPDX-License-Identifier: MIT
#include "validation/plugin_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "base/paths.h"
#include "inputs/json_positions.h"
#include "inputs/json_tree.h"

namespace agentgen {
namespace {

bool IsLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A numeric identifier of semver: digits, no leading zero but for "0".
// Advances `at` past it.
bool SemverNumber(const std::string& text, size_t* at) {
  size_t start = *at;
  while (*at < text.size() && IsDigit(text[*at])) ++*at;
  size_t length = *at - start;
  return length > 0 && (length == 1 || text[start] != '0');
}

}  // namespace

bool Contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// [a-z0-9]+(-[a-z0-9]+)*: no leading, trailing or doubled '-'. Written out
// rather than as a std::regex, which GCC 12's sanitizer build rejects
// (-Wmaybe-uninitialized inside <regex>) and which costs more to build.
bool IsKebabCase(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '-') {
      if (name[i - 1] == '-') return false;
    } else if (!IsLowerAlnum(name[i])) {
      return false;
    }
  }
  return true;
}

// MAJOR.MINOR.PATCH, then optionally -PRERELEASE and +BUILD, each made of
// [0-9A-Za-z.-].
bool IsSemver(const std::string& version) {
  size_t at = 0;
  for (int part = 0; part < 3; ++part) {
    if (part > 0) {
      if (at >= version.size() || version[at] != '.') return false;
      ++at;
    }
    if (!SemverNumber(version, &at)) return false;
  }
  auto suffix = [&](char mark) {
    if (at >= version.size() || version[at] != mark) return true;
    size_t start = ++at;
    while (at < version.size() && (IsLowerAlnum(version[at]) ||
                                   (version[at] >= 'A' && version[at] <= 'Z') ||
                                   version[at] == '.' || version[at] == '-'))
      ++at;
    return at > start;
  };
  return suffix('-') && suffix('+') && at == version.size();
}

// A path inside a folder as the user named the folder.
std::string Inside(const std::string& display, const std::string& relative) {
  std::string folder = Normal(display);
  return folder == "." ? relative : folder + "/" + relative;
}

Location WholeFile(const std::string& display) {
  Location where;
  where.file = display;
  return where;
}

std::unique_ptr<JsonFile> ReadJsonFile(FileReader& fs, const std::string& path,
                                       const std::string& display,
                                       const std::string& rule,
                                       DiagnosticSink& sink) {
  auto file = std::make_unique<JsonFile>();
  file->display = display;
  std::string error;
  if (!fs.ReadFile(path, &file->bytes, &error)) {
    sink.Error(WholeFile(display), "cannot read it: " + error, rule);
    return nullptr;
  }
  const JsonFile* self = file.get();
  file->place =
      TreePlace{file->bytes,
                [self](size_t offset) {
                  return LocateOffset(self->display, self->bytes, offset);
                },
                true};
  nlohmann::json value;
  size_t error_offset = 0;
  if (std::optional<std::string> problem =
          ParseJsonStrictly(file->bytes, &value, &error_offset)) {
    sink.Error(file->place.locate(error_offset),
               "Invalid JSON syntax: " + *problem, rule);
    return nullptr;
  }
  std::optional<YamlDocument> tree = ReadJsonTree(file->bytes);
  if (!tree) {
    sink.Error(file->place.locate(0), "JSON nested deeper than 100 levels",
               rule);
    return nullptr;
  }
  file->tree = std::move(*tree);
  if (!file->tree.root().IsMap()) {
    sink.Error(file->place.locate(file->tree.root().offset()),
               "the file must hold a JSON object; got " +
                   Shown(file->tree.root(), true),
               rule);
    return nullptr;
  }
  return file;
}

void CheckName(const TreePlace& place, const YamlNode& object,
               const std::string& what, const std::string& rule,
               DiagnosticSink& sink) {
  const YamlNode& name = MappingValue(object, "name");
  if (!name.IsDefined()) {
    sink.Error(place.locate(object.offset()),
               what + " has no 'name' (a kebab-case string)", rule);
  } else if (KindOf(name) != ValueKind::kString || name.scalar().empty()) {
    sink.Error(place.locate(name.offset()),
               "'name' must be a non-empty string; got " + Shown(name, true),
               rule);
  } else if (!IsKebabCase(name.scalar())) {
    sink.Warning(place.locate(name.offset()),
                 "name \"" + name.scalar() +
                     "\" is not kebab-case (lowercase letters, digits and "
                     "'-'): Claude Code loads it, but claude.ai and Claude "
                     "Desktop may not",
                 rule);
  }
}

}  // namespace agentgen
