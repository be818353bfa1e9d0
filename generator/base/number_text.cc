// SPDX-License-Identifier: MIT
#include "base/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace agentgen {
namespace {

// The shortest round-trip decimal digits of |number| (no leading or trailing
// zeros, "0" for zero) and `exponent` such that |number| = 0.digits ×
// 10^exponent.
struct Decimal {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

Decimal ShortestDecimal(double number) {
  Decimal decimal;
  decimal.negative = std::signbit(number);
  char buffer[64];
  std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(number),
                    std::chars_format::scientific);
  std::string text(buffer, result.ptr);  // d.ddde±xx
  size_t e = text.find('e');
  std::string mantissa = text.substr(0, e);
  int power = std::atoi(text.c_str() + e + 1);
  for (char c : mantissa)
    if (c != '.') decimal.digits += c;
  while (decimal.digits.size() > 1 && decimal.digits.back() == '0')
    decimal.digits.pop_back();
  decimal.exponent = decimal.digits == "0" ? 0 : power + 1;
  return decimal;
}

// The digits written out in full: `exponent` places before the point.
std::string Positional(const Decimal& decimal, bool point_zero) {
  const std::string& digits = decimal.digits;
  int count = static_cast<int>(digits.size());
  std::string text;
  if (digits == "0") {
    text = "0";
  } else if (decimal.exponent <= 0) {
    text = "0." + std::string(static_cast<size_t>(-decimal.exponent), '0') +
           digits;
  } else if (decimal.exponent >= count) {
    text = digits +
           std::string(static_cast<size_t>(decimal.exponent - count), '0');
  } else {
    text = digits.substr(0, static_cast<size_t>(decimal.exponent)) + "." +
           digits.substr(static_cast<size_t>(decimal.exponent));
  }
  if (point_zero && text.find('.') == std::string::npos) text += ".0";
  return (decimal.negative ? "-" : "") + text;
}

void AppendString(const std::string& text, std::string* out) {
  *out += '"';
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", byte);
          *out += escape;
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

void AppendValue(const nlohmann::json& value, bool pretty, int depth,
                 std::string* out) {
  using nlohmann::json;
  std::string indent =
      pretty ? std::string(2 * static_cast<size_t>(depth + 1), ' ') : "";
  std::string closing_indent =
      pretty ? std::string(2 * static_cast<size_t>(depth), ' ') : "";
  const char* line_end = pretty ? "\n" : "";
  switch (value.type()) {
    case json::value_t::object: {
      if (value.empty()) {
        *out += "{}";
        return;
      }
      *out += '{';
      *out += line_end;
      bool first = true;
      for (const auto& [key, member] : value.items()) {
        if (!first) *out += std::string(",") + line_end;
        first = false;
        *out += indent;
        AppendString(key, out);
        *out += pretty ? ": " : ":";
        AppendValue(member, pretty, depth + 1, out);
      }
      *out += line_end + closing_indent + "}";
      return;
    }
    case json::value_t::array: {
      if (value.empty()) {
        *out += "[]";
        return;
      }
      *out += '[';
      *out += line_end;
      bool first = true;
      for (const json& item : value) {
        if (!first) *out += std::string(",") + line_end;
        first = false;
        *out += indent;
        AppendValue(item, pretty, depth + 1, out);
      }
      *out += line_end + closing_indent + "]";
      return;
    }
    case json::value_t::string:
      AppendString(value.get_ref<const std::string&>(), out);
      return;
    case json::value_t::number_float:
      *out += SerdeJsonNumber(value.get<double>());
      return;
    default:
      *out += value.dump();  // null, booleans, integers: the same text
  }
}

}  // namespace

std::string RustDisplay(double number) {
  return Positional(ShortestDecimal(number), false);
}

std::string SerdeJsonNumber(double number) {
  Decimal decimal = ShortestDecimal(number);
  int count = static_cast<int>(decimal.digits.size());
  bool integral = decimal.digits == "0" || decimal.exponent >= count;
  if ((integral && decimal.exponent <= 16) ||
      (decimal.exponent > 0 && decimal.exponent <= 16) ||
      (decimal.exponent > -5 && decimal.exponent <= 0)) {
    return Positional(decimal, true);
  }
  std::string text = decimal.negative ? "-" : "";
  text += decimal.digits[0];
  if (count > 1) text += "." + decimal.digits.substr(1);
  return text + "e" + std::to_string(decimal.exponent - 1);
}

std::string SerdeJsonText(const nlohmann::json& value, bool pretty) {
  std::string out;
  AppendValue(value, pretty, 0, &out);
  return out;
}

}  // namespace agentgen
