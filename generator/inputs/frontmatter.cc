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

std::string_view TrimBody(std::string_view body) {
  size_t first_kept = body.find_first_not_of('\n');
  if (first_kept == std::string_view::npos) return {};
  body.remove_prefix(first_kept);
  if (body.back() == '\n') body.remove_suffix(1);
  return body;
}

}  // namespace agentgen
