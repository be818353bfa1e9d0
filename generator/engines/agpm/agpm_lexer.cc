// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_lexer.h"

#include <algorithm>

namespace agentgen::agpm {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::vector<Fence> FindLiteralFences(std::string_view text,
                                     std::optional<FenceError>* error) {
  constexpr size_t kNone = std::string_view::npos;
  std::vector<Fence> fences;
  size_t open = kNone;
  size_t inner_begin = 0;
  size_t line = 0;
  while (line < text.size()) {
    size_t newline = text.find('\n', line);
    size_t line_end = newline == kNone ? text.size() : newline;
    size_t next = newline == kNone ? text.size() : newline + 1;
    std::string_view content = text.substr(line, line_end - line);
    while (!content.empty() && IsSpace(content.front()))
      content.remove_prefix(1);
    if (open == kNone) {
      if (StartsWith(content, "```literal")) {
        open = line;
        inner_begin = next;
      }
    } else if (StartsWith(content, "```literal")) {
      // AGPM would drop the lines before it: refuse rather than lose them.
      if (error != nullptr) {
        *error = FenceError{open,
                            "a '```literal' block cannot hold another "
                            "'```literal' line; close it with '```' first"};
      }
      return fences;
    } else if (StartsWith(content, "```")) {
      fences.push_back({open, inner_begin, line, line_end});
      open = kNone;
    }
    line = next;
  }
  // AGPM would render an unclosed block's text and drop the file's final
  // newline: refuse it instead.
  if (open != kNone && error != nullptr) {
    *error = FenceError{
        open, "'```literal' block is not closed (missing a '```' line)"};
  }
  return fences;
}

bool IsKeyword(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "in" ||
         word == "is";
}

bool IsTeraLiteral(std::string_view word) {
  return word == "true" || word == "false" || word == "True" || word == "False";
}

std::string_view LiteralPrefix(std::string_view word) {
  for (std::string_view literal : {"true", "false", "True", "False"}) {
    if (word.size() > literal.size() && StartsWith(word, literal))
      return literal;
  }
  return {};
}

bool IsComparison(std::string_view op) {
  return op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" ||
         op == ">=";
}

Lexer::Lexer(std::string_view text)
    : text_(text), fences_(FindLiteralFences(text, &fence_error_)) {
  if (fences_.empty()) {
    scan_ = text_;
    return;
  }
  masked_ = std::string(text);
  for (const Fence& fence : fences_) {
    std::fill(masked_.begin() + static_cast<std::ptrdiff_t>(fence.open),
              masked_.begin() + static_cast<std::ptrdiff_t>(fence.close_end),
              '\x01');
  }
  scan_ = masked_;
}

size_t Lexer::FindTagStart(size_t from) const {
  for (size_t at = scan_.find('{', from); at != std::string_view::npos;
       at = scan_.find('{', at + 1)) {
    if (at + 1 >= scan_.size()) break;
    char next = scan_[at + 1];
    if (next == '{' || next == '%' || next == '#') return at;
  }
  return std::string_view::npos;
}

size_t Lexer::FindQuoteEnd(size_t quote, size_t limit) const {
  for (size_t at = quote + 1; at < limit; ++at) {
    if (scan_[at] == scan_[quote]) return at;
  }
  return std::string_view::npos;
}

size_t Lexer::FindClose(size_t from, char first, char second) const {
  for (size_t at = from; at + 1 < scan_.size(); ++at) {
    char c = scan_[at];
    if (c == '"' || c == '\'' || c == '`') {
      size_t quote_end = FindQuoteEnd(at, scan_.size());
      if (quote_end != std::string_view::npos) at = quote_end;
    } else if (c == first && scan_[at + 1] == second) {
      return at;
    }
  }
  return std::string_view::npos;
}

std::optional<LexError> Lexer::Tokenize(size_t begin, size_t end,
                                        size_t close_end,
                                        std::vector<Token>* tokens) const {
  tokens->clear();
  size_t at = begin;
  while (at < end) {
    char c = scan_[at];
    size_t start = at;
    TokenKind kind = TokenKind::kOther;
    if (IsSpace(c)) {
      ++at;
      continue;
    }
    if (c != text_[at]) {
      kind = TokenKind::kFence;
      while (at < end && scan_[at] != text_[at]) ++at;
    } else if (IsNameStart(c)) {
      kind = TokenKind::kName;
      while (at < end && IsNameChar(scan_[at])) ++at;
    } else if (IsDigit(c)) {
      kind = TokenKind::kNumber;
      while (at < end && (IsDigit(scan_[at]) || scan_[at] == '.')) ++at;
    } else if (c == '"' || c == '\'' || c == '`') {
      size_t quote_end = FindQuoteEnd(at, end);
      if (quote_end == std::string_view::npos) {
        return LexError{at, "string is not closed"};
      }
      kind = TokenKind::kString;
      at = quote_end + 1;
    } else {
      at = ReadPunctuation(at, end, &kind);
    }
    tokens->push_back({kind, start, at});
  }
  tokens->push_back({TokenKind::kEnd, end, close_end});
  return std::nullopt;
}

size_t Lexer::ReadPunctuation(size_t at, size_t end, TokenKind* kind) const {
  char c = scan_[at];
  bool equals_follows = at + 1 < end && scan_[at + 1] == '=';
  switch (c) {
    case '.':
      *kind = TokenKind::kDot;
      return at + 1;
    case ',':
      *kind = TokenKind::kComma;
      return at + 1;
    case '|':
      *kind = TokenKind::kPipe;
      return at + 1;
    case '(':
      *kind = TokenKind::kLParen;
      return at + 1;
    case ')':
      *kind = TokenKind::kRParen;
      return at + 1;
    case '[':
      *kind = TokenKind::kLBracket;
      return at + 1;
    case ']':
      *kind = TokenKind::kRBracket;
      return at + 1;
    case '=':
      *kind = equals_follows ? TokenKind::kOperator : TokenKind::kAssign;
      return at + (equals_follows ? 2 : 1);
    case '!':
    case '<':
    case '>':
      *kind = TokenKind::kOperator;
      return at + (equals_follows ? 2 : 1);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '~':
      *kind = TokenKind::kOperator;
      return at + 1;
    default:
      break;
  }
  // Keep a multi-byte UTF-8 character whole for the message.
  *kind = TokenKind::kOther;
  ++at;
  while (at < end && (static_cast<unsigned char>(scan_[at]) & 0xC0) == 0x80)
    ++at;
  return at;
}

size_t Lexer::MatchEndRaw(size_t at, bool* trim_left, bool* trim_right) const {
  size_t i = at + 2;
  *trim_left = i < scan_.size() && scan_[i] == '-';
  if (*trim_left) ++i;
  while (i < scan_.size() && IsSpace(scan_[i])) ++i;
  if (scan_.compare(i, 6, "endraw") != 0) return std::string_view::npos;
  i += 6;
  while (i < scan_.size() && IsSpace(scan_[i])) ++i;
  *trim_right = i < scan_.size() && scan_[i] == '-';
  if (*trim_right) ++i;
  if (scan_.compare(i, 2, "%}") != 0) return std::string_view::npos;
  return i + 2;
}

}  // namespace agentgen::agpm
