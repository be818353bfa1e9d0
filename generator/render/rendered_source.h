// SPDX-License-Identifier: MIT
// What a render gives the stages after it (outputs, validation): plain
// data, with the files the render read, so that each consumer assembles
// what it needs next to its own format (the manifest in outputs/manifest.h,
// the MCP servers in validation/mcp_server.h).
#ifndef AGENTGEN_RENDER_RENDERED_SOURCE_H_
#define AGENTGEN_RENDER_RENDERED_SOURCE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engines/agpm/agpm_template.h"
#include "inputs/input_file.h"
#include "inputs/templating_switch.h"

namespace agentgen {

/// A file the render read: the depfile's prerequisites, the manifest's inputs.
struct RenderInput {
  std::string path;      ///< absolute, lexically normal
  std::string relative;  ///< relative to the root
  std::string sha256;
  std::string role;  ///< source, project, dependency or content
};

/// The result of rendering one source.
struct RenderedSource {
  std::string text;
  std::string output;  ///< as named by the OutputNamer
  Dialect dialect = Dialect::kNone;
  std::string root;                 ///< as the manifest records it
  std::string source;               ///< root-relative
  std::vector<RenderInput> inputs;  ///< in depfile order
  nlohmann::json project;           ///< the merged project table
  /// The source and the files it depends on, depth first in declaration
  /// order, each once.
  RenderFiles files;

  /// The source's text with LF line ends, which `text` was rendered from
  /// when the source is templated.
  std::string source_text;
  /// For the AGPM dialect: offsets of `text` back to `source_text`, so that
  /// `agentgen check` can point at what produced a rendered value.
  std::optional<OffsetMap> offsets;
};

/// The absolute paths of a render's inputs, in depfile order.
inline std::vector<std::string> InputPaths(const RenderedSource& rendered) {
  std::vector<std::string> paths;
  for (const RenderInput& input : rendered.inputs) paths.push_back(input.path);
  return paths;
}

}  // namespace agentgen

#endif  // AGENTGEN_RENDER_RENDERED_SOURCE_H_
