// SPDX-License-Identifier: MIT
#include "outputs/manifest.h"

#include <nlohmann/json.hpp>

namespace agentgen {

std::string FormatManifest(const RenderedSource& rendered,
                           const std::string& output) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const RenderInput& input : rendered.inputs) {
    inputs.push_back({{"path", input.relative},
                      {"sha256", input.sha256},
                      {"role", input.role}});
  }
  nlohmann::json manifest = {
      {"schema_version", 1},
      {"generator", {{"name", "agentgen"}, {"version", AGENTGEN_VERSION}}},
      {"root", rendered.root},
      {"source", rendered.source},
      {"output", output},
      {"dialect", DialectName(rendered.dialect)},
      {"inputs", std::move(inputs)},
      {"dependencies", rendered.dependencies},
      {"project", rendered.project},
  };
  return manifest.dump(2, ' ', false,
                       nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace agentgen
