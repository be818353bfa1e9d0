// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/builtin_call.h"

#include <limits>

#include "engines/agpm/agpm_values.h"

namespace agentgen::agpm {

using nlohmann::json;

std::string DescribeGiven(const json& value) {
  std::string kind = Describe(value);
  if (value.is_number() || value.is_boolean()) {
    return kind + " (" + PrintScalar(value).value_or("") + ")";
  }
  return kind;
}

void WrongInput(const FilterCall& call, std::string_view wanted) {
  Fail(call, "",
       "filter '" + std::string(call.name) + "' needs " + std::string(wanted) +
           ", not " + DescribeGiven(call.input));
}

void WrongArgument(const FilterCall& call, std::string_view argument,
                   std::string_view wanted, const json& given) {
  Fail(call, argument,
       "filter '" + std::string(call.name) + "' needs '" +
           std::string(argument) + "' to be " + std::string(wanted) + ", not " +
           DescribeGiven(given));
}

void Fail(const FilterCall& call, std::string_view argument,
          std::string message) {
  call.error->argument = std::string(argument);
  call.error->message = std::move(message);
}

const json* FindArgument(const FilterCall& call, std::string_view argument) {
  auto found = call.arguments.find(argument);
  return found == call.arguments.end() ? nullptr : &found->second;
}

bool ReadString(const FilterCall& call, std::string_view argument,
                std::string* value) {
  const json* given = FindArgument(call, argument);
  if (given == nullptr) return true;
  if (!given->is_string()) {
    WrongArgument(call, argument, "a string", *given);
    return false;
  }
  *value = given->get<std::string>();
  return true;
}

bool ReadBool(const FilterCall& call, std::string_view argument, bool* value) {
  const json* given = FindArgument(call, argument);
  if (given == nullptr) return true;
  if (!given->is_boolean()) {
    WrongArgument(call, argument, "a boolean", *given);
    return false;
  }
  *value = given->get<bool>();
  return true;
}

bool ReadInt64(const FilterCall& call, std::string_view argument,
               std::int64_t* value) {
  const json* given = FindArgument(call, argument);
  if (given == nullptr) return true;
  if (given->is_number_unsigned() &&
      given->get<std::uint64_t>() <=
          static_cast<std::uint64_t>(
              std::numeric_limits<std::int64_t>::max())) {
    *value = static_cast<std::int64_t>(given->get<std::uint64_t>());
    return true;
  }
  if (given->is_number_integer() && !given->is_number_unsigned()) {
    *value = given->get<std::int64_t>();
    return true;
  }
  WrongArgument(call, argument, "an integer within the signed 64-bit range",
                *given);
  return false;
}

bool ReadUint64(const FilterCall& call, std::string_view argument,
                std::uint64_t* value) {
  const json* given = FindArgument(call, argument);
  if (given == nullptr) return true;
  if (given->is_number_unsigned() ||
      (given->is_number_integer() && given->get<std::int64_t>() >= 0)) {
    *value = given->get<std::uint64_t>();
    return true;
  }
  WrongArgument(call, argument, "a non-negative integer", *given);
  return false;
}

bool ReadDouble(const FilterCall& call, std::string_view argument,
                double* value) {
  const json* given = FindArgument(call, argument);
  if (given == nullptr) return true;
  if (!given->is_number()) {
    WrongArgument(call, argument, "a number", *given);
    return false;
  }
  *value = given->get<double>();
  return true;
}

std::optional<std::string> DisplayValue(const json& value) {
  if (value.is_object()) return std::nullopt;
  if (!value.is_array()) return PrintScalar(value);
  std::string text = "[";
  bool first = true;
  for (const json& item : value) {
    if (!first) text += ", ";
    first = false;
    std::optional<std::string> printed = DisplayValue(item);
    if (!printed) return std::nullopt;
    text += *printed;
  }
  return text + "]";
}

namespace {

std::string ReplaceAll(std::string_view text, std::string_view from,
                       std::string_view to) {
  std::string result;
  size_t start = 0;
  for (size_t found = text.find(from); found != std::string_view::npos;
       found = text.find(from, start)) {
    result.append(text.substr(start, found - start));
    result.append(to);
    start = found + from.size();
  }
  result.append(text.substr(start));
  return result;
}

}  // namespace

std::string UnescapeNewlineAndTab(std::string_view text) {
  return ReplaceAll(ReplaceAll(text, "\\n", "\n"), "\\t", "\t");
}

}  // namespace agentgen::agpm
