// SPDX-License-Identifier: MIT
#include "inputs/frontmatter.h"

namespace agentgen {

namespace {

// A line (without its '\n') that delimits frontmatter: `---` followed only by
// spaces and tabs, with at most one CR among them (the CR of a CRLF line end,
// or one an editor left behind).
bool IsDelimiterLine(std::string_view line) {
  bool removed_cr = false;
  while (!line.empty()) {
    char last = line.back();
    if (last == ' ' || last == '\t') {
      line.remove_suffix(1);
    } else if (last == '\r' && !removed_cr) {
      removed_cr = true;
      line.remove_suffix(1);
    } else {
      break;
    }
  }
  return line == "---";
}

// The end of the line starting at `begin`: the offset of its '\n', or the end
// of the text for a last line without one.
size_t LineEnd(std::string_view text, size_t begin) {
  size_t newline = text.find('\n', begin);
  return newline == std::string_view::npos ? text.size() : newline;
}

// Where the line after the one ending at `line_end` starts.
size_t NextLineBegin(std::string_view text, size_t line_end) {
  return line_end < text.size() ? line_end + 1 : text.size();
}

}  // namespace

std::optional<Frontmatter> SplitFrontmatter(std::string_view text,
                                            const Locator& locate,
                                            DiagnosticSink& sink) {
  Frontmatter parts;
  size_t first_end = LineEnd(text, 0);
  if (!IsDelimiterLine(text.substr(0, first_end))) return parts;

  parts.present = true;
  parts.yaml_begin = NextLineBegin(text, first_end);
  size_t line_begin = parts.yaml_begin;
  // A last line without '\n' is still a line; the loop stops once the line
  // that started at the end of the text has been looked at.
  while (line_begin < text.size()) {
    size_t line_end = LineEnd(text, line_begin);
    if (IsDelimiterLine(text.substr(line_begin, line_end - line_begin))) {
      parts.yaml_end = line_begin;
      parts.body_begin = NextLineBegin(text, line_end);
      return parts;
    }
    line_begin = NextLineBegin(text, line_end);
  }
  // Treating the file as body, as AGPM does, would hide a frontmatter that
  // lost its closing line; the author certainly meant one.
  sink.Error(locate(0), "frontmatter is not closed (no closing '---' line)",
             "yaml");
  return std::nullopt;
}

namespace {

// The length of the White_Space character `text` starts with, or 0.
size_t LeadingSpace(std::string_view text) {
  if (text.empty()) return 0;
  auto byte = [&text](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char first = byte(0);
  if ((first >= 0x09 && first <= 0x0D) || first == ' ') return 1;
  if (first == 0xC2 && text.size() >= 2 && (byte(1) == 0x85 || byte(1) == 0xA0))
    return 2;
  if (text.size() < 3) return 0;
  unsigned int code =
      ((first & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  if ((first & 0xF0) != 0xE0) return 0;
  bool space = code == 0x1680 || (code >= 0x2000 && code <= 0x200A) ||
               code == 0x2028 || code == 0x2029 || code == 0x202F ||
               code == 0x205F || code == 0x3000;
  return space ? 3 : 0;
}

// The length of the White_Space character `text` ends with, or 0.
size_t TrailingSpace(std::string_view text) {
  for (size_t length = 1; length <= 3 && length <= text.size(); ++length) {
    std::string_view last = text.substr(text.size() - length);
    if (LeadingSpace(last) == length) return length;
  }
  return 0;
}

}  // namespace

bool HasTemplateSyntax(std::string_view text) {
  return text.find("{{") != std::string_view::npos ||
         text.find("{%") != std::string_view::npos ||
         text.find("{#") != std::string_view::npos;
}

std::string_view TrimWhitespace(std::string_view text) {
  while (size_t length = LeadingSpace(text)) text.remove_prefix(length);
  while (size_t length = TrailingSpace(text)) text.remove_suffix(length);
  return text;
}

std::string_view TrimBody(std::string_view body) {
  size_t first_kept = body.find_first_not_of('\n');
  if (first_kept == std::string_view::npos) return {};
  body.remove_prefix(first_kept);
  if (body.back() == '\n') body.remove_suffix(1);
  return body;
}

}  // namespace agentgen
