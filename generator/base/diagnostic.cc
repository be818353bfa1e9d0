// SPDX-License-Identifier: MIT
#include "base/diagnostic.h"

#include <algorithm>
#include <utility>

#include "base/quoted_text.h"

namespace agentgen {

Location LocateOffset(std::string_view file, std::string_view text,
                      size_t offset) {
  offset = std::min(offset, text.size());
  Location where;
  where.file = std::string(file);
  size_t line_begin = 0;
  int line = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_begin = i + 1;
    }
  }
  size_t line_end = text.find('\n', line_begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view line_text = text.substr(line_begin, line_end - line_begin);
  if (!line_text.empty() && line_text.back() == '\r')
    line_text.remove_suffix(1);
  where.line = line;
  where.column = static_cast<int>(offset - line_begin) + 1;
  where.line_text = std::string(line_text);
  return where;
}

LineIndex::LineIndex(std::string_view file, std::string_view text)
    : file_(file), text_(text) {
  starts_.push_back(0);
  for (size_t at = text.find('\n'); at != std::string_view::npos;
       at = text.find('\n', at + 1))
    starts_.push_back(at + 1);
}

Location LineIndex::Locate(size_t offset) const {
  offset = std::min(offset, text_.size());
  // The last line starting at or before `offset`.
  size_t line = static_cast<size_t>(
      std::upper_bound(starts_.begin(), starts_.end(), offset) -
      starts_.begin());
  size_t line_begin = starts_[line - 1];
  size_t line_end = line < starts_.size() ? starts_[line] - 1 : text_.size();
  std::string_view line_text = text_.substr(line_begin, line_end - line_begin);
  if (!line_text.empty() && line_text.back() == '\r')
    line_text.remove_suffix(1);
  Location where;
  where.file = file_;
  where.line = static_cast<int>(line);
  where.column = static_cast<int>(offset - line_begin) + 1;
  where.line_text = std::string(line_text);
  return where;
}

Location LineIndex::Locate(size_t line, size_t column) const {
  size_t offset = line == 0                ? 0
                  : line <= starts_.size() ? starts_[line - 1]
                                           : text_.size();
  if (column > 0) offset += column - 1;
  return Locate(offset);
}

Locator SliceLocator(std::string file, std::string_view file_text,
                     size_t slice_begin) {
  return [file = std::move(file), file_text, slice_begin](size_t offset) {
    return LocateOffset(file, file_text, slice_begin + offset);
  };
}

void DiagnosticSink::Error(Location where, std::string message,
                           std::string rule) {
  Report(Severity::kError, std::move(where), std::move(message),
         std::move(rule));
}

void DiagnosticSink::Warning(Location where, std::string message,
                             std::string rule) {
  Report(Severity::kWarning, std::move(where), std::move(message),
         std::move(rule));
}

void DiagnosticSink::Note(Location where, std::string message,
                          std::string rule) {
  Report(Severity::kNote, std::move(where), std::move(message),
         std::move(rule));
}

void DiagnosticSink::Report(Severity severity, Location where,
                            std::string message, std::string rule) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.where = std::move(where);
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  Report(std::move(diagnostic));
}

namespace {

// Just past the closing quote or bracket of what opens at `at` (nested
// brackets and quoted text inside skipped), or npos.
size_t PastClosing(std::string_view line, size_t at) {
  char open = line[at];
  if (open == '"' || open == '\'') return PastClosingQuote(line, at);
  int depth = 0;
  for (size_t i = at; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"' || c == '\'') {
      size_t past = PastClosing(line, i);
      if (past == std::string_view::npos) return past;
      i = past - 1;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

Location TokenEndAt(const Location& where) {
  Location end;
  if (where.line <= 0 || where.column <= 0) return end;
  std::string_view line = where.line_text;
  size_t at = static_cast<size_t>(where.column - 1);
  if (at >= line.size()) return end;
  size_t past = std::string_view::npos;
  std::string_view rest = line.substr(at);
  if (rest.substr(0, 2) == "{{" || rest.substr(0, 2) == "{%") {
    size_t close = rest.find(rest[1] == '{' ? "}}" : "%}", 2);
    if (close != std::string_view::npos) past = at + close + 2;
  } else if (line[at] == '"' || line[at] == '\'' || line[at] == '[' ||
             line[at] == '{') {
    past = PastClosing(line, at);
  } else {
    past = at;
    while (past < line.size() && line[past] != ' ' && line[past] != '\t' &&
           line[past] != ',' && line[past] != ']' && line[past] != '}' &&
           line[past] != '\r')
      ++past;
    if (past == at) ++past;  // a punctuation mark: itself
  }
  if (past == std::string_view::npos) {
    past = line.size();
    while (past > at + 1 && (line[past - 1] == ' ' || line[past - 1] == '\r'))
      --past;
  }
  end = where;
  end.column = static_cast<int>(past) + 1;
  return end;
}

void DiagnosticSink::Report(Diagnostic diagnostic) {
  if (diagnostic.rule.empty()) diagnostic.rule = default_rule_;
  if (diagnostic.end.line == 0) diagnostic.end = TokenEndAt(diagnostic.where);
  if (diagnostic.severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  const char* kind = diagnostic.severity == Severity::kError     ? "error"
                     : diagnostic.severity == Severity::kWarning ? "warning"
                                                                 : "note";
  const Location& where = diagnostic.where;
  if (where.file.empty())
    return "agentgen: " + std::string(kind) + ": " + diagnostic.message + "\n";
  std::string out = where.file;
  if (where.line > 0) {
    out += ":" + std::to_string(where.line) + ":" +
           std::to_string(std::max(where.column, 1));
  }
  out += ": " + std::string(kind) + ": " + diagnostic.message + "\n";
  if (where.line > 0) {
    out += where.line_text + "\n";
    // Keep the line's tabs so the caret lands under the column in a terminal.
    std::string pad;
    for (int i = 0; i + 1 < where.column; ++i) {
      size_t at = static_cast<size_t>(i);
      pad += at < where.line_text.size() && where.line_text[at] == '\t' ? '\t'
                                                                        : ' ';
    }
    out += pad + "^\n";
  }
  return out;
}

}  // namespace agentgen
