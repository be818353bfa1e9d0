// SPDX-License-Identifier: MIT
#include "validation/node_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace agentgen {
namespace {

bool AllOf(std::string_view text, int (*test)(int)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [test](char c) {
    return test(static_cast<unsigned char>(c)) != 0;
  });
}

int IsOctalDigit(int c) { return c >= '0' && c <= '7' ? 1 : 0; }

// YAML 1.2 core schema numbers: decimal integers and floats, 0o and 0x
// integers, .inf and .nan in their three spellings.
std::optional<double> CoreNumber(const std::string& text) {
  if (text.size() > 2 && text[0] == '0' && text[1] == 'x' &&
      AllOf(std::string_view(text).substr(2), isxdigit))
    return static_cast<double>(std::strtoull(text.c_str() + 2, nullptr, 16));
  if (text.size() > 2 && text[0] == '0' && text[1] == 'o' &&
      AllOf(std::string_view(text).substr(2), IsOctalDigit))
    return static_cast<double>(std::strtoull(text.c_str() + 2, nullptr, 8));
  std::string_view unsigned_text = text;
  bool negative = false;
  if (!unsigned_text.empty() &&
      (unsigned_text[0] == '-' || unsigned_text[0] == '+')) {
    negative = unsigned_text[0] == '-';
    unsigned_text.remove_prefix(1);
  }
  if (unsigned_text == ".inf" || unsigned_text == ".Inf" ||
      unsigned_text == ".INF")
    return negative ? -HUGE_VAL : HUGE_VAL;
  if (text == ".nan" || text == ".NaN" || text == ".NAN") return NAN;
  bool digit = false;
  for (char c : unsigned_text) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

ValueKind KindOf(const YamlNode& node) {
  switch (node.kind()) {
    case YamlNode::Kind::kUndefined:
    case YamlNode::Kind::kNull:
      return ValueKind::kNull;
    case YamlNode::Kind::kSequence:
      return ValueKind::kList;
    case YamlNode::Kind::kMap:
      return ValueKind::kMapping;
    case YamlNode::Kind::kScalar:
      break;
  }
  const std::string& tag = node.tag();
  const std::string& text = node.scalar();
  if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
    return ValueKind::kNumber;
  if (tag == "tag:yaml.org,2002:bool") return ValueKind::kBoolean;
  if (tag == "tag:yaml.org,2002:null") return ValueKind::kNull;
  if (tag != "?") return ValueKind::kString;
  if (text == "~" || text == "null" || text == "Null" || text == "NULL")
    return ValueKind::kNull;
  if (text == "true" || text == "True" || text == "TRUE" || text == "false" ||
      text == "False" || text == "FALSE")
    return ValueKind::kBoolean;
  if (CoreNumber(text)) return ValueKind::kNumber;
  return ValueKind::kString;
}

std::optional<double> NumberOf(const YamlNode& node) {
  if (KindOf(node) != ValueKind::kNumber) return std::nullopt;
  return CoreNumber(node.scalar());
}

bool IsPositiveInteger(const YamlNode& node) {
  std::optional<double> number = NumberOf(node);
  return number && *number > 0 && std::isfinite(*number) &&
         std::floor(*number) == *number &&
         node.scalar().find_first_of(".eE") == std::string::npos;
}

Location ValueAt(const TreePlace& place, const YamlNode& key,
                 const YamlNode& value) {
  bool has_value = value.IsDefined() && !value.IsNull();
  return place.locate((has_value && !place.json ? value : key).offset());
}

std::string MappingWord(bool json) { return json ? "an object" : "a mapping"; }

std::string Shown(const YamlNode& node, bool json) {
  switch (KindOf(node)) {
    case ValueKind::kNull:
      return json ? "null" : "nothing";
    case ValueKind::kList:
      return "a list";
    case ValueKind::kMapping:
      return MappingWord(json);
    case ValueKind::kBoolean:
    case ValueKind::kNumber:
      return node.scalar();
    case ValueKind::kString:
      break;
  }
  std::string text = node.scalar();
  size_t newline = text.find('\n');
  if (newline != std::string::npos) text = text.substr(0, newline) + "...";
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "the string " +
         nlohmann::json(text).dump(-1, ' ', false,
                                   nlohmann::json::error_handler_t::replace);
}

void ReportName(const TreePlace& place, const YamlNode& node, Severity severity,
                const std::string& message,
                const std::optional<std::string>& suggestion,
                const std::string& rule, DiagnosticSink& sink) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.where = place.locate(node.offset());
  diagnostic.message = message;
  diagnostic.rule = rule;
  const std::string& name = node.scalar();
  size_t at = node.offset();
  std::string_view text = place.text;
  if (suggestion && node.IsScalar() && at < text.size()) {
    char quote = text[at];
    if (quote == '"' || quote == '\'') {
      // The name as written, quotes included; only when no escape hides it.
      if (text.substr(at + 1, name.size()) == name &&
          at + 1 + name.size() < text.size() &&
          text[at + 1 + name.size()] == quote) {
        diagnostic.end = place.locate(at + name.size() + 2);
        diagnostic.replacement = quote + *suggestion + quote;
      }
    } else if (text.substr(at, name.size()) == name) {
      diagnostic.end = place.locate(at + name.size());
      diagnostic.replacement = *suggestion;
    }
  }
  sink.Report(std::move(diagnostic));
}

std::string OneOf(const std::vector<std::string>& list,
                  const std::string& last_joiner) {
  std::string text;
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) text += i + 1 == list.size() ? last_joiner : ", ";
    text += list[i];
  }
  return text;
}

}  // namespace agentgen
