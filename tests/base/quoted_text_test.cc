// SPDX-License-Identifier: MIT
#include "base/quoted_text.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(PastClosingQuoteTest, DoubleQuotesEscapeWithABackslash) {
  EXPECT_EQ(PastClosingQuote("k: \"a \\\" b\" x", 3), 11u);
  EXPECT_EQ(PastClosingQuote("\"\\\\\"", 0), 4u);
  EXPECT_EQ(PastClosingQuote("\"a \\\"", 0), std::string_view::npos);
}

TEST(PastClosingQuoteTest, SingleQuotesEscapeByDoubling) {
  EXPECT_EQ(PastClosingQuote("'it''s' x", 0), 7u);
  EXPECT_EQ(PastClosingQuote("'a\\' b", 0), 4u);  // no backslash escapes
  EXPECT_EQ(PastClosingQuote("'it''", 0), std::string_view::npos);
}

}  // namespace
}  // namespace agentgen
