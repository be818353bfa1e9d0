// SPDX-License-Identifier: MIT
#include "inputs/frontmatter.h"

#include <gtest/gtest.h>

#include <string>

namespace agentgen {
namespace {

// Splits `text` (as file a.md) and expects it to succeed without diagnostics.
Frontmatter Split(std::string_view text) {
  DiagnosticSink sink;
  std::optional<Frontmatter> parts =
      SplitFrontmatter(text, SliceLocator("a.md", text, 0), sink);
  EXPECT_TRUE(parts.has_value());
  EXPECT_TRUE(sink.diagnostics().empty());
  return parts.value_or(Frontmatter{});
}

// The one diagnostic splitting `text` draws, printed in full.
std::string SplitError(std::string_view text) {
  DiagnosticSink sink;
  std::optional<Frontmatter> parts =
      SplitFrontmatter(text, SliceLocator("a.md", text, 0), sink);
  EXPECT_FALSE(parts.has_value());
  EXPECT_EQ(sink.error_count(), 1);
  if (sink.diagnostics().size() != 1) return "";
  return FormatDiagnostic(sink.diagnostics()[0]);
}

std::string_view Yaml(std::string_view text, const Frontmatter& parts) {
  return text.substr(parts.yaml_begin, parts.yaml_end - parts.yaml_begin);
}

TEST(FrontmatterTest, FindsTheYamlAndTheBody) {
  std::string text = "---\nname: a\n---\nbody\n";
  Frontmatter parts = Split(text);
  EXPECT_TRUE(parts.present);
  EXPECT_EQ(parts.yaml_begin, 4u);
  EXPECT_EQ(parts.yaml_end, 12u);
  EXPECT_EQ(parts.body_begin, 16u);
  EXPECT_EQ(Yaml(text, parts), "name: a\n");
  EXPECT_EQ(text.substr(parts.body_begin), "body\n");
}

TEST(FrontmatterTest, CrlfLinesAreDelimitersToo) {
  std::string text = "---\r\nname: a\r\n---\r\nbody\r\n";
  Frontmatter parts = Split(text);
  EXPECT_TRUE(parts.present);
  EXPECT_EQ(parts.yaml_begin, 5u);
  EXPECT_EQ(Yaml(text, parts), "name: a\r\n");
  EXPECT_EQ(text.substr(parts.body_begin), "body\r\n");
}

TEST(FrontmatterTest, TrailingBlanksAfterTheDashesAreAllowed) {
  std::string text = "---  \r\nname: a\n--- \t\r\nbody";
  Frontmatter parts = Split(text);
  EXPECT_TRUE(parts.present);
  EXPECT_EQ(parts.yaml_begin, 7u);
  EXPECT_EQ(Yaml(text, parts), "name: a\n");
  EXPECT_EQ(text.substr(parts.body_begin), "body");
  // The CR may sit among the blanks, but only one of them counts as blank.
  EXPECT_TRUE(Split("---\r \nx\n---\n").present);
  EXPECT_FALSE(Split("---\r\r\nx\n---\n").present);
}

TEST(FrontmatterTest, LeadingBlanksOrMoreDashesAreNotADelimiter) {
  for (std::string_view text :
       {" ---\nx\n---\n", "----\nx\n----\n", "--- x\n---\n", "--\n---\n"}) {
    Frontmatter parts = Split(text);
    EXPECT_FALSE(parts.present) << text;
    EXPECT_EQ(parts.body_begin, 0u) << text;
  }
}

TEST(FrontmatterTest, WithoutADelimiterTheWholeTextIsBody) {
  Frontmatter parts = Split("# Title\n---\nx\n---\n");
  EXPECT_FALSE(parts.present);
  EXPECT_EQ(parts.body_begin, 0u);
}

TEST(FrontmatterTest, ShortFilesKeepTheirContent) {
  // AGPM empties any file of three bytes or fewer; here they are body.
  for (std::string_view text : {"", "a", "ab\n", "--", "-\n-"}) {
    Frontmatter parts = Split(text);
    EXPECT_FALSE(parts.present) << text;
    EXPECT_EQ(parts.body_begin, 0u) << text;
  }
}

TEST(FrontmatterTest, ADelimiterInsideAValueDoesNotClose) {
  std::string text = "---\ntitle: a --- b\n  ---x\n---\nbody\n";
  Frontmatter parts = Split(text);
  EXPECT_EQ(Yaml(text, parts), "title: a --- b\n  ---x\n");
  EXPECT_EQ(text.substr(parts.body_begin), "body\n");
}

TEST(FrontmatterTest, AClosingLineWithoutNewlineEndsTheText) {
  std::string text = "---\nname: a\n---";
  Frontmatter parts = Split(text);
  EXPECT_TRUE(parts.present);
  EXPECT_EQ(parts.yaml_end, 12u);
  EXPECT_EQ(parts.body_begin, text.size());
  Frontmatter blank_closing = Split("---\nname: a\n---  ");
  EXPECT_EQ(blank_closing.body_begin, 17u);
}

TEST(FrontmatterTest, EmptyFrontmatter) {
  std::string text = "---\n---\nbody";
  Frontmatter parts = Split(text);
  EXPECT_TRUE(parts.present);
  EXPECT_EQ(parts.yaml_begin, 4u);
  EXPECT_EQ(parts.yaml_end, 4u);
  EXPECT_EQ(parts.body_begin, 8u);
}

TEST(FrontmatterTest, OnlyTheFirstClosingLineCounts) {
  std::string text = "---\na: 1\n---\n---\nb\n";
  Frontmatter parts = Split(text);
  EXPECT_EQ(Yaml(text, parts), "a: 1\n");
  EXPECT_EQ(text.substr(parts.body_begin), "---\nb\n");
}

TEST(FrontmatterTest, AnUnclosedFrontmatterIsAnErrorAtTheStart) {
  EXPECT_EQ(SplitError("---\nname: a\nbody\n"),
            "a.md:1:1: error: frontmatter is not closed (no closing '---' "
            "line)\n"
            "---\n"
            "^\n");
}

TEST(FrontmatterTest, AFileThatIsOnlyTheOpeningLineIsUnclosed) {
  const std::string expected =
      "a.md:1:1: error: frontmatter is not closed (no closing '---' line)\n"
      "---\n"
      "^\n";
  EXPECT_EQ(SplitError("---"), expected);
  EXPECT_EQ(SplitError("---\n"), expected);
  EXPECT_EQ(SplitError("---\r\n"), expected);
  EXPECT_EQ(SplitError("--- \nname: a\n----\n"),
            "a.md:1:1: error: "
            "frontmatter is not closed (no closing '---' line)\n--- \n^\n");
}

TEST(FrontmatterTest, TheErrorGoesThroughTheLocator) {
  // A body that a templated dependency produced is located in its file.
  std::string file = "---\nx: 1\n---\n---\nunclosed\n";
  DiagnosticSink sink;
  std::optional<Frontmatter> parts =
      SplitFrontmatter(std::string_view(file).substr(13),
                       SliceLocator("dep.md", file, 13), sink);
  EXPECT_FALSE(parts.has_value());
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]),
            "dep.md:4:1: error: frontmatter is not closed (no closing '---' "
            "line)\n---\n^\n");
}

