// SPDX-License-Identifier: MIT
#include "validation/claude_code_yaml.h"

#include <cctype>
#include <optional>

#include "inputs/yaml_frontmatter.h"

namespace agentgen {
namespace {

bool IsKeyStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         c == '-';
}

// A top-level `key: value` line (the value may be empty): where its value
// starts and ends (trailing blanks excluded), or nullopt.
struct KeyLine {
  std::string_view key;
  size_t value_begin = 0;  // within the line
  size_t value_end = 0;
};

std::optional<KeyLine> ReadKeyLine(std::string_view line) {
  if (line.empty() || !IsKeyStart(line[0])) return std::nullopt;
  size_t at = 1;
  while (at < line.size() && IsKeyChar(line[at])) ++at;
  KeyLine key_line;
  key_line.key = line.substr(0, at);
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  if (at >= line.size() || line[at] != ':') return std::nullopt;
  ++at;
  if (at < line.size() && line[at] != ' ' && line[at] != '\t')
    return std::nullopt;
  while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
  size_t end = line.size();
  while (end > at && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  key_line.value_begin = at;
  key_line.value_end = end;
  return key_line;
}

// Values the second reading leaves alone: quoted, block scalars, flow
// collections, anchors, aliases and tags are YAML's own syntax.
bool OpensYamlSyntax(char c) {
  return c == '"' || c == '\'' || c == '|' || c == '>' || c == '[' ||
         c == '{' || c == '&' || c == '*' || c == '!';
}

bool IsYamlOnItsOwn(std::string_view line) {
  DiagnosticSink ignored;
  std::optional<YamlSyntaxError> not_yaml;
  std::optional<YamlDocument> document = ParseFrontmatterYaml(
      line, [](size_t) { return Location(); }, ignored, &not_yaml);
  return document.has_value();
}

// Whether the value of the line ending at `line_end` goes on below it: on
// indented lines (a multi-line plain scalar), or on a line that is neither
// a key, a list entry nor a comment (a value that runs on unindented, which
// no reading makes YAML).
enum class NextLine { kSeparate, kIndentedContinuation, kRunsOn };

NextLine NextLineOf(std::string_view text, size_t line_end) {
  if (line_end >= text.size()) return NextLine::kSeparate;
  std::string_view next = text.substr(line_end + 1);
  next = next.substr(0, next.find('\n'));
  if (next.find_first_not_of(" \t") == std::string_view::npos)
    return NextLine::kSeparate;
  if (next[0] == ' ' || next[0] == '\t') return NextLine::kIndentedContinuation;
  bool separate = next[0] == '#' || next[0] == '-' || ReadKeyLine(next);
  return separate ? NextLine::kSeparate : NextLine::kRunsOn;
}

}  // namespace

std::string DoubleQuoted(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\t') {
      quoted += "\\t";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

RequotedYaml RequoteOneLineValues(std::string_view yaml_text) {
  RequotedYaml requoted;
  requoted.text.reserve(yaml_text.size() + 64);
  requoted.to_original.reserve(yaml_text.size() + 65);
  auto copy = [&requoted](std::string_view part, size_t original) {
    for (size_t i = 0; i < part.size(); ++i) {
      requoted.text += part[i];
      requoted.to_original.push_back(original + i);
    }
  };
  size_t begin = 0;
  while (begin <= yaml_text.size()) {
    size_t end = yaml_text.find('\n', begin);
    if (end == std::string_view::npos) end = yaml_text.size();
    std::string_view line = yaml_text.substr(begin, end - begin);
    std::optional<KeyLine> key_line = ReadKeyLine(line);
    bool breaks = key_line && key_line->value_begin < key_line->value_end &&
                  !OpensYamlSyntax(line[key_line->value_begin]) &&
                  !IsYamlOnItsOwn(line);
    NextLine next = breaks ? NextLineOf(yaml_text, end) : NextLine::kSeparate;
    if (next == NextLine::kRunsOn && requoted.runs_on == std::string::npos)
      requoted.runs_on = end + 1;
    if (breaks && next == NextLine::kSeparate) {
      std::string_view value = line.substr(
          key_line->value_begin, key_line->value_end - key_line->value_begin);
      RequotedValue entry;
      entry.key = std::string(key_line->key);
      entry.begin = begin + key_line->value_begin;
      entry.end = begin + key_line->value_end;
      entry.quoted = DoubleQuoted(value);
      copy(line.substr(0, key_line->value_begin), begin);
      // The quotes and escapes map to the value's first byte; its text to
      // itself, as near as escapes allow.
      size_t source = entry.begin;
      for (char c : entry.quoted) {
        requoted.text += c;
        requoted.to_original.push_back(source);
        bool content = c != '"' && c != '\\';
        if (content && source + 1 < entry.end) ++source;
      }
      requoted.values.push_back(std::move(entry));
    } else {
      copy(line, begin);
    }
    if (end < yaml_text.size()) copy("\n", end);
    begin = end + 1;
  }
  requoted.to_original.push_back(yaml_text.size());
  return requoted;
}

}  // namespace agentgen
