// SPDX-License-Identifier: MIT
// The manifest (docs/command-line.md, "Manifest"): a deterministic JSON
// record of a render's inputs, with their hashes, and of every declared
// dependency.
#ifndef AGENTGEN_OUTPUTS_MANIFEST_H_
#define AGENTGEN_OUTPUTS_MANIFEST_H_

#include <nlohmann/json.hpp>
#include <string>

#include "render/rendered_source.h"

namespace agentgen {

/// The manifest's `dependencies`: for each file of the render (by its
/// root-relative path), its declared entries as `{category, keys, path,
/// declared_path, name?, version?, tool?, install?, flatten?}`.
nlohmann::json ManifestDependencies(const RenderFiles& files);

/// The manifest's text: sorted keys, two-space indent, final newline, no
/// timestamps. `output` is the output path as given.
std::string FormatManifest(const RenderedSource& rendered,
                           const std::string& output);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_MANIFEST_H_
