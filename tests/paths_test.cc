// SPDX-License-Identifier: MIT
#include "paths.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(PathsTest, AbsoluteNormalFoldsDotsLexically) {
  EXPECT_EQ(AbsoluteNormal("/w", "agents/../snippets/./s.md"),
            "/w/snippets/s.md");
  EXPECT_EQ(AbsoluteNormal("/w", "/abs/x/"), "/abs/x");
  EXPECT_EQ(AbsoluteNormal("/w", "."), "/w");
  EXPECT_EQ(AbsoluteNormal("/", "a"), "/a");
}

TEST(PathsTest, NormalKeepsRelativePathsRelative) {
  EXPECT_EQ(Normal("./agents/../snippets/s.md"), "snippets/s.md");
  EXPECT_EQ(Normal("agents/../../x.md"), "../x.md");
  EXPECT_EQ(Normal(""), ".");
  EXPECT_EQ(Normal("./."), ".");
}

TEST(PathsTest, ParentOf) {
  EXPECT_EQ(ParentOf("/a/b.md"), "/a");
  EXPECT_EQ(ParentOf("/b.md"), "/");
  EXPECT_EQ(ParentOf("b.md"), ".");
}

TEST(PathsTest, IsWithinComparesWholeComponents) {
  EXPECT_TRUE(IsWithin("/r/a.md", "/r"));
  EXPECT_TRUE(IsWithin("/r", "/r"));
  EXPECT_FALSE(IsWithin("/root/a.md", "/r"));
  EXPECT_TRUE(IsWithin("/x", "/"));
}

TEST(PathsTest, RelativeTo) {
  EXPECT_EQ(RelativeTo("/r/agents/a.md", "/r"), "agents/a.md");
  EXPECT_EQ(RelativeTo("/r", "/r"), ".");
  EXPECT_EQ(RelativeTo("/r", "/r/sub"), "..");
}

TEST(PathsTest, StemExtensionAndWithoutExtension) {
  EXPECT_EQ(StemOf("x/base-rules.md"), "base-rules");
  EXPECT_EQ(StemOf("x/archive.tar.gz"), "archive.tar");
  EXPECT_EQ(StemOf(".hidden"), ".hidden");
  EXPECT_EQ(ExtensionOf("A/B.JSON"), "json");
  EXPECT_EQ(ExtensionOf("Makefile"), "");
  EXPECT_EQ(WithoutExtension("agents/a.md"), "agents/a");
  EXPECT_EQ(WithoutExtension("v1.2/readme"), "v1.2/readme");
}

}  // namespace
}  // namespace agentgen
