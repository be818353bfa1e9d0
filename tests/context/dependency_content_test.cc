// SPDX-License-Identifier: MIT
#include "context/dependency_content.h"

#include <gtest/gtest.h>

#include "inputs/dependency_graph.h"

namespace agentgen {
namespace {

TEST(DependencyContentTest, PrettyJsonSortsIndentsAndKeepsUtf8) {
  EXPECT_EQ(
      PrettyJson(nlohmann::json::parse(
          R"({"z": [1, 2.5, 100.0], "a": {"é": "ü"}, "e": [], "o": {}})")),
      "{\n  \"a\": {\n    \"é\": \"ü\"\n  },\n  \"e\": [],\n  \"o\": {},\n"
      "  \"z\": [\n    1,\n    2.5,\n    100.0\n  ]\n}");
}

TEST(DependencyContentTest, MarkdownBodyDropsFrontmatterAndEdgeNewlines) {
  InputFile file;
  file.kind = FileKind::kMarkdown;
  file.text = "---\nx: 1\n---\n\n\nBody\n\n";
  file.frontmatter.present = true;
  file.frontmatter.body_begin = 13;
  EXPECT_EQ(MarkdownBody(file), "Body\n");
  EXPECT_EQ(PlainContent(file), "Body\n");
}

TEST(DependencyContentTest, OtherFilesAreTheirRawBytes) {
  InputFile file;
  file.kind = FileKind::kOther;
  file.bytes = "#!/bin/sh\r\necho {{ x }}\r\n";
  EXPECT_EQ(PlainContent(file), file.bytes);
}

}  // namespace
}  // namespace agentgen
