// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/string_filters.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

#include "base/unicode_text.h"

namespace agentgen::agpm {

using nlohmann::json;

namespace {

// The input as a string, or nullptr with the error set.
const std::string* StringInput(const FilterCall& call) {
  if (!call.input.is_string()) {
    WrongInput(call, "a string");
    return nullptr;
  }
  return &call.input.get_ref<const std::string&>();
}

// Where the first code point of `text` ends.
size_t FirstCodePointEnd(std::string_view text) {
  size_t offset = 0;
  if (!text.empty()) NextCodePoint(text, &offset);
  return offset;
}

// The first character uppercased, the rest lowercased as a string of its own
// (Rust's `to_uppercase` of a char plus `to_lowercase` of a str).
std::string UpperFirstLowerRest(std::string_view text) {
  size_t split = FirstCodePointEnd(text);
  return UppercaseFull(text.substr(0, split)) +
         LowercaseFull(text.substr(split));
}

bool AsciiEqualIgnoringCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Rust's `i64::from_str_radix`: an optional sign, then at least one digit of
// `base` (ASCII, letters in either case), the value within 64 signed bits.
std::optional<std::int64_t> ParseRustInt(std::string_view text, int base) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  // Accumulated as a non-positive number, which reaches INT64_MIN.
  std::int64_t value = 0;
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  for (char c : text) {
    int digit = 0;
    if (IsDigit(c)) {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'Z') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    if (digit >= base) return std::nullopt;
    if (value < (min + digit) / base) return std::nullopt;
    value = value * base - digit;
  }
  if (negative) return value;
  if (value == min) return std::nullopt;
  return -value;
}

// Rust's `f as i64`: toward zero, saturating, NaN as 0.
std::int64_t SaturatingTruncate(double number) {
  if (std::isnan(number)) return 0;
  if (number >= 9223372036854775808.0) {
    return std::numeric_limits<std::int64_t>::max();
  }
  if (number <= -9223372036854775808.0) {
    return std::numeric_limits<std::int64_t>::min();
  }
  return static_cast<std::int64_t>(number);
}

std::string_view StripRepeatedPrefix(std::string_view text,
                                     std::string_view prefix) {
  while (text.substr(0, prefix.size()) == prefix) {
    text.remove_prefix(prefix.size());
  }
  return text;
}

bool IsAsciiAlphanumeric(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<double> ParseRustFloat(std::string_view text) {
  std::string_view body = text;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (AsciiEqualIgnoringCase(body, "inf") ||
      AsciiEqualIgnoringCase(body, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (AsciiEqualIgnoringCase(body, "nan")) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  size_t i = 0;
  size_t integer_digits = 0;
  while (i < body.size() && IsDigit(body[i])) ++i, ++integer_digits;
  size_t fraction_digits = 0;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && IsDigit(body[i])) ++i, ++fraction_digits;
  }
  if (integer_digits + fraction_digits == 0) return std::nullopt;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < body.size() && IsDigit(body[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  // The grammar is checked; strtod rounds correctly (glibc) and reads the
  // same decimal the same way, overflowing to infinity as Rust does.
  std::string copy(text);
  return std::strtod(copy.c_str(), nullptr);
}

std::optional<json> FilterLower(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(LowercaseFull(*text));
}

std::optional<json> FilterUpper(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(UppercaseFull(*text));
}

std::optional<json> FilterCapitalize(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(UpperFirstLowerRest(*text));
}

std::optional<json> FilterTitle(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  // Tera's regex `\b[\w'][\w']*\b` matches, in each maximal run of word
  // characters and apostrophes, the part from its first word character to
  // its last: that part is capitalized, the rest left as it is.
  std::string_view view = *text;
  std::string result;
  size_t offset = 0;
  while (offset < view.size()) {
    size_t next = offset;
    char32_t c = NextCodePoint(view, &next);
    if (!IsWordCharacter(c)) {
      result.append(view.substr(offset, next - offset));
      offset = next;
      continue;
    }
    // A word character starts the part; it ends after the last word
    // character of the run.
    size_t part_end = next;
    size_t cursor = next;
    while (cursor < view.size()) {
      size_t after = cursor;
      char32_t d = NextCodePoint(view, &after);
      if (IsWordCharacter(d)) {
        part_end = after;
      } else if (d != U'\'') {
        break;
      }
      cursor = after;
    }
    result.append(UpperFirstLowerRest(view.substr(offset, part_end - offset)));
    offset = part_end;
  }
  return json(result);
}

std::optional<json> FilterTrim(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(std::string(TrimWhiteSpace(*text, true, true)));
}

std::optional<json> FilterTrimStart(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(std::string(TrimWhiteSpace(*text, true, false)));
}

std::optional<json> FilterTrimEnd(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  return json(std::string(TrimWhiteSpace(*text, false, true)));
}

std::optional<json> FilterReplace(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::string from;
  std::string to;
  if (!ReadString(call, "from", &from) || !ReadString(call, "to", &to)) {
    return std::nullopt;
  }
  std::string_view view = *text;
  std::string result;
  if (from.empty()) {
    // Rust's `str::replace("")` matches before every character and at the
    // end.
    size_t offset = 0;
    while (offset < view.size()) {
      size_t start = offset;
      NextCodePoint(view, &offset);
      result += to;
      result.append(view.substr(start, offset - start));
    }
    result += to;
    return json(result);
  }
  size_t start = 0;
  for (size_t found = view.find(from); found != std::string_view::npos;
       found = view.find(from, start)) {
    result.append(view.substr(start, found - start));
    result += to;
    start = found + from.size();
  }
  result.append(view.substr(start));
  return json(result);
}

std::optional<json> FilterTruncate(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::uint64_t length = 255;
  std::string end = "\u2026";
  if (!ReadUint64(call, "length", &length) || !ReadString(call, "end", &end)) {
    return std::nullopt;
  }
  size_t cut = GraphemeClusterPrefix(*text, static_cast<size_t>(length));
  if (cut == std::string_view::npos) return json(*text);
  return json(text->substr(0, cut) + end);
}

std::optional<json> FilterWordcount(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::uint64_t words = 0;
  bool in_word = false;
  for (size_t offset = 0; offset < text->size();) {
    bool space = IsWhiteSpace(NextCodePoint(*text, &offset));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return json(words);
}

std::optional<json> FilterIndent(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::string prefix = "    ";
  bool first = false;
  bool blank = false;
  if (!ReadString(call, "prefix", &prefix) ||
      !ReadBool(call, "first", &first) || !ReadBool(call, "blank", &blank)) {
    return std::nullopt;
  }
  // Rust's `str::lines`: split at LF, a CR right before it dropped, and no
  // empty line after a final LF.
  std::string_view rest = *text;
  std::string result;
  bool first_line = true;
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view()
                                             : rest.substr(newline + 1);
    if (newline != std::string_view::npos && !line.empty() &&
        line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (first_line) {
      if (first) result += prefix;
      first_line = false;
    } else {
      result += '\n';
      if (blank || !TrimWhiteSpace(line, true, false).empty()) {
        result += prefix;
      }
    }
    result.append(line);
  }
  return json(result);
}

std::optional<json> FilterSplit(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::string pattern;
  if (!ReadString(call, "pat", &pattern)) return std::nullopt;
  pattern = UnescapeNewlineAndTab(pattern);
  std::string_view view = *text;
  json parts = json::array();
  if (pattern.empty()) {
    // Rust's `str::split("")`: "", each character, "".
    parts.push_back("");
    for (size_t offset = 0; offset < view.size();) {
      size_t start = offset;
      NextCodePoint(view, &offset);
      parts.push_back(std::string(view.substr(start, offset - start)));
    }
    parts.push_back("");
    return parts;
  }
  size_t start = 0;
  for (size_t found = view.find(pattern); found != std::string_view::npos;
       found = view.find(pattern, start)) {
    parts.push_back(std::string(view.substr(start, found - start)));
    start = found + pattern.size();
  }
  parts.push_back(std::string(view.substr(start)));
  return parts;
}

std::optional<json> FilterInt(const FilterCall& call) {
  std::int64_t fallback = 0;
  if (!ReadInt64(call, "default", &fallback)) return std::nullopt;
  std::int64_t base = 10;
  if (const json* given = FindArgument(call, "base")) {
    if (!given->is_number_integer()) {
      WrongArgument(call, "base", "an integer from 2 to 36", *given);
      return std::nullopt;
    }
    bool in_range = given->is_number_unsigned()
                        ? given->get<std::uint64_t>() <= 36
                        : given->get<std::int64_t>() <= 36;
    if (!in_range || given->get<std::int64_t>() < 2) {
      // Rust's from_str_radix panics there: Tera would abort the render.
      Fail(call, "base",
           "filter 'int' with base " + given->dump() +
               " is unsupported: the base must be from 2 to 36");
      return std::nullopt;
    }
    base = given->get<std::int64_t>();
  }
  if (call.input.is_number()) {
    return json(SaturatingTruncate(call.input.get<double>()));
  }
  if (!call.input.is_string()) {
    WrongInput(call, "a string or a number");
    return std::nullopt;
  }
  std::string_view text =
      TrimWhiteSpace(call.input.get_ref<const std::string&>(), true, true);
  if (base == 2) text = StripRepeatedPrefix(text, "0b");
  if (base == 8) text = StripRepeatedPrefix(text, "0o");
  if (base == 16) text = StripRepeatedPrefix(text, "0x");
  if (std::optional<std::int64_t> value =
          ParseRustInt(text, static_cast<int>(base))) {
    return json(*value);
  }
  if (text.find('.') != std::string_view::npos) {
    if (std::optional<double> number = ParseRustFloat(text)) {
      return json(SaturatingTruncate(*number));
    }
  }
  return json(fallback);
}

std::optional<json> FilterFloat(const FilterCall& call) {
  double fallback = 0.0;
  if (!ReadDouble(call, "default", &fallback)) return std::nullopt;
  double value = fallback;
  if (call.input.is_number()) {
    value = call.input.get<double>();
  } else if (call.input.is_string()) {
    std::string_view text =
        TrimWhiteSpace(call.input.get_ref<const std::string&>(), true, true);
    value = ParseRustFloat(text).value_or(fallback);
  } else {
    WrongInput(call, "a string or a number");
    return std::nullopt;
  }
  // serde_json has no infinity or NaN: Tera's value becomes null.
  if (!std::isfinite(value)) return json(nullptr);
  return json(value);
}

std::optional<json> FilterSlugify(const FilterCall& call) {
  const std::string* text = StringInput(call);
  if (text == nullptr) return std::nullopt;
  std::string slug;
  bool after_dash = true;  // no dash at the start
  for (char c : *text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      Fail(call, "",
           "filter 'slugify' on non-ASCII text is unsupported (AGPM "
           "transliterates it with a table agentgen does not carry); give it "
           "ASCII text");
      return std::nullopt;
    }
    if (IsAsciiAlphanumeric(c)) {
      slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      after_dash = false;
    } else if (!after_dash) {
      slug += '-';
      after_dash = true;
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return json(slug);
}

}  // namespace agentgen::agpm
