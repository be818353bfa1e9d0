// SPDX-License-Identifier: MIT
#include "outputs/line_diff.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(SplitLinesTest, KeepsLineEndsAndALastLineWithoutOne) {
  EXPECT_EQ(SplitLines("a\nb\nc"),
            (std::vector<std::string_view>{"a\n", "b\n", "c"}));
  EXPECT_EQ(SplitLines("a\n\n"), (std::vector<std::string_view>{"a\n", "\n"}));
  EXPECT_TRUE(SplitLines("").empty());
}

TEST(MatchLinesTest, FindsALongestCommonSubsequence) {
  std::vector<std::string_view> a = {"a", "b", "c", "d", "e"};
  std::vector<std::string_view> b = {"x", "b", "d", "y", "e"};
  EXPECT_EQ(MatchLines(a, b),
            (std::vector<std::pair<size_t, size_t>>{{1, 1}, {3, 2}, {4, 4}}));
}

TEST(MatchLinesTest, MatchesEqualHeadAndTailDirectly) {
  std::vector<std::string_view> a = {"h", "x", "t"};
  std::vector<std::string_view> b = {"h", "t"};
  EXPECT_EQ(MatchLines(a, b),
            (std::vector<std::pair<size_t, size_t>>{{0, 0}, {2, 1}}));
}

TEST(UnifiedDiffTest, EqualTextsGiveNoDiff) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "x", "x"), "");
}

// The expectations below are what GNU `diff -u` prints for the same texts.
TEST(UnifiedDiffTest, OneChangedLineWithContext) {
  EXPECT_EQ(UnifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n",
                        "1\n2\n3\n4\nfive\n6\n7\n8\n", "out.md", "out.md"),
            "--- out.md\n+++ out.md\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiffTest, DistantChangesMakeSeparateHunks) {
  std::string old_text;
  for (int i = 1; i <= 20; ++i) old_text += std::to_string(i) + "\n";
  std::string new_text = old_text;
  new_text.replace(new_text.find("2\n"), 2, "two\n");
  new_text.replace(new_text.find("18\n"), 3, "");
  EXPECT_EQ(UnifiedDiff(old_text, new_text, "a", "b"),
            "--- a\n+++ b\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
            "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n");
}

TEST(UnifiedDiffTest, NearChangesShareAHunk) {
  EXPECT_EQ(UnifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n9\n",
                        "1\nB\n3\n4\n5\n6\n7\nH\n9\n", "a", "b"),
            "--- a\n+++ b\n"
            "@@ -1,9 +1,9 @@\n 1\n-2\n+B\n 3\n 4\n 5\n 6\n 7\n-8\n+H\n 9\n");
}

TEST(UnifiedDiffTest, AnAddedFileCountsFromLineZero) {
  EXPECT_EQ(UnifiedDiff("", "a\nb\n", "x", "x"),
            "--- x\n+++ x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
}

TEST(UnifiedDiffTest, InsertionAtTheTopNamesTheLineBefore) {
  EXPECT_EQ(UnifiedDiff("a\n", "new\na\n", "x", "x"),
            "--- x\n+++ x\n@@ -1 +1,2 @@\n+new\n a\n");
}

TEST(UnifiedDiffTest, AMissingFinalNewlineIsMarked) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb", "x", "x"),
            "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n"
            "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace agentgen
