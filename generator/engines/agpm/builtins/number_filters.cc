// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/number_filters.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace agentgen::agpm {

using nlohmann::json;

namespace {

// Beyond 10^22 a power of ten is no longer exact in a double, and Rust's
// `powi` then rounds differently from any portable C++ (the dialect refuses).
constexpr std::int64_t kMaxPrecision = 22;

double PowerOfTen(std::int64_t exponent) {
  double power = 1.0;
  for (std::int64_t i = 0; i < exponent; ++i) power *= 10.0;
  return power;
}

}  // namespace

std::optional<json> FilterAbs(const FilterCall& call) {
  const json& input = call.input;
  if (input.is_number_unsigned()) return input;
  if (input.is_number_integer()) {
    std::int64_t value = input.get<std::int64_t>();
    if (value >= 0) return input;
    // -(INT64_MIN) fits only unsigned; Tera's i64::abs would overflow.
    return json(static_cast<std::uint64_t>(0) -
                static_cast<std::uint64_t>(value));
  }
  if (input.is_number_float()) return json(std::fabs(input.get<double>()));
  WrongInput(call, "a number");
  return std::nullopt;
}

std::optional<json> FilterRound(const FilterCall& call) {
  if (!call.input.is_number()) {
    WrongInput(call, "a number");
    return std::nullopt;
  }
  std::string method = "common";
  if (!ReadString(call, "method", &method)) return std::nullopt;
  if (method != "common" && method != "ceil" && method != "floor") {
    Fail(call, "method",
         "filter 'round' needs 'method' to be \"common\", \"ceil\" or "
         "\"floor\", not \"" +
             method + "\"");
    return std::nullopt;
  }
  std::int64_t precision = 0;
  if (const json* given = FindArgument(call, "precision")) {
    if (!given->is_number_integer()) {
      WrongArgument(call, "precision", "an integer", *given);
      return std::nullopt;
    }
    bool within = given->is_number_unsigned()
                      ? given->get<std::uint64_t>() <=
                            static_cast<std::uint64_t>(kMaxPrecision)
                      : given->get<std::int64_t>() >= -kMaxPrecision &&
                            given->get<std::int64_t>() <= kMaxPrecision;
    if (!within) {
      Fail(call, "precision",
           "filter 'round' with precision " + given->dump() +
               " is unsupported: the precision must be from -22 to 22");
      return std::nullopt;
    }
    precision = given->get<std::int64_t>();
  }
  // Rust's powi: the power, or one over it for a negative exponent.
  double multiplier =
      precision >= 0 ? PowerOfTen(precision) : 1.0 / PowerOfTen(-precision);
  double scaled = multiplier * call.input.get<double>();
  double rounded = method == "ceil"    ? std::ceil(scaled)
                   : method == "floor" ? std::floor(scaled)
                                       : std::round(scaled);
  double result = rounded / multiplier;
  // serde_json has no infinity or NaN: Tera's value becomes null.
  if (!std::isfinite(result)) return json(nullptr);
  return json(result);
}

std::optional<json> FilterPluralize(const FilterCall& call) {
  if (!call.input.is_number()) {
    WrongInput(call, "a number");
    return std::nullopt;
  }
  std::string singular;
  std::string plural = "s";
  if (!ReadString(call, "singular", &singular) ||
      !ReadString(call, "plural", &plural)) {
    return std::nullopt;
  }
  double number = call.input.get<double>();
  bool one = std::fabs(std::fabs(number) - 1.0) <=
             std::numeric_limits<double>::epsilon();
  return json(one ? singular : plural);
}

}  // namespace agentgen::agpm
