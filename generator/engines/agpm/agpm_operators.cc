// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_operators.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "base/number_text.h"
#include "engines/agpm/agpm_values.h"

namespace agentgen::agpm {

using nlohmann::json;

namespace {

bool FitsSigned(const json& value) {
  return value.is_number_integer() &&
         (!value.is_number_unsigned() ||
          value.get<std::uint64_t>() <=
              static_cast<std::uint64_t>(
                  std::numeric_limits<std::int64_t>::max()));
}

bool FitsUnsigned(const json& value) {
  return value.is_number_unsigned() ||
         (value.is_number_integer() && value.get<std::int64_t>() >= 0);
}

std::string Overflow(std::string_view op, const json& left, const json& right) {
  return "'" + left.dump() + " " + std::string(op) + " " + right.dump() +
         "' overflows";
}

// `op` (+ - * %) on two integers of one kind, with overflow and a zero
// divisor as errors.
template <typename Integer>
std::optional<json> SameKindArithmetic(std::string_view op, const json& left,
                                       const json& right, std::string* error) {
  Integer a = left.get<Integer>();
  Integer b = right.get<Integer>();
  Integer result = 0;
  bool overflow = false;
  switch (op[0]) {
    case '+':
      overflow = __builtin_add_overflow(a, b, &result);
      break;
    case '-':
      overflow = __builtin_sub_overflow(a, b, &result);
      break;
    case '*':
      overflow = __builtin_mul_overflow(a, b, &result);
      break;
    default:  // %
      if (b == 0) {
        *error = "'" + left.dump() + " % 0' divides by zero";
        return std::nullopt;
      }
      // INT64_MIN % -1 is 0 mathematically and overflows in C++.
      if constexpr (std::is_signed_v<Integer>) {
        result = b == -1 ? 0 : a % b;
      } else {
        result = a % b;
      }
      break;
  }
  if (overflow) {
    *error = Overflow(op, left, right);
    return std::nullopt;
  }
  return json(result);
}

std::optional<json> IntegerArithmetic(std::string_view op, const json& left,
                                      const json& right, std::string* error) {
  if (FitsSigned(left) && FitsSigned(right)) {
    return SameKindArithmetic<std::int64_t>(op, left, right, error);
  }
  if (FitsUnsigned(left) && FitsUnsigned(right)) {
    return SameKindArithmetic<std::uint64_t>(op, left, right, error);
  }
  return json();  // a signed and an unsigned beyond each other: doubles
}

}  // namespace

std::optional<json> Arithmetic(std::string_view op, const json& left,
                               const json& right, std::string* error) {
  if (!left.is_number() || !right.is_number()) {
    const json& bad = left.is_number() ? right : left;
    *error = "'" + std::string(op) + "' needs numbers, not " + Describe(bad);
    return std::nullopt;
  }
  if (op != "/" && left.is_number_integer() && right.is_number_integer()) {
    std::optional<json> result = IntegerArithmetic(op, left, right, error);
    if (!result || !result->is_null()) return result;
  }
  double a = left.get<double>();
  double b = right.get<double>();
  switch (op[0]) {
    case '+':
    case '-': {
      double result = op[0] == '+' ? a + b : a - b;
      if (!std::isfinite(result)) {
        *error = Overflow(op, left, right);
        return std::nullopt;
      }
      return json(result);
    }
    case '*': {
      double result = a * b;
      if (!std::isfinite(result)) return json("NaN");
      return json(result);
    }
    case '/': {
      double result = a / b;
      if (!std::isfinite(result)) return json("NaN");
      if (std::trunc(result) == result) {
        // Rust's `as i64` saturates.
        if (result >= 9223372036854775807.0)
          return json(std::numeric_limits<std::int64_t>::max());
        if (result <= -9223372036854775808.0)
          return json(std::numeric_limits<std::int64_t>::min());
        return json(static_cast<std::int64_t>(result));
      }
      return json(result);
    }
    default: {
      double result = std::fmod(a, b);
      if (std::isnan(result)) return json("NaN");
      return json(result);
    }
  }
}

std::optional<bool> Compare(std::string_view op, const json& left,
                            const json& right, std::string* error) {
  if (op == "==" || op == "!=") {
    // A number against a non-number is neither equal nor unequal in Tera.
    if (left.is_number() != right.is_number()) return false;
    bool equal = ValuesEqual(left, right);
    return op == "==" ? equal : !equal;
  }
  if (!left.is_number() || !right.is_number()) {
    const json& bad = left.is_number() ? right : left;
    *error =
        "'" + std::string(op) + "' compares numbers only, not " + Describe(bad);
    return std::nullopt;
  }
  double a = left.get<double>();
  double b = right.get<double>();
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  return a >= b;
}

std::optional<bool> Contains(const json& container, const json& item,
                             std::string* error) {
  if (container.is_array()) {
    for (const json& candidate : container) {
      if (ItemsEqual(candidate, item)) return true;
    }
    return false;
  }
  if (container.is_string() || container.is_object()) {
    if (!item.is_string()) {
      *error = "'in' " + Describe(container) +
               " needs a string on its left, not " + Describe(item);
      return std::nullopt;
    }
    const std::string& needle = item.get_ref<const std::string&>();
    if (container.is_object()) return container.contains(needle);
    return container.get_ref<const std::string&>().find(needle) !=
           std::string::npos;
  }
  *error = "'in' needs a list, a string or a table on its right, not " +
           Describe(container);
  return std::nullopt;
}

std::optional<std::string> ConcatText(const json& value, bool is_literal,
                                      std::string* error) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) {
    double number = value.get<double>();
    if (is_literal) return PrintScalar(value);
    return SerdeJsonNumber(number);
  }
  *error = "'~' joins strings and numbers, not " + Describe(value);
  return std::nullopt;
}

}  // namespace agentgen::agpm
