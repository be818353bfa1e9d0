// SPDX-License-Identifier: MIT
#include "context/template_context.h"

#include <utility>

#include "base/paths.h"
#include "inputs/input_file.h"

namespace agentgen {

nlohmann::json ResourceObject(const InputFile& file,
                              const nlohmann::json& install_path) {
  return {{"name", WithoutExtension(file.relative)},
          {"path", file.relative},
          {"type", file.type},
          {"install_path", install_path},
          {"checksum", "sha256:" + file.sha256},
          {"source", nullptr},
          {"version", nullptr},
          {"resolved_commit", nullptr}};
}

nlohmann::json PrepassContext(const nlohmann::json& project,
                              nlohmann::json resource) {
  nlohmann::json agpm = {{"project", project},
                         {"resource", std::move(resource)}};
  return {{"agpm", std::move(agpm)}, {"project", project}};
}

nlohmann::json DependencyObject(const ResolvedDependency& dependency,
                                std::string content) {
  const InputFile& file = *dependency.file;
  return {{"content", std::move(content)},
          {"path", file.relative},
          {"name", WithoutExtension(file.relative)},
          {"type", SingularOf(dependency.entry.category)},
          {"checksum", "sha256:" + file.sha256},
          {"version", dependency.entry.version},
          {"install_path", nullptr}};
}

nlohmann::json EmptyDeps() {
  nlohmann::json deps = nlohmann::json::object();
  for (const char* category : kDependencyCategories)
    deps[category] = nlohmann::json::object();
  return deps;
}

void AddContextVariables(nlohmann::json* context,
                         const nlohmann::json& variables,
                         bool also_under_agpm) {
  for (auto it = variables.begin(); it != variables.end(); ++it) {
    if (it.key() == "agpm" || it.key() == "project") continue;
    (*context)[it.key()] = it.value();
    if (also_under_agpm) (*context)["agpm"][it.key()] = it.value();
  }
}

nlohmann::json FullContext(const nlohmann::json& project,
                           nlohmann::json resource, nlohmann::json deps) {
  nlohmann::json context = PrepassContext(project, std::move(resource));
  context["agpm"]["deps"] = std::move(deps);
  return context;
}

}  // namespace agentgen
