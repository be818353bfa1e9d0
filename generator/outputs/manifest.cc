// SPDX-License-Identifier: MIT
#include "outputs/manifest.h"

#include <nlohmann/json.hpp>

namespace agentgen {

nlohmann::json ManifestDependencies(const RenderFiles& files) {
  nlohmann::json dependencies = nlohmann::json::object();
  for (const std::shared_ptr<const InputFile>& file : files) {
    nlohmann::json entries = nlohmann::json::array();
    for (const ResolvedDependency& dependency : file->dependencies) {
      const DependencyEntry& entry = dependency.entry;
      nlohmann::json item = {{"category", entry.category},
                             {"keys", dependency.keys},
                             {"path", dependency.file->relative},
                             {"declared_path", entry.path}};
      if (entry.name) item["name"] = *entry.name;
      if (!entry.version.is_null()) item["version"] = entry.version;
      if (!entry.tool.is_null()) item["tool"] = entry.tool;
      if (!entry.install.is_null()) item["install"] = entry.install;
      if (!entry.flatten.is_null()) item["flatten"] = entry.flatten;
      entries.push_back(std::move(item));
    }
    dependencies[file->relative] = std::move(entries);
  }
  return dependencies;
}

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
      {"dependencies", ManifestDependencies(rendered.files)},
      {"project", rendered.project},
  };
  return manifest.dump(2, ' ', false,
                       nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace agentgen
