// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_values.h"

#include <cmath>
#include <cstdint>

#include "base/number_text.h"

namespace agentgen {

using nlohmann::json;

std::optional<std::string> PrintScalar(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return std::string();
    case json::value_t::boolean:
      return std::string(value.get<bool>() ? "true" : "false");
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return value.dump();
    case json::value_t::number_float: {
      // nlohmann writes NaN and infinities as null; print them as Rust does.
      double number = value.get<double>();
      if (std::isnan(number)) return std::string("NaN");
      if (std::isinf(number)) return std::string(number > 0 ? "inf" : "-inf");
      return RustDisplay(number);
    }
    default:
      return std::nullopt;
  }
}

bool IsTruthy(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
      return value.get<std::int64_t>() != 0;
    case json::value_t::number_unsigned:
      return value.get<std::uint64_t>() != 0;
    case json::value_t::number_float:
      return value.get<double>() != 0.0;
    case json::value_t::string:
      // json::empty() is false for every scalar, an empty string included.
      return !value.get_ref<const std::string&>().empty();
    case json::value_t::array:
    case json::value_t::object:
      return !value.empty();
    default:
      return true;
  }
}

namespace agpm {

std::string Describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a float";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "a table";
    default:
      return "a binary value";
  }
}

bool IsNumber(const json& value) { return value.is_number(); }

// nlohmann's own `==` would compare an integer and a float by value.
bool ItemsEqual(const json& left, const json& right) {
  if (left.is_number_float() != right.is_number_float()) return false;
  if (left.is_number_float()) return left.get<double>() == right.get<double>();
  if (left.is_number_integer() && right.is_number_integer()) {
    // Either may be signed or unsigned; only a non-negative pair can agree.
    if (left.is_number_unsigned() || right.is_number_unsigned()) {
      if ((!left.is_number_unsigned() && left.get<std::int64_t>() < 0) ||
          (!right.is_number_unsigned() && right.get<std::int64_t>() < 0)) {
        return false;
      }
      return left.get<std::uint64_t>() == right.get<std::uint64_t>();
    }
    return left.get<std::int64_t>() == right.get<std::int64_t>();
  }
  if (left.type() != right.type()) return false;
  if (left.is_array()) {
    if (left.size() != right.size()) return false;
    for (size_t i = 0; i < left.size(); ++i) {
      if (!ItemsEqual(left[i], right[i])) return false;
    }
    return true;
  }
  if (left.is_object()) {
    if (left.size() != right.size()) return false;
    for (auto it = left.begin(); it != left.end(); ++it) {
      auto other = right.find(it.key());
      if (other == right.end() || !ItemsEqual(*it, *other)) {
        return false;
      }
    }
    return true;
  }
  return left == right;
}

bool ValuesEqual(const json& left, const json& right) {
  // Tera compares two numbers through f64 at the top of `==` only; inside
  // containers serde_json's Number equality keeps integers and floats apart.
  if (left.is_number() && right.is_number()) {
    return left.get<double>() == right.get<double>();
  }
  return ItemsEqual(left, right);
}

}  // namespace agpm
}  // namespace agentgen
