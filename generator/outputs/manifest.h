// SPDX-License-Identifier: MIT
// The manifest (SPEC.md section 8): a deterministic JSON record of a render's
// inputs, with their hashes, and of every declared dependency.
#ifndef AGENTGEN_OUTPUTS_MANIFEST_H_
#define AGENTGEN_OUTPUTS_MANIFEST_H_

#include <string>

#include "render/render_session.h"

namespace agentgen {

/// The manifest's text: sorted keys, two-space indent, final newline, no
/// timestamps. `output` is the output path as given.
std::string FormatManifest(const RenderedSource& rendered,
                           const std::string& output);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_MANIFEST_H_
