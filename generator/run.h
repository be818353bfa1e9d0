// SPDX-License-Identifier: MIT
// `agentgen render`: renders each source and commits its outputs.
#ifndef AGENTGEN_RUN_H_
#define AGENTGEN_RUN_H_

#include <string>

#include "command_line.h"
#include "diagnostic.h"
#include "file_system.h"

namespace agentgen {

/// Renders every source of `options`. `trace_path` (AGENTGEN_TRACE), when
/// not empty, gets one line per source processed. Returns the exit status:
/// 0, or 1 when any error was reported to `sink`.
int RunRender(FileSystem& fs, const RenderOptions& options,
              const std::string& trace_path, DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_RUN_H_
