// SPDX-License-Identifier: MIT
#include "base/diagnostic.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(LocateOffsetTest, CountsLinesAndByteColumnsFromTheTop) {
  Location where =
      LocateOffset("a.md", "---\nname: x\n---\nbody {{ y }}\n", 21);
  EXPECT_EQ(where.file, "a.md");
  EXPECT_EQ(where.line, 4);
  EXPECT_EQ(where.column, 6);
  EXPECT_EQ(where.line_text, "body {{ y }}");
}

TEST(LocateOffsetTest, DropsTheCarriageReturnOfACrlfLine) {
  Location where = LocateOffset("a.md", "one\r\ntwo\r\n", 6);
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.column, 2);
  EXPECT_EQ(where.line_text, "two");
}

TEST(LocateOffsetTest, AnOffsetPastTheEndPointsAfterTheLastByte) {
  Location where = LocateOffset("a.md", "ab", 99);
  EXPECT_EQ(where.line, 1);
  EXPECT_EQ(where.column, 3);
}

TEST(SliceLocatorTest, AddsTheSliceStart) {
  std::string text = "xx\nyy\n";
  Locator locate = SliceLocator("f.md", text, 3);
  Location where = locate(1);
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.column, 2);
}

TEST(FormatDiagnosticTest, PrintsTheLineAndACaretUnderTheColumn) {
  Diagnostic d{Severity::kError,
               LocateOffset("a.md", "x\n\tab {{ y }}\n", 7),
               "undefined name 'y'",
               "",
               {},
               std::nullopt};
  EXPECT_EQ(FormatDiagnostic(d),
            "a.md:2:6: error: undefined name 'y'\n"
            "\tab {{ y }}\n"
            "\t    ^\n");
}

TEST(FormatDiagnosticTest, WarningsSayWarning) {
  Diagnostic d{
      Severity::kWarning, LocateOffset("a.md", "k: yes\n", 3), "w", "", {},
      std::nullopt};
  EXPECT_EQ(FormatDiagnostic(d), "a.md:1:4: warning: w\nk: yes\n   ^\n");
}

TEST(FormatDiagnosticTest, WithoutAFileNamesTheProgram) {
  Diagnostic d{Severity::kError, {}, "cannot read 'x.md': no such file", "", {},
               std::nullopt};
  EXPECT_EQ(FormatDiagnostic(d),
            "agentgen: error: cannot read 'x.md': no such file\n");
}

TEST(FormatDiagnosticTest, AFileWithoutALineHasNoCaret) {
  Diagnostic d{Severity::kError, {"a.md", 0, 0, ""}, "bad", "", {},
               std::nullopt};
  EXPECT_EQ(FormatDiagnostic(d), "a.md: error: bad\n");
}

TEST(DiagnosticSinkTest, CountsErrorsNotWarnings) {
  DiagnosticSink sink;
  sink.Warning({}, "w");
  EXPECT_FALSE(sink.has_errors());
  sink.Error({}, "e");
  sink.Error({}, "e2");
  EXPECT_EQ(sink.error_count(), 2);
  EXPECT_EQ(sink.diagnostics().size(), 3u);
}

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

// The column just past the token at `column` of `line`.
int TokenEnd(const std::string& line, int column) {
  Location where{"a.md", 3, column, line};
  return TokenEndAt(where).column;
}

TEST(TokenEndAtTest, SpansTheTokenAtTheColumn) {
  EXPECT_EQ(TokenEnd("model: gpt-4", 8), 13);
  EXPECT_EQ(TokenEnd("tools: Read, Reed", 14), 18);
  EXPECT_EQ(TokenEnd("k: \"a \\\" b\" # c", 4), 12);
  EXPECT_EQ(TokenEnd("k: 'it''s' x", 4), 11);
  EXPECT_EQ(TokenEnd("hooks: [a, [b]] # c", 8), 16);
  EXPECT_EQ(TokenEnd("x {{ agpm.project.missing }} y", 3), 29);
  EXPECT_EQ(TokenEnd("k: [unclosed, a  ", 4), 16);  // to the line's end
  EXPECT_EQ(TokenEnd("  - ,", 5), 6);               // a comma: itself
  EXPECT_EQ(TokenEndAt(Location{"a.md", 0, 0, ""}).line, 0);
  EXPECT_EQ(TokenEndAt(Location{"a.md", 3, 9, "short"}).line, 0);
}

TEST(TokenEndAtTest, TheSinkSpansWhatItsReporterDidNot) {
  DiagnosticSink sink;
  sink.Error(Location{"a.md", 2, 7, "name: Bad_Name"}, "bad");
  EXPECT_EQ(sink.diagnostics()[0].end.line, 2);
  EXPECT_EQ(sink.diagnostics()[0].end.column, 15);
}

}  // namespace
}  // namespace agentgen
