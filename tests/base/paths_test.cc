// SPDX-License-Identifier: MIT
#include "base/paths.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// Paths that are normal already take a short way past boost::filesystem.
// Adding a "/." component forces the general way; both must agree for every
// normal path built from these components.
TEST(PathsTest, NormalPathsGiveWhatTheGeneralWayGives) {
  const std::vector<std::string> parts = {"a", "b.md", ".x", "..y", "a b"};
  std::vector<std::string> paths;
  for (const std::string& first : parts) {
    paths.push_back(first);
    for (const std::string& second : parts) {
      paths.push_back(first + "/" + second);
      for (const std::string& third : parts)
        paths.push_back(first + "/" + second + "/" + third);
    }
  }
  for (const std::string& path : paths) {
    EXPECT_EQ(Normal(path), Normal(path + "/.")) << path;
    EXPECT_EQ(Normal("/" + path), Normal("/" + path + "/.")) << path;
    for (std::string base : {"/w", "/", "/w/a"}) {
      std::string slow_base = base == "/" ? "/." : base + "/.";
      EXPECT_EQ(AbsoluteNormal(base, path), AbsoluteNormal(slow_base, path))
          << base << " + " << path;
      EXPECT_EQ(JoinNormal(base, path), JoinNormal(slow_base, path))
          << base << " + " << path;
      std::string absolute = AbsoluteNormal(base, path);
      EXPECT_EQ(RelativeTo(absolute, base), RelativeTo(absolute + "/.", base))
          << absolute << " from " << base;
      EXPECT_EQ(RelativeTo(base, absolute), RelativeTo(base, absolute + "/."))
          << base << " from " << absolute;
    }
  }
  EXPECT_EQ(RelativeTo("/r/a/b.md", "/r"), "a/b.md");
  EXPECT_EQ(RelativeTo("/r/a/b.md", "/"), "r/a/b.md");
  EXPECT_EQ(RelativeTo("/", "/"), ".");
  EXPECT_EQ(RelativeTo("/rx/a", "/r"), "../rx/a");
  EXPECT_EQ(JoinNormal("a", "b"), "a/b");
  EXPECT_EQ(JoinNormal("/", "b"), "/b");
  EXPECT_EQ(AbsoluteNormal("/w", "a/../b"), "/w/b");
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
