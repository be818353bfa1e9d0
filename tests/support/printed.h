// SPDX-License-Identifier: MIT
// Diagnostics as agentgen prints them, for tests that compare them whole.
#ifndef AGENTGEN_TESTS_SUPPORT_PRINTED_H_
#define AGENTGEN_TESTS_SUPPORT_PRINTED_H_

#include <cstddef>
#include <string>

#include "base/diagnostic.h"

namespace agentgen {

/// Every diagnostic `sink` holds, as printed, source lines and carets
/// included.
inline std::string Printed(const DiagnosticSink& sink) {
  std::string text;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    text += FormatDiagnostic(diagnostic);
  return text;
}

/// One diagnostic as printed: `file:line:column: severity: message`, the
/// source line and a caret under the column (which must not follow a tab).
inline std::string At(const std::string& file, int line, int column,
                      const std::string& severity, const std::string& message,
                      const std::string& line_text) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) +
         ": " + severity + ": " + message + "\n" + line_text + "\n" +
         std::string(static_cast<size_t>(column - 1), ' ') + "^\n";
}

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_SUPPORT_PRINTED_H_
