// SPDX-License-Identifier: MIT
// Diagnostics as agentgen prints them, for tests that compare them whole.
#ifndef AGENTGEN_TESTS_SUPPORT_PRINTED_H_
#define AGENTGEN_TESTS_SUPPORT_PRINTED_H_

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

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_SUPPORT_PRINTED_H_
