// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/common_filters.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/number_text.h"
#include "base/unicode_text.h"

namespace agentgen::agpm {

using nlohmann::json;

namespace {

// serde_json holds no infinity or NaN (Tera's values turn them into null);
// SerdeJsonText needs finite doubles.
json FiniteOrNull(const json& value) {
  if (value.is_number_float()) {
    return std::isfinite(value.get<double>()) ? value : json(nullptr);
  }
  if (!value.is_structured()) return value;
  json copy = value;
  for (json& item : copy) item = FiniteOrNull(item);
  return copy;
}

}  // namespace

std::optional<json> FilterLength(const FilterCall& call) {
  const json& input = call.input;
  if (input.is_array() || input.is_object()) {
    return json(static_cast<std::uint64_t>(input.size()));
  }
  if (input.is_string()) {
    return json(static_cast<std::uint64_t>(
        CountCodePoints(input.get_ref<const std::string&>())));
  }
  WrongInput(call, "a list, a table or a string");
  return std::nullopt;
}

std::optional<json> FilterReverse(const FilterCall& call) {
  const json& input = call.input;
  if (input.is_array()) {
    json reversed = input;
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
  }
  if (input.is_string()) {
    // Characters (code points), not bytes: a combining mark moves with them.
    std::string_view text = input.get_ref<const std::string&>();
    std::vector<size_t> starts;
    for (size_t offset = 0; offset < text.size();
         NextCodePoint(text, &offset)) {
      starts.push_back(offset);
    }
    std::string reversed;
    reversed.reserve(text.size());
    size_t end = text.size();
    for (auto start = starts.rbegin(); start != starts.rend(); ++start) {
      reversed.append(text.substr(*start, end - *start));
      end = *start;
    }
    return json(reversed);
  }
  WrongInput(call, "a list or a string");
  return std::nullopt;
}

std::optional<json> FilterJsonEncode(const FilterCall& call) {
  // Tera takes `pretty` with `as_bool`: anything but true means compact.
  const json* pretty = FindArgument(call, "pretty");
  bool is_pretty =
      pretty != nullptr && pretty->is_boolean() && pretty->get<bool>();
  return json(SerdeJsonText(FiniteOrNull(call.input), is_pretty));
}

std::optional<json> FilterAsStr(const FilterCall& call) {
  std::optional<std::string> printed = DisplayValue(call.input);
  if (!printed) {
    Fail(call, "",
         "filter 'as_str' cannot print a table (Tera writes [object]); "
         "give it a string, a number, a boolean or a list without tables");
    return std::nullopt;
  }
  return json(*printed);
}

std::optional<json> FilterSafe(const FilterCall& call) { return call.input; }

}  // namespace agentgen::agpm
