// SPDX-License-Identifier: MIT
#include "base/diagnostic.h"

#include <algorithm>
#include <utility>

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

Locator SliceLocator(std::string file, std::string_view file_text,
                     size_t slice_begin) {
  return [file = std::move(file), file_text, slice_begin](size_t offset) {
    return LocateOffset(file, file_text, slice_begin + offset);
  };
}

void DiagnosticSink::Error(Location where, std::string message,
                           std::string rule) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kError;
  diagnostic.where = std::move(where);
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  Report(std::move(diagnostic));
}

void DiagnosticSink::Warning(Location where, std::string message,
                             std::string rule) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kWarning;
  diagnostic.where = std::move(where);
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  Report(std::move(diagnostic));
}

void DiagnosticSink::Report(Diagnostic diagnostic) {
  if (diagnostic.rule.empty()) diagnostic.rule = default_rule_;
  if (diagnostic.severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  const char* kind =
      diagnostic.severity == Severity::kError ? "error" : "warning";
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
