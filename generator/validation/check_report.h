// SPDX-License-Identifier: MIT
// The machine-readable reports of `agentgen check` (docs/validation.md,
// "Reports"): `--format json` (our own document), `--format sarif` (SARIF
// 2.1.0, for code-scanning tools) and `--format github` (GitHub Actions
// workflow commands, which the runner turns into annotations). Each names
// files relative to the root and prints on standard output; the text
// diagnostics are base/diagnostic.h's.
#ifndef AGENTGEN_VALIDATION_CHECK_REPORT_H_
#define AGENTGEN_VALIDATION_CHECK_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

/// What the reports name files against.
struct ReportRoot {
  std::string path;       ///< the root: absolute, lexically normal
  std::string directory;  ///< the working directory, which paths as given
                          ///< are relative to: absolute, lexically normal
};

/// The root of a check's reports: --root, else the root the render of the
/// first source finds (inputs/workspace.h, DefaultRoot). A run over sources
/// of several roots names the files outside the first one as given.
ReportRoot FindReportRoot(FileReader& fs, const CheckOptions& options);

/// `file` (as a diagnostic names it) relative to the root when it lies
/// within it; else as given.
std::string RootRelativePath(const ReportRoot& root, const std::string& file);

/// The 1-based column, counted in UTF-16 code units, of the 1-based byte
/// `column` of `line_text` (UTF-8). Bytes past the end of the line count
/// one unit each.
int Utf16Column(std::string_view line_text, int column);

/// `--format json`: one document, sorted keys, two-space indent, final
/// newline. Columns count bytes, as the text diagnostics do.
std::string FormatJsonReport(const CheckOptions& options,
                             const ReportRoot& root,
                             const std::vector<Diagnostic>& diagnostics);

/// `--format sarif`: a SARIF 2.1.0 log of one run, columns in UTF-16 code
/// units (SARIF's default, stated in `columnKind`).
std::string FormatSarifReport(const ReportRoot& root,
                              const std::vector<Diagnostic>& diagnostics);

/// `--format github`: one `::error` or `::warning` workflow command a line.
std::string FormatGithubReport(const ReportRoot& root,
                               const std::vector<Diagnostic>& diagnostics);

/// The report `options.format` asks for; empty for text, whose diagnostics
/// are printed one by one on standard error.
std::string FormatCheckReport(const CheckOptions& options,
                              const ReportRoot& root,
                              const DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_CHECK_REPORT_H_
