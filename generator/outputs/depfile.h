// SPDX-License-Identifier: MIT
// The depfile (docs/command-line.md, "Depfile"): one Makefile rule naming every
// file a render read, in a form both Make and Ninja read back.
#ifndef AGENTGEN_OUTPUTS_DEPFILE_H_
#define AGENTGEN_OUTPUTS_DEPFILE_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace agentgen {

/// Formats `target: p1 \` / ` p2 \` / ... / ` pn` with a final newline.
/// Spaces are written `\ `, `#` as `\#` and `$` as `$$`. A path holding a
/// newline or a backslash cannot be written so that Make and Ninja both read
/// it back: returns nullopt and sets `unwritable` to that path.
std::optional<std::string> FormatDepfile(
    const std::string& target, const std::vector<std::string>& prerequisites,
    std::string* unwritable);

/// The same, reporting a path it cannot write to `sink`.
std::optional<std::string> FormatDepfile(
    const std::string& target, const std::vector<std::string>& prerequisites,
    DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_DEPFILE_H_
