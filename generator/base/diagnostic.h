// SPDX-License-Identifier: MIT
// Diagnostics (docs/command-line.md, "Diagnostics"): `path:line:col: error:
// message`, the source line, and a caret under the column, the way compilers
// print them.
#ifndef AGENTGEN_BASE_DIAGNOSTIC_H_
#define AGENTGEN_BASE_DIAGNOSTIC_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// `note` is informational (a skipped entry): like a warning, it never
/// changes the exit status.
enum class Severity { kNote, kWarning, kError };

/// A place in a file. An empty `file` means no file applies; `line` 0 means
/// the whole file.
struct Location {
  std::string file;       ///< the path as shown to the user
  int line = 0;           ///< 1-based, counted from the top of the file
  int column = 0;         ///< 1-based, counted in bytes
  std::string line_text;  ///< the source line, without its line end
};

/// Where byte `offset` of `text` (a whole file, LF or CRLF) lies. An offset at
/// or past the end points just after the last byte.
Location LocateOffset(std::string_view file, std::string_view text,
                      size_t offset);

/// Where each line of a text starts, for locating many offsets in one large
/// text (a manifest) without rescanning it from the top each time.
class LineIndex {
 public:
  LineIndex(std::string_view file, std::string_view text);
  /// The same Location as LocateOffset(file, text, offset).
  Location Locate(size_t offset) const;
  /// Where line `line`, column `column` (both from 1, the column in bytes)
  /// lies; past the end of the text, its end.
  Location Locate(size_t line, size_t column) const;

 private:
  std::string file_;
  std::string_view text_;
  std::vector<size_t> starts_;  // of each line
};

/// Turns a byte offset in some text (a template, a YAML document) into its
/// place in the file that text came from.
using Locator = std::function<Location(size_t offset)>;

/// Just past the token that starts at `where` on its line: a quoted string
/// or a bracketed collection through its closing quote or bracket, a
/// template tag through `}}` or `%}`, else the run of characters up to a
/// blank, a comma or a closing bracket. Line 0 when `where` has no line.
Location TokenEndAt(const Location& where);

/// A locator for text that is a slice of a file: `slice_begin` is where the
/// slice starts in `file_text` (which must outlive the locator).
Locator SliceLocator(std::string file, std::string_view file_text,
                     size_t slice_begin);

struct Diagnostic {
  Severity severity = Severity::kError;
  Location where;
  std::string message;
  /// What `agentgen check --format json` names the rule by
  /// (`claude-code-agent.model`); empty for the render's own diagnostics.
  std::string rule;
  /// Just past the text the diagnostic is about (a value, a tool name), on
  /// `where`'s line or a later one. A reporter that knows the span sets it;
  /// otherwise the sink spans the token at `where` (TokenEndAt). Line 0 when
  /// there is no place. Only machine-readable reports show it
  /// (`check --format json|sarif|github`).
  Location end;
  /// A did-you-mean as an edit: the text from `where` to `end` replaced by
  /// this. Set only together with `end`.
  std::optional<std::string> replacement;
};

/// Collects the diagnostics of a run; only the command line prints them.
class DiagnosticSink {
 public:
  void Error(Location where, std::string message, std::string rule = "");
  void Warning(Location where, std::string message, std::string rule = "");
  void Note(Location where, std::string message, std::string rule = "");
  void Report(Diagnostic diagnostic);
  void Report(Severity severity, Location where, std::string message,
              std::string rule);

  int error_count() const { return error_count_; }
  bool has_errors() const { return error_count_ > 0; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  /// While it lives, diagnostics reported without a rule get `rule`: each
  /// stage names its own kind of problem (`yaml`, `template`, `dependency`,
  /// `input`, `project`, `output`) once, at its entry point, and a stage it
  /// calls names its own inside it.
  class RuleScope {
   public:
    RuleScope(DiagnosticSink& sink, std::string rule)
        : sink_(sink), saved_(std::move(sink.default_rule_)) {
      sink_.default_rule_ = std::move(rule);
    }
    ~RuleScope() { sink_.default_rule_ = std::move(saved_); }
    RuleScope(const RuleScope&) = delete;
    RuleScope& operator=(const RuleScope&) = delete;

   private:
    DiagnosticSink& sink_;
    std::string saved_;
  };

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
  std::string default_rule_;
};

/// The text printed for one diagnostic, ending in a newline:
///   a.md:3:7: error: message
///   <the source line>
///         ^
/// or `agentgen: error: message` when no file applies.
std::string FormatDiagnostic(const Diagnostic& diagnostic);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_DIAGNOSTIC_H_
