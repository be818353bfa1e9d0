// SPDX-License-Identifier: MIT
#include "outputs/depfile.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(DepfileTest, OneRuleOnePrerequisitePerLine) {
  std::string unwritable;
  std::optional<std::string> text = FormatDepfile(
      "/out/a.md", {"/src/a.md", "/src/b.md", "/src/c.md"}, &unwritable);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "/out/a.md: /src/a.md \\\n"
            " /src/b.md \\\n"
            " /src/c.md\n");
}

TEST(DepfileTest, EscapesSpacesHashesAndDollars) {
  std::string unwritable;
  std::optional<std::string> text =
      FormatDepfile("/o/a b.md", {"/s/#x$y z.md"}, &unwritable);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "/o/a\\ b.md: /s/\\#x$$y\\ z.md\n");
}

TEST(DepfileTest, RefusesNewlinesAndBackslashes) {
  std::string unwritable;
  EXPECT_FALSE(
      FormatDepfile("/o/a.md", {"/s/ok.md", "/s/a\nb.md"}, &unwritable));
  EXPECT_EQ(unwritable, "/s/a\nb.md");
  EXPECT_FALSE(FormatDepfile("/o/a\\b.md", {}, &unwritable));
  EXPECT_EQ(unwritable, "/o/a\\b.md");
}

TEST(DepfileTest, NoPrerequisites) {
  std::string unwritable;
  EXPECT_EQ(FormatDepfile("/o/a.md", {}, &unwritable), "/o/a.md:\n");
}

}  // namespace
}  // namespace agentgen
