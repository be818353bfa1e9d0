// SPDX-License-Identifier: MIT
#include "inputs/dependencies.h"

#include <gtest/gtest.h>

#include "inputs/yaml_frontmatter.h"

namespace agentgen {
namespace {

std::optional<std::string> Resolve(const std::string& declared,
                                   std::string* error) {
  return ResolveDeclaredPath(declared, "/r/agents/sub", "/r", error);
}

TEST(DependenciesTest, FileRelativeAndRootRelativePaths) {
  std::string error;
  EXPECT_EQ(Resolve("./s.md", &error), "/r/agents/sub/s.md");
  EXPECT_EQ(Resolve("../../snippets/s.md", &error), "/r/snippets/s.md");
  EXPECT_EQ(Resolve("s.md", &error), "/r/agents/sub/s.md");
  EXPECT_EQ(Resolve("snippets/s.md", &error), "/r/snippets/s.md");
}

TEST(DependenciesTest, RefusedPaths) {
  std::string error;
  EXPECT_FALSE(Resolve("/abs.md", &error));
  EXPECT_EQ(error,
            "absolute dependency path '/abs.md' (write it relative to the "
            "file or to the root)");
  EXPECT_FALSE(Resolve("s/[ab].md", &error));
  EXPECT_FALSE(Resolve("s/?.md", &error));
  EXPECT_FALSE(Resolve("s\\a.md", &error));
  EXPECT_FALSE(Resolve("", &error));
}

TEST(DependenciesTest, KeysTypesAndCategories) {
  EXPECT_EQ(DependencyKey("backend-engineer-advanced"),
            "backend_engineer_advanced");
  EXPECT_EQ(SingularOf("mcp-servers"), "mcp-server");
  EXPECT_EQ(SingularOf("snippets"), "snippet");
  EXPECT_TRUE(IsResourceType("mcp-server"));
  EXPECT_FALSE(IsResourceType("snippets"));
  EXPECT_TRUE(IsFileRelative("x.md"));
  EXPECT_FALSE(IsFileRelative("a/x.md"));
}

TEST(DependenciesTest, ReadsRootEntriesBeforeNestedOnes) {
  std::string text =
      "agpm:\n  dependencies:\n    agents:\n      - path: n.md\n"
      "dependencies:\n  snippets:\n    - path: r.md\n      name: rr\n"
      "      version: 1.0\n      install: false\n      tool: agpm\n";
  DiagnosticSink sink;
  Locator locate = SliceLocator("a.md", text, 0);
  std::optional<YamlDocument> yaml = ParseFrontmatterYaml(text, locate, sink);
  ASSERT_TRUE(yaml.has_value());
  std::vector<DependencyEntry> entries =
      ReadDependencyEntries(yaml->root(), locate, sink);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].path, "r.md");
  EXPECT_EQ(entries[0].category, "snippets");
  EXPECT_EQ(entries[0].name, "rr");
  EXPECT_EQ(entries[0].version, "1.0");
  EXPECT_EQ(entries[0].install, false);
  EXPECT_EQ(entries[0].tool, "agpm");
  EXPECT_TRUE(entries[0].flatten.is_null());
  EXPECT_EQ(entries[1].path, "n.md");
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace agentgen
