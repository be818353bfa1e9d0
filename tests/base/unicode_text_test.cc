// SPDX-License-Identifier: MIT
// Unicode operations as Rust's `str` does them.
#include "base/unicode_text.h"

#include <gtest/gtest.h>

#include <string>

namespace agentgen {
namespace {

TEST(UnicodeTextTest, CodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("é"), 1u);        // precomposed
  EXPECT_EQ(CountCodePoints("e\u0301"), 2u);  // e, combining acute
  EXPECT_EQ(CountCodePoints("\U0001F600x"), 2u);
  EXPECT_EQ(CountCodePoints("\xff\xfe"), 2u);  // malformed: one per byte
  size_t offset = 0;
  EXPECT_EQ(NextCodePoint("\u00e9x", &offset), U'\u00e9');
  EXPECT_EQ(offset, 2u);
}

TEST(UnicodeTextTest, FullCaseMappingWithoutLocale) {
  EXPECT_EQ(LowercaseFull(""), "");
  EXPECT_EQ(LowercaseFull("HeLLo"), "hello");
  EXPECT_EQ(UppercaseFull("straße"), "STRASSE");
  EXPECT_EQ(LowercaseFull("ΟΔΟΣ"), "οδος");  // final sigma
  EXPECT_EQ(LowercaseFull("ΣΑ"), "σα");      // not final
  EXPECT_EQ(LowercaseFull("Σ"), "σ");        // alone: not a word's end
  EXPECT_EQ(LowercaseFull("İ"), "i\u0307");  // no Turkish locale
  EXPECT_EQ(UppercaseFull("i"), "I");
  EXPECT_EQ(UppercaseFull("ﬁ"), "FI");
  EXPECT_EQ(UppercaseFull("ǆ"), "Ǆ");  // uppercase, not titlecase
  // Long text grows past the first buffer.
  std::string sharp_s(300, 'x');
  for (int i = 0; i < 100; ++i) sharp_s += "ß";
  EXPECT_EQ(UppercaseFull(sharp_s).size(), 300u + 200u);
}

TEST(UnicodeTextTest, WhiteSpaceIsTheUnicodeProperty) {
  for (char32_t c : {U' ', U'\t', U'\n', U'\v', U'\f', U'\r', U'\u0085',
                     U'\u00a0', U'\u1680', U'\u2000', U'\u2028', U'\u3000'}) {
    EXPECT_TRUE(IsWhiteSpace(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'x', U'\u200b', U'\ufeff', U'\u180e', U'_'}) {
    EXPECT_FALSE(IsWhiteSpace(c)) << static_cast<unsigned>(c);
  }
  EXPECT_EQ(TrimWhiteSpace("\u3000 x y\u00a0\n", true, true), "x y");
  EXPECT_EQ(TrimWhiteSpace("  x  ", true, false), "x  ");
  EXPECT_EQ(TrimWhiteSpace("  x  ", false, true), "  x");
  EXPECT_EQ(TrimWhiteSpace(" \u2028 ", true, true), "");
  EXPECT_EQ(TrimWhiteSpace("", true, true), "");
}

TEST(UnicodeTextTest, WordCharactersOfRustsRegex) {
  for (char32_t c : {U'a', U'Z', U'0', U'_', U'é', U'\u0301', U'٣', U'‿',
                     U'\u200d', U'Ⅻ', U'中'}) {
    EXPECT_TRUE(IsWordCharacter(c)) << static_cast<unsigned>(c);
  }
  for (char32_t c : {U'\'', U'-', U' ', U'.', U'\u00a0', U'€'}) {
    EXPECT_FALSE(IsWordCharacter(c)) << static_cast<unsigned>(c);
  }
}

TEST(UnicodeTextTest, ExtendedGraphemeClusters) {
  EXPECT_EQ(GraphemeClusterPrefix("", 0), std::string_view::npos);
  EXPECT_EQ(GraphemeClusterPrefix("abc", 3), std::string_view::npos);
  EXPECT_EQ(GraphemeClusterPrefix("abc", 2), 2u);
  EXPECT_EQ(GraphemeClusterPrefix("abc", 0), 0u);
  // e + combining acute is one cluster of three bytes.
  EXPECT_EQ(GraphemeClusterPrefix("e\u0301e\u0301e\u0301", 2), 6u);
  // CR LF is one cluster.
  EXPECT_EQ(GraphemeClusterPrefix("\r\nx", 1), 2u);
  // A family emoji joined with ZWJ, and a flag of two regional indicators.
  EXPECT_EQ(GraphemeClusterPrefix("👨‍👩‍👧x", 1),
            std::string("👨‍👩‍👧").size());
  EXPECT_EQ(GraphemeClusterPrefix("🇫🇷x", 1), 8u);
  // Hangul jamo L V T make one syllable.
  EXPECT_EQ(GraphemeClusterPrefix("\u1100\u1161\u11a8x", 1), 9u);
}

}  // namespace
}  // namespace agentgen
