// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/builtins.h"

#include <algorithm>

namespace agentgen::agpm {

namespace {

const std::vector<FilterSignature>& Filters() {
  // Tera 1.20.1's parameter names and defaults (docs/templates.md table).
  static const std::vector<FilterSignature> filters = {
      {"abs", {}},
      {"as_str", {}},
      {"capitalize", {}},
      {"content", {}},
      {"default", {{"value", true}}},
      {"first", {}},
      {"float", {{"default"}}},
      {"indent", {{"prefix"}, {"first"}, {"blank"}}},
      {"int", {{"default"}, {"base"}}},
      {"join", {{"sep"}}},
      {"json_encode", {{"pretty"}}},
      {"last", {}},
      {"length", {}},
      {"lower", {}},
      {"nth", {{"n", true}}},
      {"pluralize", {{"singular"}, {"plural"}}},
      {"replace", {{"from", true}, {"to", true}}},
      {"reverse", {}},
      {"round", {{"method"}, {"precision"}}},
      {"safe", {}},
      {"slugify", {}},
      {"sort", {{"attribute"}}},
      {"split", {{"pat", true}}},
      {"title", {}},
      {"trim", {}},
      {"trim_end", {}},
      {"trim_start", {}},
      {"truncate", {{"length"}, {"end"}}},
      {"unique", {{"attribute"}, {"case_sensitive"}}},
      {"upper", {}},
      {"wordcount", {}},
  };
  return filters;
}

const std::vector<TesterSignature>& Testers() {
  static const std::vector<TesterSignature> testers = {
      {"containing", 1},    {"defined", 0}, {"divisibleby", 1},
      {"ending_with", 1},   {"even", 0},    {"iterable", 0},
      {"number", 0},        {"object", 0},  {"odd", 0},
      {"starting_with", 1}, {"string", 0},  {"undefined", 0},
  };
  return testers;
}

}  // namespace

const FilterSignature* FindFilter(std::string_view name) {
  for (const FilterSignature& filter : Filters()) {
    if (filter.name == name) return &filter;
  }
  return nullptr;
}

const std::vector<std::string_view>& FilterNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    for (const FilterSignature& filter : Filters()) {
      result.push_back(filter.name);
    }
    return result;
  }();
  return names;
}

bool IsUnsupportedTeraFilter(std::string_view name) {
  // Tera 1.20.1 src/builtins/filters/*.rs and src/tera.rs register_filter.
  static const std::vector<std::string_view> tera = {"addslashes",
                                                     "concat",
                                                     "date",
                                                     "escape",
                                                     "escape_xml",
                                                     "filesizeformat",
                                                     "filter",
                                                     "get",
                                                     "group_by",
                                                     "linebreaksbr",
                                                     "map",
                                                     "spaceless",
                                                     "slice",
                                                     "striptags",
                                                     "trim_end_matches",
                                                     "trim_start_matches",
                                                     "urlencode",
                                                     "urlencode_strict"};
  return std::find(tera.begin(), tera.end(), name) != tera.end();
}

std::optional<nlohmann::json> ApplyFilter(std::string_view name,
                                          const nlohmann::json& input,
                                          const FilterArguments& arguments,
                                          BuiltinError* error) {
  (void)input;
  (void)arguments;
  // Filled in filter by filter (string, array, number and common filters).
  error->message = "filter '" + std::string(name) + "' is not implemented yet";
  return std::nullopt;
}

const TesterSignature* FindTester(std::string_view name) {
  for (const TesterSignature& tester : Testers()) {
    if (tester.name == name) return &tester;
  }
  return nullptr;
}

const std::vector<std::string_view>& TesterNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> result;
    for (const TesterSignature& tester : Testers()) {
      result.push_back(tester.name);
    }
    return result;
  }();
  return names;
}

bool IsUnsupportedTeraTester(std::string_view name) {
  return name == "matching";
}

std::optional<bool> ApplyTester(std::string_view name,
                                const nlohmann::json& subject,
                                const std::vector<nlohmann::json>& arguments,
                                BuiltinError* error) {
  (void)subject;
  (void)arguments;
  error->message = "test '" + std::string(name) + "' is not implemented yet";
  return std::nullopt;
}

}  // namespace agentgen::agpm
