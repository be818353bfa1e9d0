// SPDX-License-Identifier: MIT
// `agentgen render` (docs/command-line.md, "agentgen render"): renders each
// source and commits its outputs, or with --check compares them; a batch
// renders on several threads.
#ifndef AGENTGEN_COMMAND_LINE_RENDER_COMMAND_H_
#define AGENTGEN_COMMAND_LINE_RENDER_COMMAND_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"

namespace agentgen {

/// Renders every source of `options`. `trace_path` (AGENTGEN_TRACE), when
/// not empty, gets one line per source processed. With `-o -` `out`, when
/// given, receives the rendered text once everything else is written. With
/// --check nothing is written and `out`, when given, receives a unified
/// diff for each stale output. Returns the exit status: 0, or 1 when any error
/// was reported to `sink`.
int RunRender(FileSystem& fs, const RenderOptions& options,
              const std::string& trace_path, DiagnosticSink& sink,
              std::string* out = nullptr, unsigned jobs = 1);

}  // namespace agentgen

#endif  // AGENTGEN_COMMAND_LINE_RENDER_COMMAND_H_
