// SPDX-License-Identifier: MIT
#include "inputs/source_text.h"

#include <gtest/gtest.h>

#include <string>

namespace agentgen {
namespace {

// The single diagnostic `bytes` draws, printed in full; "" when it passes.
std::string CheckMessage(std::string_view bytes) {
  DiagnosticSink sink;
  bool ok = CheckInputBytes(bytes, "a.md", sink);
  EXPECT_EQ(ok, !sink.has_errors());
  if (sink.diagnostics().empty()) return "";
  EXPECT_EQ(sink.diagnostics().size(), 1u);
  return FormatDiagnostic(sink.diagnostics()[0]);
}

TEST(SourceTextTest, AcceptsAsciiAndWellFormedUtf8) {
  EXPECT_EQ(CheckMessage(""), "");
  EXPECT_EQ(CheckMessage("---\nname: a\n---\nbody\r\n"), "");
  // Two-, three- and four-byte characters at the edges of their ranges.
  EXPECT_EQ(CheckMessage("\xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF "
                         "\xEE\x80\x80 \xEF\xBF\xBF \xF0\x90\x80\x80 "
                         "\xF4\x8F\xBF\xBF"),
            "");
  EXPECT_EQ(CheckMessage("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n"), "");
}

TEST(SourceTextTest, AByteOrderMarkIsAnErrorAtTheStart) {
  EXPECT_EQ(CheckMessage("\xEF\xBB\xBFname\n"),
            "a.md:1:1: error: file starts with a UTF-8 byte-order mark\n"
            "\xEF\xBB\xBFname\n"
            "^\n");
}

TEST(SourceTextTest, AByteOrderMarkLaterIsJustACharacter) {
  EXPECT_EQ(CheckMessage("a\xEF\xBB\xBF"), "");
}

TEST(SourceTextTest, ANulByteIsAnErrorAtItsPosition) {
  EXPECT_EQ(CheckMessage(std::string("one\ntw\0o\n", 9)),
            "a.md:2:3: error: NUL byte in input\n"
            "tw?o\n"
            "  ^\n");
}

// The check skips plain ASCII eight bytes at a time; a problem in any
// position of such a block, or in the tail after the last whole block, is
// still found at its own byte.
TEST(SourceTextTest, FindsAProblemAtEveryPositionOfALongLine) {
  for (size_t at = 0; at < 27; ++at) {
    for (char bad : {'\0', '\x80', '\xFF'}) {
      std::string line(27, 'x');
      line[at] = bad;
      std::string caret = std::string(at, ' ') + "^\n";
      std::string printed = line;
      printed[at] = '?';
      const char* message = bad == '\0' ? "NUL byte in input" : "invalid UTF-8";
      EXPECT_EQ(CheckMessage(line), "a.md:1:" + std::to_string(at + 1) +
                                        ": error: " + message + "\n" + printed +
                                        "\n" + caret)
          << "offset " << at << ", byte " << static_cast<int>(bad);
    }
  }
  // Valid characters between ASCII blocks do not hide a later problem
  // (columns count bytes, as compilers' do).
  EXPECT_EQ(CheckMessage("abcdefgh\xC3\xA9ijklmnopq\xC3"),
            "a.md:1:20: error: invalid UTF-8\nabcdefgh\xC3\xA9ijklmnopq?\n"
            "                   ^\n");
}

TEST(SourceTextTest, AStrayContinuationByteIsInvalid) {
  EXPECT_EQ(CheckMessage("x\nab\x80z\n"),
            "a.md:2:3: error: invalid UTF-8\n"
            "ab?z\n"
            "  ^\n");
}

TEST(SourceTextTest, ImpossibleLeadBytesAreInvalid) {
  EXPECT_EQ(CheckMessage("\xFF"), "a.md:1:1: error: invalid UTF-8\n?\n^\n");
  EXPECT_EQ(CheckMessage("a\xF5\x80\x80\x80"),
            "a.md:1:2: error: invalid UTF-8\na????\n ^\n");
}

TEST(SourceTextTest, ATruncatedSequenceIsInvalidAtItsLeadByte) {
  // "é" without its second byte, once before other text, once at the end.
  EXPECT_EQ(CheckMessage("caf\xC3 ok\n"),
            "a.md:1:4: error: invalid UTF-8\ncaf? ok\n   ^\n");
  EXPECT_EQ(CheckMessage("ok \xE2\x82"),
            "a.md:1:4: error: invalid UTF-8\nok ??\n   ^\n");
}

TEST(SourceTextTest, OverlongEncodingsAreInvalid) {
  // '/' in two bytes, and U+0000..U+07FF and U+0000..U+FFFF in too many.
  EXPECT_EQ(CheckMessage("\xC0\xAF"),
            "a.md:1:1: error: invalid UTF-8\n??\n^\n");
  EXPECT_EQ(CheckMessage("a\xC1\xBF"),
            "a.md:1:2: error: invalid UTF-8\na??\n ^\n");
  EXPECT_EQ(CheckMessage("\xE0\x9F\xBF"),
            "a.md:1:1: error: invalid UTF-8\n???\n^\n");
  EXPECT_EQ(CheckMessage("\xF0\x8F\xBF\xBF"),
            "a.md:1:1: error: invalid UTF-8\n????\n^\n");
}

TEST(SourceTextTest, SurrogatesAreInvalid) {
  EXPECT_EQ(CheckMessage("ab\xED\xA0\x80"),
            "a.md:1:3: error: invalid UTF-8\nab???\n  ^\n");
  EXPECT_EQ(CheckMessage("\xED\xBF\xBF"),
            "a.md:1:1: error: invalid UTF-8\n???\n^\n");
}

TEST(SourceTextTest, CodePointsAboveTheUnicodeRangeAreInvalid) {
  EXPECT_EQ(CheckMessage("\xF4\x90\x80\x80"),
            "a.md:1:1: error: invalid UTF-8\n????\n^\n");
}

TEST(SourceTextTest, OnlyTheFirstProblemIsReported) {
  EXPECT_EQ(CheckMessage(std::string("a\nb\xFF\nc\0\n", 8)),
            "a.md:2:2: error: invalid UTF-8\nb?\n ^\n");
}

TEST(SourceTextTest, ThePrintedLineKeepsValidCharacters) {
  // Columns count bytes, so "é" (two bytes) moves the caret by two.
  EXPECT_EQ(CheckMessage("\xC3\xA9\xFF\r\n"),
            "a.md:1:3: error: invalid UTF-8\n\xC3\xA9?\n  ^\n");
}

TEST(SourceTextTest, NamesTheFileAsGiven) {
  DiagnosticSink sink;
  EXPECT_FALSE(CheckInputBytes("\x80", "docs/../b.md", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]),
            "docs/../b.md:1:1: error: invalid UTF-8\n?\n^\n");
}

TEST(SourceTextTest, NormalizeLineEndsMakesCrlfLf) {
  EXPECT_EQ(NormalizeLineEnds(""), "");
  EXPECT_EQ(NormalizeLineEnds("a\r\nb\r\n"), "a\nb\n");
  EXPECT_EQ(NormalizeLineEnds("a\nb"), "a\nb");
  EXPECT_EQ(NormalizeLineEnds("\r\n\r\n"), "\n\n");
}

TEST(SourceTextTest, NormalizeLineEndsKeepsALoneCr) {
  EXPECT_EQ(NormalizeLineEnds("a\rb\r"), "a\rb\r");
  EXPECT_EQ(NormalizeLineEnds("a\r\r\nb"), "a\r\nb");
}

}  // namespace
}  // namespace agentgen
