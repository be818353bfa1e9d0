// SPDX-License-Identifier: MIT
// Reading an AGPM template's text for the parser (docs/templates.md, "The
// AGPM dialect"): where its protected ```literal blocks are, where tags start
// and end, and the tokens inside a tag.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_LEXER_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_LEXER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen::agpm {

/// Tera's whitespace inside tags.
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
inline bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }

/// A protected ```literal block, found line by line before parsing as AGPM
/// does: its lines are copied as they are.
struct Fence {
  size_t open;
  size_t inner_begin;
  size_t close;
  size_t close_end;  ///< end of the closing line, its newline excluded
};

/// A literal block that cannot be read: never closed, or another opened
/// inside it. `offset` is the start of the opening line.
struct FenceError {
  size_t offset;
  std::string message;
};

/// The literal blocks of `text`. Stops at the first block that cannot be
/// read, setting `*error` (when given).
std::vector<Fence> FindLiteralFences(
    std::string_view text, std::optional<FenceError>* error = nullptr);

enum class TokenKind {
  kName,
  kString,
  kNumber,
  kDot,
  kComma,
  kPipe,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kAssign,
  kOperator,
  kFence,  ///< bytes of a protected ```literal block
  kOther,
  kEnd,  ///< the closing delimiter
};

struct Token {
  TokenKind kind;
  size_t begin;
  size_t end;
};

/// `and`, `or`, `not`, `in`, `is`.
bool IsKeyword(std::string_view word);
/// `true`, `false`, `True`, `False`.
bool IsTeraLiteral(std::string_view word);
/// The Tera literal `word` starts with, when it is longer (`trueish`): Tera
/// reads the literal and fails on the rest. Empty when none.
std::string_view LiteralPrefix(std::string_view word);
bool IsComparison(std::string_view op);

struct LexError {
  size_t offset;
  std::string message;
};

/// A template's text as the parser scans it. Searches for delimiters run
/// over a copy in which the bytes of literal blocks match nothing, so no tag
/// starts or ends inside one.
class Lexer {
 public:
  explicit Lexer(std::string_view text);
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  std::string_view text() const { return text_; }
  /// The text with literal blocks masked.
  std::string_view scan() const { return scan_; }
  const std::vector<Fence>& fences() const { return fences_; }
  /// Why the literal blocks could not be read, if so.
  const std::optional<FenceError>& fence_error() const { return fence_error_; }

  /// The next "{{", "{%" or "{#" at or after `from`, or npos.
  size_t FindTagStart(size_t from) const;
  /// The closing quote of a string starting at `quote`, before `limit`
  /// (strings may span lines); npos when it does not close.
  size_t FindQuoteEnd(size_t quote, size_t limit) const;
  /// The closing delimiter `first second` of a tag from `from` on,
  /// skipping string literals that could contain it; npos when none.
  size_t FindClose(size_t from, char first, char second) const;
  /// The tokens of a tag's inside [begin, end), then a kEnd token for the
  /// closing delimiter, which ends at `close_end`.
  std::optional<LexError> Tokenize(size_t begin, size_t end, size_t close_end,
                                   std::vector<Token>* tokens) const;
  /// When an `{% endraw %}` tag starts at `at`, the offset just past it
  /// (and whether its delimiters trim); else npos.
  size_t MatchEndRaw(size_t at, bool* trim_left, bool* trim_right) const;

 private:
  size_t ReadPunctuation(size_t at, size_t end, TokenKind* kind) const;

  std::string_view text_;
  std::optional<FenceError> fence_error_;
  std::vector<Fence> fences_;
  std::string masked_;
  std::string_view scan_;
};

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_LEXER_H_
