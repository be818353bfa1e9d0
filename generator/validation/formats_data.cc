// SPDX-License-Identifier: MIT
#include "validation/formats_data.h"

#include <cstdio>
#include <cstdlib>

#include "base/toml.h"

namespace agentgen {
namespace {

[[noreturn]] void Broken(std::string_view path, const char* what) {
  std::fprintf(stderr, "agentgen: formats.toml: '%.*s' %s\n",
               static_cast<int>(path.size()), path.data(), what);
  std::abort();
}

const toml::table& Data() {
  static const toml::table data = [] {
    try {
      return toml::parse(FormatsDataText(), std::string_view("formats.toml"));
    } catch (const toml::parse_error& error) {
      Broken("", error.what());
    }
  }();
  return data;
}

toml::node_view<const toml::node> At(std::string_view path) {
  return Data().at_path(path);
}

}  // namespace

std::vector<std::string> FormatsList(std::string_view path) {
  const toml::array* array = At(path).as_array();
  if (array == nullptr) Broken(path, "is not an array");
  std::vector<std::string> list;
  list.reserve(array->size());
  for (const toml::node& entry : *array) {
    const std::string* text =
        entry.as_string() ? &entry.as_string()->get() : nullptr;
    if (text == nullptr) Broken(path, "holds something that is not a string");
    list.push_back(*text);
  }
  return list;
}

std::string FormatsString(std::string_view path) {
  std::optional<std::string> text = At(path).value<std::string>();
  if (!text) Broken(path, "is not a string");
  return *text;
}

std::map<std::string, std::string> FormatsMap(std::string_view path) {
  const toml::table* table = At(path).as_table();
  if (table == nullptr) Broken(path, "is not a table");
  std::map<std::string, std::string> map;
  for (const auto& [key, value] : *table) {
    const toml::value<std::string>* text = value.as_string();
    if (text == nullptr) Broken(path, "holds something that is not a string");
    map.emplace(std::string(key.str()), text->get());
  }
  return map;
}

bool FormatsHas(std::string_view path) { return static_cast<bool>(At(path)); }

std::vector<std::string> FormatsKeys(std::string_view path) {
  const toml::table* table = At(path).as_table();
  if (table == nullptr) Broken(path, "is not a table");
  std::vector<std::string> keys;
  for (const auto& entry : *table) keys.emplace_back(entry.first.str());
  return keys;
}

std::vector<FormatsRecord> FormatsRecords(std::string_view path) {
  const toml::array* array = At(path).as_array();
  if (array == nullptr || !array->is_array_of_tables())
    Broken(path, "is not an array of tables");
  std::vector<FormatsRecord> records;
  for (const toml::node& node : *array) {
    FormatsRecord record;
    for (const auto& [key, value] : *node.as_table()) {
      std::string name(key.str());
      if (const auto* text = value.as_string()) {
        record.text.emplace(name, text->get());
      } else if (const auto* flag = value.as_boolean()) {
        record.flag.emplace(name, flag->get());
      } else if (const auto* integer = value.as_integer()) {
        record.number.emplace(name, static_cast<double>(integer->get()));
      } else if (const auto* number = value.as_floating_point()) {
        record.number.emplace(name, number->get());
      } else {
        Broken(path, "holds a value that is no string, boolean or number");
      }
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace agentgen
