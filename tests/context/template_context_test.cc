// SPDX-License-Identifier: MIT
#include "context/template_context.h"

#include <gtest/gtest.h>

#include "inputs/dependency_graph.h"

namespace agentgen {
namespace {

TEST(TemplateContextTest, ContextVariablesAreTopLevelAndInThePrepassUnderAgpm) {
  nlohmann::json variables = {{"style", "terse"}, {"agpm", 1}, {"n", 2}};
  nlohmann::json full = {{"agpm", {{"project", nlohmann::json::object()}}}};
  AddContextVariables(&full, variables, false);
  EXPECT_EQ(full["style"], "terse");
  EXPECT_EQ(full["n"], 2);
  EXPECT_FALSE(full["agpm"].contains("style"));
  EXPECT_TRUE(full["agpm"].is_object());  // never replaced
  nlohmann::json prepass = full;
  AddContextVariables(&prepass, variables, true);
  EXPECT_EQ(prepass["agpm"]["style"], "terse");
  EXPECT_EQ(prepass["style"], "terse");
}

TEST(TemplateContextTest, ResourceAndDependencyObjects) {
  InputFile file;
  file.relative = "snippets/base-rules.md";
  file.type = "snippet";
  file.sha256 = "ff";
  file.install_path = ".agpm/snippets/base-rules.md";
  EXPECT_EQ(ResourceObject(file),
            nlohmann::json::parse(R"({"name": "snippets/base-rules",
                "path": "snippets/base-rules.md", "type": "snippet",
                "install_path": ".agpm/snippets/base-rules.md",
                "checksum": "sha256:ff",
                "source": null, "version": null, "resolved_commit": null})"));

  ResolvedDependency dependency;
  dependency.entry.category = "mcp-servers";
  dependency.entry.version = "1.0";
  dependency.install_path = ".mcp.json";
  // The dependency shares the file the test owns, which outlives it.
  dependency.file = std::shared_ptr<InputFile>(&file, [](InputFile*) {});
  // The entry's version goes to the manifest only: a checked-out file is
  // one of AGPM's local resources.
  EXPECT_EQ(DependencyObject(dependency, "text"),
            nlohmann::json::parse(R"({"content": "text",
                "path": "snippets/base-rules.md", "name": "snippets/base-rules",
                "type": "mcp-server", "checksum": "sha256:ff",
                "install_path": ".mcp.json", "source": null, "version": null,
                "resolved_commit": null})"));
}

TEST(TemplateContextTest, TheContextHasTheProjectAliasAndTheDepsGiven) {
  nlohmann::json project = {{"language", "go"}};
  nlohmann::json deps = {{"agents", nlohmann::json::object()}};
  nlohmann::json context = FullContext(project, {{"name", "a"}}, deps);
  EXPECT_EQ(context["project"], project);
  EXPECT_EQ(context["agpm"]["project"], project);
  EXPECT_EQ(context["agpm"]["resource"]["name"], "a");
  EXPECT_EQ(context["agpm"]["deps"], deps);
}

TEST(TemplateContextTest, ThePrepassContextHasNeitherResourceNorDeps) {
  nlohmann::json project = {{"language", "go"}};
  nlohmann::json context = PrepassContext(project);
  EXPECT_EQ(context["agpm"]["project"], project);
  EXPECT_FALSE(context["agpm"].contains("deps"));
  EXPECT_FALSE(context["agpm"].contains("resource"));
}

}  // namespace
}  // namespace agentgen
