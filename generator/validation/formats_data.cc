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

}  // namespace agentgen
