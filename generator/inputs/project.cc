// SPDX-License-Identifier: MIT
#include "inputs/project.h"

#include <cmath>
#include <functional>
#include <sstream>
#include <utility>

#include "base/toml.h"

namespace agentgen {
namespace {

template <typename T>
std::string Printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Calls `refuse` with each value a template could not hold faithfully.
using RefuseValue =
    std::function<void(const toml::node& node, const std::string& message)>;

// The text of the value that starts at `position` in `text`: up to a blank,
// a comma, a closing bracket or brace, or a comment.
std::string_view ValueTextAt(std::string_view text,
                             const toml::source_position& position) {
  size_t offset = 0;
  for (uint32_t line = 1; line < position.line; ++line) {
    size_t next = text.find('\n', offset);
    if (next == std::string_view::npos) return {};
    offset = next + 1;
  }
  if (position.column == 0) return {};
  offset += position.column - 1;
  if (offset >= text.size()) return {};
  size_t end = text.find_first_of(" \t\r\n,]}#", offset);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(offset, end - offset);
}

// toml_datetime's Display, as AGPM prints a date-time: `Z` for an offset
// written `Z` or `z`, else the offset's sign and hh:mm (a zero offset,
// `-00:00` included, is `+00:00`). toml++ keeps the offset in minutes only,
// so how a zero offset was written is read back from the source text.
std::string DateTimeText(const toml::value<toml::date_time>& value,
                         std::string_view text) {
  std::string printed = Printed(value.get());
  const std::optional<toml::time_offset>& offset = value.get().offset;
  if (!offset || offset->minutes != 0 || text.empty()) return printed;
  std::string_view written = ValueTextAt(text, value.source().begin);
  if (written.empty() || written.back() == 'Z' || written.back() == 'z' ||
      printed.empty() || printed.back() != 'Z') {
    return printed;
  }
  printed.pop_back();
  printed.append("+00:00");
  return printed;
}

nlohmann::json ToJson(const toml::node& node, const RefuseValue& refuse,
                      std::string_view source_text = {}) {
  if (const auto* table = node.as_table()) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, value] : *table)
      object[std::string(key.str())] = ToJson(value, refuse, source_text);
    return object;
  }
  if (const auto* array = node.as_array()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& value : *array)
      list.push_back(ToJson(value, refuse, source_text));
    return list;
  }
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* integer = node.as_integer()) return integer->get();
  if (const auto* number = node.as_floating_point()) {
    // JSON has no such number: AGPM would silently make it null.
    if (!std::isfinite(number->get())) {
      refuse(node,
             "'" + Printed(*number) +
                 "' is not a number a template can hold (AGPM would make it "
                 "null); write a finite number or a string");
      return nullptr;
    }
    return number->get();
  }
  if (const auto* flag = node.as_boolean()) return flag->get();
  if (const auto* date = node.as_date()) return Printed(date->get());
  if (const auto* time = node.as_time()) return Printed(time->get());
  if (const auto* date_time = node.as_date_time())
    return DateTimeText(*date_time, source_text);
  return nullptr;
}

}  // namespace

// toml++ counts lines and columns from 1.
Location LocateLineColumn(std::string_view file, std::string_view text,
                          const toml::source_position& position) {
  size_t offset = 0;
  for (uint32_t line = 1; line < position.line; ++line) {
    size_t next = text.find('\n', offset);
    if (next == std::string_view::npos) break;
    offset = next + 1;
  }
  if (position.column > 0) offset += position.column - 1;
  return LocateOffset(file, text, offset);
}

nlohmann::json TomlToJson(const toml::node& node, std::string_view text,
                          std::string_view display_path, DiagnosticSink& sink,
                          bool* ok) {
  return ToJson(
      node,
      [&](const toml::node& refused, const std::string& what) {
        sink.Error(LocateLineColumn(display_path, text, refused.source().begin),
                   what);
        *ok = false;
      },
      text);
}

std::optional<ProjectFile> ParseProjectFile(std::string_view toml_text,
                                            std::string_view display_path,
                                            DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "project");
  toml::table document;
  try {
    document = toml::parse(toml_text, display_path);
  } catch (const toml::parse_error& error) {
    sink.Error(LocateLineColumn(display_path, toml_text, error.source().begin),
               std::string(error.description()));
    return std::nullopt;
  }
  ProjectFile file;
  bool ok = true;
  if (const toml::node* project = document.get("project")) {
    if (!project->is_table()) {
      sink.Error(
          LocateLineColumn(display_path, toml_text, project->source().begin),
          "'project' must be a table");
      return std::nullopt;
    }
    file.project = TomlToJson(*project, toml_text, display_path, sink, &ok);
  }
  std::optional<InstallLayout> layout =
      InstallLayout::Read(document, toml_text, display_path, sink);
  if (!ok || !layout) return std::nullopt;
  file.layout = std::move(*layout);
  return file;
}

std::optional<nlohmann::json> ParseProjectTable(std::string_view toml_text,
                                                std::string_view display_path,
                                                DiagnosticSink& sink) {
  std::optional<ProjectFile> file =
      ParseProjectFile(toml_text, display_path, sink);
  if (!file) return std::nullopt;
  return std::move(file->project);
}

void ApplyDefine(nlohmann::json& project, std::string_view name,
                 const nlohmann::json& value) {
  nlohmann::json* table = &project;
  size_t begin = 0;
  for (;;) {
    size_t dot = name.find('.', begin);
    std::string key(name.substr(begin, dot - begin));
    if (dot == std::string_view::npos) {
      (*table)[key] = value;
      return;
    }
    nlohmann::json& next = (*table)[key];
    if (!next.is_object()) next = nlohmann::json::object();
    table = &next;
    begin = dot + 1;
  }
}

std::optional<nlohmann::json> ParseTomlValue(std::string_view text,
                                             std::string* error) {
  // The value is read as the right side of a key in a document of its own:
  // anything that adds a second key or table is not one value.
  std::string document = "value = ";
  document.append(text);
  document.push_back('\n');
  toml::table table;
  try {
    table = toml::parse(document);
  } catch (const toml::parse_error& failure) {
    if (error) *error = std::string(failure.description());
    return std::nullopt;
  }
  if (table.size() != 1) {
    if (error) *error = "more than one value";
    return std::nullopt;
  }
  std::string refused;
  nlohmann::json value = ToJson(
      *table.get("value"), [&refused](const toml::node&, const std::string&) {
        refused = "nan and inf have no template value";
      });
  if (!refused.empty()) {
    if (error) *error = refused;
    return std::nullopt;
  }
  return value;
}

}  // namespace agentgen
