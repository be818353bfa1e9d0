// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/builtins.h"

#include <algorithm>
#include <map>
#include <string>

#include "engines/agpm/builtins/array_filters.h"
#include "engines/agpm/builtins/builtin_call.h"
#include "engines/agpm/builtins/common_filters.h"
#include "engines/agpm/builtins/number_filters.h"
#include "engines/agpm/builtins/string_filters.h"
#include "engines/agpm/builtins/testers.h"

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

// What applies each filter; `default` and `content` are the renderer's.
FilterFunction FilterFunctionFor(std::string_view name) {
  static const std::map<std::string_view, FilterFunction> functions = {
      {"abs", FilterAbs},
      {"as_str", FilterAsStr},
      {"capitalize", FilterCapitalize},
      {"first", FilterFirst},
      {"float", FilterFloat},
      {"indent", FilterIndent},
      {"int", FilterInt},
      {"join", FilterJoin},
      {"json_encode", FilterJsonEncode},
      {"last", FilterLast},
      {"length", FilterLength},
      {"lower", FilterLower},
      {"nth", FilterNth},
      {"pluralize", FilterPluralize},
      {"replace", FilterReplace},
      {"reverse", FilterReverse},
      {"round", FilterRound},
      {"safe", FilterSafe},
      {"slugify", FilterSlugify},
      {"sort", FilterSort},
      {"split", FilterSplit},
      {"title", FilterTitle},
      {"trim", FilterTrim},
      {"trim_end", FilterTrimEnd},
      {"trim_start", FilterTrimStart},
      {"truncate", FilterTruncate},
      {"unique", FilterUnique},
      {"upper", FilterUpper},
      {"wordcount", FilterWordcount},
  };
  auto found = functions.find(name);
  return found == functions.end() ? nullptr : found->second;
}

// What answers each test; `defined` and `undefined` are the renderer's.
TesterFunction TesterFunctionFor(std::string_view name) {
  static const std::map<std::string_view, TesterFunction> functions = {
      {"containing", TestContaining},
      {"divisibleby", TestDivisibleBy},
      {"ending_with", TestEndingWith},
      {"even", TestEven},
      {"iterable", TestIterable},
      {"number", TestNumber},
      {"object", TestObject},
      {"odd", TestOdd},
      {"starting_with", TestStartingWith},
      {"string", TestString},
  };
  auto found = functions.find(name);
  return found == functions.end() ? nullptr : found->second;
}

// The parser checks arguments against the signature; checked again here
// so that no filter reads an argument it does not have or misses one it
// needs.
bool ArgumentsFit(const FilterSignature& signature,
                  const FilterArguments& arguments, BuiltinError* error) {
  std::string name(signature.name);
  for (const auto& given : arguments) {
    const std::string& argument = given.first;
    bool known = std::any_of(
        signature.parameters.begin(), signature.parameters.end(),
        [&](const Parameter& parameter) { return parameter.name == argument; });
    if (!known) {
      error->argument = argument;
      error->message =
          "filter '" + name + "' has no argument '" + argument + "'";
      return false;
    }
  }
  for (const Parameter& parameter : signature.parameters) {
    if (parameter.required && arguments.count(parameter.name) == 0) {
      error->argument.clear();
      error->message = "filter '" + name + "' needs the argument '" +
                       std::string(parameter.name) + "'";
      return false;
    }
  }
  return true;
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
  const FilterSignature* signature = FindFilter(name);
  FilterFunction function = FilterFunctionFor(name);
  if (signature == nullptr || function == nullptr) {
    error->argument.clear();
    error->message =
        signature == nullptr
            ? "there is no filter '" + std::string(name) + "'"
            : "filter '" + std::string(name) + "' is applied by the renderer";
    return std::nullopt;
  }
  if (!ArgumentsFit(*signature, arguments, error)) return std::nullopt;
  return function(FilterCall{name, input, arguments, error});
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
  const TesterSignature* signature = FindTester(name);
  TesterFunction function = TesterFunctionFor(name);
  if (signature == nullptr || function == nullptr) {
    error->argument.clear();
    error->message =
        signature == nullptr
            ? "there is no test '" + std::string(name) + "'"
            : "test '" + std::string(name) + "' is answered by the renderer";
    return std::nullopt;
  }
  if (arguments.size() != signature->arguments) {
    error->argument.clear();
    error->message = "test '" + std::string(name) + "' takes " +
                     std::to_string(signature->arguments) + " argument" +
                     (signature->arguments == 1 ? "" : "s") + ", not " +
                     std::to_string(arguments.size());
    return std::nullopt;
  }
  return function(TesterCall{name, subject, arguments, error});
}

}  // namespace agentgen::agpm