TEST(FrontmatterTest, TrimBodyRemovesLeadingNewlinesAndOneFinalNewline) {
  EXPECT_EQ(TrimBody(""), "");
  EXPECT_EQ(TrimBody("\n"), "");
  EXPECT_EQ(TrimBody("\n\n"), "");
  EXPECT_EQ(TrimBody("a"), "a");
  EXPECT_EQ(TrimBody("a\n"), "a");
  EXPECT_EQ(TrimBody("a\n\n"), "a\n");
  EXPECT_EQ(TrimBody("\n\na\n"), "a");
  EXPECT_EQ(TrimBody("\n\na\nb\n\n\n"), "a\nb\n\n");
  // Only newlines count: leading blanks are content.
  EXPECT_EQ(TrimBody("\n  a\n"), "  a");
}

TEST(FrontmatterTest, TrimBodyOfASplitFile) {
  std::string text = "---\nname: a\n---\n\n# Title\n\nText.\n";
  Frontmatter parts = Split(text);
  EXPECT_EQ(TrimBody(std::string_view(text).substr(parts.body_begin)),
            "# Title\n\nText.");
}

TEST(FrontmatterTest, TrimWhitespaceRemovesUnicodeWhiteSpaceAtTheEdges) {
  EXPECT_EQ(TrimWhitespace("\n\r\t a: b \r\n\n"), "a: b");
  EXPECT_EQ(TrimWhitespace("\xC2\xA0"
                           "a\xE3\x80\x80"),
            "a");  // NBSP, U+3000
  EXPECT_EQ(TrimWhitespace("\xE2\x80\xA8"
                           "x\xC2\x85"),
            "x");                                     // U+2028, NEL
  EXPECT_EQ(TrimWhitespace("\xC3\xA9"), "\xC3\xA9");  // not a space
  EXPECT_EQ(TrimWhitespace(" \n "), "");
  EXPECT_EQ(TrimWhitespace("a \n b"), "a \n b");
}

TEST(FrontmatterTest, TemplateSyntaxIsAnyOfTheThreeOpeners) {
  EXPECT_TRUE(HasTemplateSyntax("a: {{ x }}"));
  EXPECT_TRUE(HasTemplateSyntax("{% if x %}"));
  EXPECT_TRUE(HasTemplateSyntax("{# note #}"));
  EXPECT_FALSE(HasTemplateSyntax("a: { b: c }"));
}

}  // namespace
}  // namespace agentgen
