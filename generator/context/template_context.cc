// SPDX-License-Identifier: MIT
#include "context/template_context.h"

#include <utility>

#include "base/paths.h"
#include "inputs/input_file.h"

namespace agentgen {

nlohmann::json ResourceObject(const InputFile& file) {
  return {{"name", WithoutExtension(file.relative)},
          {"path", file.relative},
          {"type", file.type},
          {"install_path", file.install_path},
          {"checksum", "sha256:" + file.sha256},
          {"source", nullptr},
          {"version", nullptr},
          {"resolved_commit", nullptr}};
}

nlohmann::json PrepassContext(const nlohmann::json& project) {
  nlohmann::json agpm = {{"project", project}};
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
          {"install_path", dependency.install_path},
          // A checked-out file is one of AGPM's local resources; the
          // entry's `version:` goes to the manifest only.
          {"source", nullptr},
          {"version", nullptr},
          {"resolved_commit", nullptr}};
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
  nlohmann::json context = PrepassContext(project);
  context["agpm"]["resource"] = std::move(resource);
  context["agpm"]["deps"] = std::move(deps);
  return context;
}

}  // namespace agentgen
