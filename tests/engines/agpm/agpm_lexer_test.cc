// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace agentgen::agpm {
namespace {

TEST(AgpmLexerTest, FindsClosedLiteralFencesOnly) {
  std::string text = "a\n  ```literal\n{{ x }}\n```\nb\n```literal\nopen";
  std::vector<Fence> fences = FindLiteralFences(text);
  ASSERT_EQ(fences.size(), 1u);
  EXPECT_EQ(fences[0].open, 2u);
  EXPECT_EQ(text.substr(fences[0].inner_begin, 8), "{{ x }}\n");
  EXPECT_EQ(text.substr(fences[0].close, 3), "```");
  EXPECT_EQ(fences[0].close_end, fences[0].close + 3);
}

TEST(AgpmLexerTest, NoTagStartsInsideAFence) {
  Lexer lexer("{{ a }}\n```literal\n{{ b }}\n```\n{% if c %}");
  EXPECT_EQ(lexer.FindTagStart(0), 0u);
  size_t after_fence = lexer.text().find("{% if");
  EXPECT_EQ(lexer.FindTagStart(1), after_fence);
  EXPECT_EQ(lexer.scan().size(), lexer.text().size());
  EXPECT_NE(lexer.scan(), lexer.text());
}

TEST(AgpmLexerTest, TheCloseOfATagSkipsStrings) {
  Lexer lexer("{{ '}}' ~ \"}}\" }} tail");
  EXPECT_EQ(lexer.FindClose(2, '}', '}'), 15u);
  EXPECT_EQ(Lexer("{{ 'open }}").FindClose(2, '}', '}'), 9u);
  EXPECT_EQ(Lexer("{{ x").FindClose(2, '}', '}'), std::string::npos);
}

TEST(AgpmLexerTest, TokenizesATagsInside) {
  std::string text = "{{ a.b | default(value='x') == 3 }}";
  Lexer lexer(text);
  std::vector<Token> tokens;
  ASSERT_FALSE(lexer.Tokenize(2, text.size() - 2, text.size(), &tokens));
  std::vector<TokenKind> kinds;
  std::vector<std::string> words;
  for (const Token& token : tokens) {
    kinds.push_back(token.kind);
    words.push_back(text.substr(token.begin, token.end - token.begin));
  }
  EXPECT_EQ(kinds, (std::vector<TokenKind>{
                       TokenKind::kName, TokenKind::kDot, TokenKind::kName,
                       TokenKind::kPipe, TokenKind::kName, TokenKind::kLParen,
                       TokenKind::kName, TokenKind::kAssign, TokenKind::kString,
                       TokenKind::kRParen, TokenKind::kOperator,
                       TokenKind::kNumber, TokenKind::kEnd}));
  EXPECT_EQ(words[10], "==");
  EXPECT_EQ(words.back(), "}}");
}

TEST(AgpmLexerTest, AStringMaySpanLines) {
  std::string text = "{{ `a\nb` }}";
  Lexer lexer(text);
  std::vector<Token> tokens;
  ASSERT_FALSE(lexer.Tokenize(2, text.size() - 2, text.size(), &tokens));
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kString);
  EXPECT_EQ(tokens[0].end, text.size() - 3);
  std::string open = "{{ 'a\nb }}";
  Lexer open_lexer(open);
  std::optional<LexError> error =
      open_lexer.Tokenize(2, open.size() - 2, open.size(), &tokens);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 3u);
  EXPECT_EQ(error->message, "string is not closed");
}

TEST(AgpmLexerTest, AnUnclosedOrNestedLiteralBlockIsAnError) {
  std::optional<FenceError> error;
  EXPECT_TRUE(FindLiteralFences("a\n  ```literal\nx\n", &error).empty());
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 2u);
  EXPECT_EQ(error->message,
            "'```literal' block is not closed (missing a '```' line)");
  error.reset();
  FindLiteralFences("```literal\n```literal\n```\n", &error);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 0u);
}

TEST(AgpmLexerTest, KeepsAMultiByteCharacterWhole) {
  std::string text = "{{ \xc3\xa9 }}";
  Lexer lexer(text);
  std::vector<Token> tokens;
  ASSERT_FALSE(lexer.Tokenize(2, text.size() - 2, text.size(), &tokens));
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kOther);
  EXPECT_EQ(tokens[0].end - tokens[0].begin, 2u);
}

TEST(AgpmLexerTest, MatchesEndRawWithTrimming) {
  Lexer lexer("x{%- endraw -%}y{% endraw %}{% end %}");
  bool trim_left = false;
  bool trim_right = false;
  EXPECT_EQ(lexer.MatchEndRaw(1, &trim_left, &trim_right), 15u);
  EXPECT_TRUE(trim_left);
  EXPECT_TRUE(trim_right);
  EXPECT_EQ(lexer.MatchEndRaw(16, &trim_left, &trim_right), 28u);
  EXPECT_FALSE(trim_left);
  EXPECT_EQ(lexer.MatchEndRaw(28, &trim_left, &trim_right), std::string::npos);
}

TEST(AgpmLexerTest, KeywordsAndLiterals) {
  EXPECT_TRUE(IsKeyword("not"));
  EXPECT_FALSE(IsKeyword("note"));
  EXPECT_TRUE(IsTeraLiteral("True"));
  EXPECT_FALSE(IsTeraLiteral("None"));  // Tera has no null literal
  EXPECT_EQ(LiteralPrefix("falsey"), "false");
  EXPECT_EQ(LiteralPrefix("false"), "");
  EXPECT_TRUE(IsComparison(">="));
  EXPECT_FALSE(IsComparison("="));
}

}  // namespace
}  // namespace agentgen::agpm
