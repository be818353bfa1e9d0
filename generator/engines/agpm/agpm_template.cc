// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_template.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <set>
#include <utility>
#include <variant>

#include "base/nearest_name.h"

namespace agentgen {

using nlohmann::json;

namespace {

constexpr int kMaxNesting = 64;
constexpr std::string_view kTooDeep =
    "nesting is too deep (more than 64 levels)";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// ---------------------------------------------------------------------------
// The parsed form. Offsets point into the template text, so the tree holds no
// copies of it.

struct Value;

struct Filter {
  enum class Kind { kContent, kDefault };
  Kind kind = Kind::kContent;
  size_t offset = 0;                // the filter's name
  std::unique_ptr<Value> fallback;  // `default(value=...)`
};

struct Segment {
  std::string key;
  size_t end = 0;  // where the path as written up to this key ends
};

// A primary (a path or a string literal) followed by its filters.
struct Value {
  size_t begin = 0;
  size_t path_end = 0;  // end of the primary
  size_t end = 0;       // end of the last filter
  bool is_literal = false;
  json literal;
  std::vector<Segment> path;
  std::vector<Filter> filters;
};

struct Condition {
  enum class Kind { kValue, kNot, kAnd, kOr };
  Kind kind = Kind::kValue;
  Value value;                      // kValue
  std::vector<Condition> operands;  // the others
};

struct Node;
using Block = std::vector<Node>;

struct TextNode {
  size_t begin;
  size_t end;
};

// A protected ```literal block: written as a plain fence around its lines.
struct FenceNode {
  size_t open;  // start of the opening fence line
  size_t inner_begin;
  size_t inner_end;
  size_t close;  // start of the closing fence line
};

struct PrintNode {
  Value value;
  size_t tag;
};

struct Branch {
  std::optional<Condition> condition;  // none for `else`
  Block body;
};

struct IfNode {
  std::vector<Branch> branches;
};

struct ForNode {
  size_t tag = 0;        // the `{%` of the loop
  std::string key_name;  // empty with one name
  std::string value_name;
  Value iterable;
  Block body;
};

struct Node {
  std::variant<TextNode, FenceNode, PrintNode, IfNode, ForNode> v;
};

}  // namespace

struct AgpmNode {
  Block body;
};

namespace {

// ---------------------------------------------------------------------------
// Literal fences, found line by line before parsing as AGPM does.

struct Fence {
  size_t open;
  size_t inner_begin;
  size_t close;
  size_t close_end;  // end of the closing line, its newline excluded
};

std::vector<Fence> FindLiteralFences(std::string_view text) {
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
    } else if (StartsWith(content, "```")) {
      fences.push_back({open, inner_begin, line, line_end});
      open = kNone;
    }
    line = next;
  }
  // An unclosed fence stays ordinary text, as in AGPM.
  return fences;
}

// ---------------------------------------------------------------------------
// Tag tokens.

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
  kFence,  // bytes of a protected ```literal block
  kOther,
  kEnd,  // the closing delimiter
};

struct Token {
  TokenKind kind;
  size_t begin;
  size_t end;
};

bool IsKeyword(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "in" ||
         word == "is";
}

// Tera reads these as literals; a lookup would silently be undefined.
bool IsTeraLiteral(std::string_view word) {
  return word == "true" || word == "false" || word == "True" ||
         word == "False" || word == "none" || word == "None";
}

bool IsComparison(std::string_view op) {
  return op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" ||
         op == ">=";
}

// Where a parse stopped on a tag that belongs to an enclosing block.
struct Stop {
  std::string name;  // empty at the end of the text
  size_t offset = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const Locator& locate, DiagnosticSink& sink)
      : text_(text), locate_(locate), sink_(sink) {
    fences_ = FindLiteralFences(text);
    if (fences_.empty()) {
      scan_ = text_;
    } else {
      // Searches for delimiters run over a copy in which fenced bytes can
      // match nothing, so no tag starts or ends inside a fence.
      masked_ = std::string(text);
      for (const Fence& fence : fences_) {
        std::fill(
            masked_.begin() + static_cast<std::ptrdiff_t>(fence.open),
            masked_.begin() + static_cast<std::ptrdiff_t>(fence.close_end),
            '\x01');
      }
      scan_ = masked_;
    }
  }

  bool Run(Block* root) {
    Stop stop;
    if (!ParseBlock(root, 0, &stop)) return false;
    if (stop.name.empty()) return true;
    ReportMisplaced(stop);
    return false;
  }

 private:
  struct OpenBlock {
    std::string_view kind;  // "if" or "for"
    size_t offset;
  };

  void Error(size_t offset, std::string message) {
    sink_.Error(locate_(offset), std::move(message));
  }

  // Parses text and tags into `block` until the text ends or a tag that
  // belongs to an enclosing block ('elif', 'else', 'endif', 'endfor'), which
  // is left in `stop` with its tokens. Returns false after a parse error.
  bool ParseBlock(Block* block, int depth, Stop* stop) {
    const size_t size = scan_.size();
    while (pos_ < size) {
      size_t tag = FindTagStart(pos_);
      size_t fence = NextFence(pos_);
      if (fence != std::string_view::npos &&
          (tag == std::string_view::npos || fence < tag)) {
        AddText(block, pos_, fence, false);
        AddFence(block);
        continue;
      }
      if (tag == std::string_view::npos) {
        AddText(block, pos_, size, false);
        pos_ = size;
        break;
      }
      bool trim_left = tag + 2 < size && scan_[tag + 2] == '-';
      AddText(block, pos_, tag, trim_left);
      char kind = scan_[tag + 1];
      if (kind == '#') {
        if (!SkipComment(tag, trim_left)) return false;
        continue;
      }
      if (!ReadTag(tag, trim_left)) return false;
      if (kind == '{') {
        if (!ParsePrint(block, tag)) return false;
        continue;
      }
      const Token& name = Peek();
      if (name.kind != TokenKind::kName) {
        ReportUnexpected(name, "a tag name");
        return false;
      }
      std::string_view word = TokenText(name);
      Advance();
      if (word == "if") {
        if (!ParseIf(block, tag, depth)) return false;
      } else if (word == "for") {
        if (!ParseFor(block, tag, depth)) return false;
      } else if (word == "raw") {
        if (!ParseRaw(block, tag)) return false;
      } else if (word == "elif" || word == "else" || word == "endif" ||
                 word == "endfor") {
        stop->name = std::string(word);
        stop->offset = tag;
        return true;
      } else if (word == "endraw") {
        Error(tag, "'endraw' has no matching 'raw'");
        return false;
      } else {
        Error(name.begin, "'" + std::string(word) +
                              "' is not supported in the AGPM dialect");
        return false;
      }
    }
    stop->name.clear();
    return true;
  }

  // The next "{{", "{%" or "{#" at or after `from`.
  size_t FindTagStart(size_t from) const {
    for (size_t at = scan_.find('{', from); at != std::string_view::npos;
         at = scan_.find('{', at + 1)) {
      if (at + 1 >= scan_.size()) break;
      char next = scan_[at + 1];
      if (next == '{' || next == '%' || next == '#') return at;
    }
    return std::string_view::npos;
  }

  // The start of the next fence at or after `from`.
  size_t NextFence(size_t from) {
    while (next_fence_ < fences_.size() && fences_[next_fence_].open < from)
      ++next_fence_;
    return next_fence_ < fences_.size() ? fences_[next_fence_].open
                                        : std::string_view::npos;
  }

  void AddText(Block* block, size_t begin, size_t end, bool trim_end) {
    if (trim_next_text_) {
      while (begin < end && IsSpace(scan_[begin])) ++begin;
      trim_next_text_ = false;
    }
    if (trim_end) {
      while (end > begin && IsSpace(scan_[end - 1])) --end;
    }
    if (begin < end) block->push_back(Node{TextNode{begin, end}});
  }

  void AddFence(Block* block) {
    const Fence& fence = fences_[next_fence_];
    block->push_back(Node{
        FenceNode{fence.open, fence.inner_begin, fence.close, fence.close}});
    pos_ = fence.close_end;
    trim_next_text_ = false;
  }

  // Text passed through as it is (a raw body), fences still protected.
  void AddVerbatim(Block* block, size_t begin, size_t end) {
    size_t fence = NextFence(begin);
    while (fence != std::string_view::npos && fence < end) {
      AddText(block, begin, fence, false);
      AddFence(block);
      begin = pos_;
      fence = NextFence(begin);
    }
    AddText(block, begin, end, false);
  }

  bool SkipComment(size_t tag, bool trim_left) {
    size_t inner = tag + (trim_left ? 3 : 2);
    size_t close = scan_.find("#}", inner);
    if (close == std::string_view::npos) {
      Error(tag, "'{#' is not closed (missing '#}')");
      return false;
    }
    trim_next_text_ = close > inner && scan_[close - 1] == '-';
    pos_ = close + 2;
    return true;
  }

  // The closing quote of a string starting at `quote`; strings end on
  // their own line.
  size_t FindQuoteEnd(size_t quote, size_t limit) const {
    for (size_t at = quote + 1; at < limit && scan_[at] != '\n'; ++at) {
      if (scan_[at] == scan_[quote]) return at;
    }
    return std::string_view::npos;
  }

  // The closing delimiter of a tag, skipping string literals that could
  // contain it.
  size_t FindClose(size_t from, char first, char second) const {
    for (size_t at = from; at + 1 < scan_.size(); ++at) {
      char c = scan_[at];
      if (c == '"' || c == '\'') {
        size_t quote_end = FindQuoteEnd(at, scan_.size());
        if (quote_end != std::string_view::npos) at = quote_end;
      } else if (c == first && scan_[at + 1] == second) {
        return at;
      }
    }
    return std::string_view::npos;
  }

  // Reads the `{{ }}` or `{% %}` tag at `tag` into tokens_.
  bool ReadTag(size_t tag, bool trim_left) {
    bool is_print = scan_[tag + 1] == '{';
    size_t inner = tag + (trim_left ? 3 : 2);
    size_t close = FindClose(inner, is_print ? '}' : '%', '}');
    if (close == std::string_view::npos) {
      Error(tag, is_print ? "'{{' is not closed (missing '}}')"
                          : "'{%' is not closed (missing '%}')");
      return false;
    }
    bool trim_right = close > inner && scan_[close - 1] == '-';
    size_t inner_end = trim_right ? close - 1 : close;
    pos_ = close + 2;
    trim_next_text_ = trim_right;
    return Tokenize(inner, inner_end, close + 2);
  }

  bool Tokenize(size_t begin, size_t end, size_t close_end) {
    tokens_.clear();
    next_token_ = 0;
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
      } else if (c == '"' || c == '\'') {
        size_t quote_end = FindQuoteEnd(at, end);
        if (quote_end == std::string_view::npos) {
          Error(at, "string is not closed");
          return false;
        }
        kind = TokenKind::kString;
        at = quote_end + 1;
      } else {
        at = ReadPunctuation(at, end, &kind);
      }
      tokens_.push_back({kind, start, at});
    }
    tokens_.push_back({TokenKind::kEnd, end, close_end});
    return true;
  }

  size_t ReadPunctuation(size_t at, size_t end, TokenKind* kind) const {
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

  const Token& Peek() const { return tokens_[next_token_]; }
  void Advance() {
    if (next_token_ + 1 < tokens_.size()) ++next_token_;
  }
  size_t PreviousEnd() const { return tokens_[next_token_ - 1].end; }
  std::string_view TokenText(const Token& token) const {
    return std::string_view(scan_).substr(token.begin, token.end - token.begin);
  }
  bool PeekIs(TokenKind kind) const { return Peek().kind == kind; }
  bool PeekWord(std::string_view word) const {
    return PeekIs(TokenKind::kName) && TokenText(Peek()) == word;
  }

  // Says why `token` cannot stand where `expected` was wanted, naming the
  // unsupported Tera feature when it is one.
  void ReportUnexpected(const Token& token, std::string_view expected) {
    std::string text(TokenText(token));
    switch (token.kind) {
      case TokenKind::kNumber:
        Error(token.begin,
              "number '" + text + "' is not supported in the AGPM dialect");
        return;
      case TokenKind::kOperator:
        Error(token.begin,
              std::string(IsComparison(text) ? "comparison '" : "operator '") +
                  text + "' is not supported in the AGPM dialect");
        return;
      case TokenKind::kFence:
        Error(token.begin, "a '```literal' block cannot be inside a tag");
        return;
      case TokenKind::kOther:
        Error(token.begin, "unexpected character '" + text + "'");
        return;
      default:
        break;
    }
    Error(token.begin,
          "expected " + std::string(expected) + ", found '" + text + "'");
  }

  // Like ReportUnexpected, for a token that follows a complete value, where
  // Tera would read a test or an operator.
  void ReportAfterValue(const Token& token, std::string_view expected,
                        bool in_condition) {
    if (token.kind == TokenKind::kName) {
      std::string_view word = TokenText(token);
      if (word == "is" || word == "in") {
        Error(token.begin, "'" + std::string(word) +
                               "' tests are not supported in the AGPM dialect");
        return;
      }
      if (!in_condition && (word == "and" || word == "or" || word == "not")) {
        Error(token.begin,
              "'" + std::string(word) + "' is only supported in '{% if %}'");
        return;
      }
    }
    ReportUnexpected(token, expected);
  }

  bool ExpectEnd(bool in_condition) {
    if (PeekIs(TokenKind::kEnd)) return true;
    size_t end = tokens_.back().begin;
    std::string closer(scan_.substr(end, tokens_.back().end - end));
    if (!closer.empty() && closer.front() == '-') closer.erase(0, 1);
    ReportAfterValue(Peek(), "'" + closer + "'", in_condition);
    return false;
  }

  bool ParsePrimary(Value* value, bool in_condition) {
    const Token& token = Peek();
    value->begin = token.begin;
    if (token.kind == TokenKind::kString) {
      value->is_literal = true;
      value->literal = std::string(
          scan_.substr(token.begin + 1, token.end - token.begin - 2));
      Advance();
      value->path_end = PreviousEnd();
      return true;
    }
    if (token.kind == TokenKind::kLBracket) {
      Error(token.begin, "list literals are not supported in the AGPM dialect");
      return false;
    }
    if (token.kind == TokenKind::kLParen && !in_condition) {
      Error(token.begin, "parentheses are only supported in '{% if %}'");
      return false;
    }
    std::string_view word = TokenText(token);
    if (token.kind != TokenKind::kName || IsKeyword(word)) {
      if (!in_condition && token.kind == TokenKind::kName && word == "not") {
        ReportAfterValue(token, "", false);
      } else {
        ReportUnexpected(token, "an expression");
      }
      return false;
    }
    if (IsTeraLiteral(word)) {
      Error(token.begin, "literal '" + std::string(word) +
                             "' is not supported in the AGPM dialect");
      return false;
    }
    return ParsePath(value);
  }

  bool ParsePath(Value* value) {
    value->path.push_back({std::string(TokenText(Peek())), Peek().end});
    Advance();
    while (true) {
      if (PeekIs(TokenKind::kDot)) {
        Advance();
        if (!PeekIs(TokenKind::kName)) {
          ReportUnexpected(Peek(), "a name after '.'");
          return false;
        }
        value->path.push_back({std::string(TokenText(Peek())), Peek().end});
        Advance();
      } else if (PeekIs(TokenKind::kLBracket)) {
        Advance();
        const Token& key = Peek();
        if (key.kind != TokenKind::kString) {
          Error(key.begin, "only string literals are supported inside '[ ]'");
          return false;
        }
        Advance();
        if (!PeekIs(TokenKind::kRBracket)) {
          ReportUnexpected(Peek(), "']'");
          return false;
        }
        value->path.push_back(
            {std::string(scan_.substr(key.begin + 1, key.end - key.begin - 2)),
             Peek().end});
        Advance();
      } else {
        break;
      }
    }
    value->path_end = PreviousEnd();
    if (PeekIs(TokenKind::kLParen)) {
      Error(value->begin,
            "function call '" +
                std::string(scan_.substr(value->begin,
                                         value->path_end - value->begin)) +
                "' is not supported in the AGPM dialect");
      return false;
    }
    return true;
  }

  bool ParseValue(Value* value, bool in_condition) {
    if (!ParsePrimary(value, in_condition)) return false;
    while (PeekIs(TokenKind::kPipe)) {
      Advance();
      const Token& name = Peek();
      if (name.kind != TokenKind::kName) {
        ReportUnexpected(name, "a filter name after '|'");
        return false;
      }
      std::string_view word = TokenText(name);
      Filter filter;
      filter.offset = name.begin;
      Advance();
      if (word == "content") {
        if (PeekIs(TokenKind::kLParen)) {
          Error(Peek().begin, "filter 'content' takes no arguments");
          return false;
        }
      } else if (word == "default") {
        filter.kind = Filter::Kind::kDefault;
        filter.fallback = std::make_unique<Value>();
        if (!ParseDefaultArgument(filter.fallback.get(), in_condition))
          return false;
      } else {
        Error(name.begin, "filter '" + std::string(word) +
                              "' is not supported (only 'content' and "
                              "'default')");
        return false;
      }
      value->filters.push_back(std::move(filter));
    }
    value->end = PreviousEnd();
    return true;
  }

  // `(value=<primary>)` after `default`.
  bool ParseDefaultArgument(Value* fallback, bool in_condition) {
    const char* kShape = "expected 'default(value=...)'";
    if (!PeekIs(TokenKind::kLParen)) {
      Error(Peek().begin, kShape);
      return false;
    }
    Advance();
    if (!PeekWord("value")) {
      Error(Peek().begin, kShape);
      return false;
    }
    Advance();
    if (!PeekIs(TokenKind::kAssign)) {
      Error(Peek().begin, kShape);
      return false;
    }
    Advance();
    if (!ParsePrimary(fallback, in_condition)) return false;
    fallback->end = fallback->path_end;
    if (!PeekIs(TokenKind::kRParen)) {
      ReportAfterValue(Peek(), "')'", in_condition);
      return false;
    }
    Advance();
    return true;
  }

  // or-expression: not binds tightest, then and, then or.
  bool ParseOr(Condition* out, int depth) {
    Condition first;
    if (!ParseAnd(&first, depth)) return false;
    if (!PeekWord("or")) {
      *out = std::move(first);
      return true;
    }
    out->kind = Condition::Kind::kOr;
    out->operands.push_back(std::move(first));
    while (PeekWord("or")) {
      Advance();
      out->operands.emplace_back();
      if (!ParseAnd(&out->operands.back(), depth)) return false;
    }
    return true;
  }

  bool ParseAnd(Condition* out, int depth) {
    Condition first;
    if (!ParseNot(&first, depth)) return false;
    if (!PeekWord("and")) {
      *out = std::move(first);
      return true;
    }
    out->kind = Condition::Kind::kAnd;
    out->operands.push_back(std::move(first));
    while (PeekWord("and")) {
      Advance();
      out->operands.emplace_back();
      if (!ParseNot(&out->operands.back(), depth)) return false;
    }
    return true;
  }

  bool ParseNot(Condition* out, int depth) {
    // A run of 'not's folds to its parity, so no run can nest deeply.
    bool negate = false;
    while (PeekWord("not")) {
      negate = !negate;
      Advance();
    }
    if (!negate) return ParseAtom(out, depth);
    out->kind = Condition::Kind::kNot;
    out->operands.emplace_back();
    return ParseAtom(&out->operands.back(), depth);
  }

  bool ParseAtom(Condition* out, int depth) {
    if (!PeekIs(TokenKind::kLParen)) {
      out->kind = Condition::Kind::kValue;
      return ParseValue(&out->value, true);
    }
    if (depth >= kMaxNesting) {
      Error(Peek().begin, std::string(kTooDeep));
      return false;
    }
    Advance();
    if (!ParseOr(out, depth + 1)) return false;
    if (!PeekIs(TokenKind::kRParen)) {
      ReportAfterValue(Peek(), "')'", true);
      return false;
    }
    Advance();
    return true;
  }

  bool ParseCondition(Condition* out) {
    return ParseOr(out, 0) && ExpectEnd(true);
  }

  bool ParsePrint(Block* block, size_t tag) {
    PrintNode print;
    print.tag = tag;
    if (!ParseValue(&print.value, false) || !ExpectEnd(false)) return false;
    block->push_back(Node{std::move(print)});
    return true;
  }

  bool ParseIf(Block* block, size_t tag, int depth) {
    if (depth >= kMaxNesting) {
      Error(tag, std::string(kTooDeep));
      return false;
    }
    IfNode node;
    Branch branch;
    branch.condition.emplace();
    if (!ParseCondition(&*branch.condition)) return false;
    open_.push_back({"if", tag});
    bool seen_else = false;
    while (true) {
      Stop stop;
      if (!ParseBlock(&branch.body, depth + 1, &stop)) return false;
      node.branches.push_back(std::move(branch));
      branch = Branch();
      if (stop.name == "endif") {
        if (!ExpectEnd(false)) return false;
        break;
      }
      if (stop.name != "elif" && stop.name != "else") {
        ReportMisplaced(stop);
        return false;
      }
      if (seen_else) {
        Error(stop.offset, "'" + stop.name + "' cannot follow 'else'");
        return false;
      }
      if (stop.name == "else") {
        seen_else = true;
        if (!ExpectEnd(false)) return false;
      } else {
        branch.condition.emplace();
        if (!ParseCondition(&*branch.condition)) return false;
      }
    }
    open_.pop_back();
    block->push_back(Node{std::move(node)});
    return true;
  }

  bool ParseLoopName(std::string* name) {
    if (!PeekIs(TokenKind::kName) || IsKeyword(TokenText(Peek()))) {
      ReportUnexpected(Peek(), "a loop variable name");
      return false;
    }
    *name = std::string(TokenText(Peek()));
    Advance();
    return true;
  }

  bool ParseFor(Block* block, size_t tag, int depth) {
    if (depth >= kMaxNesting) {
      Error(tag, std::string(kTooDeep));
      return false;
    }
    ForNode node;
    node.tag = tag;
    if (!ParseLoopName(&node.value_name)) return false;
    if (PeekIs(TokenKind::kComma)) {
      Advance();
      node.key_name = std::move(node.value_name);
      if (!ParseLoopName(&node.value_name)) return false;
    }
    if (!PeekWord("in")) {
      ReportUnexpected(Peek(), "'in'");
      return false;
    }
    Advance();
    if (!ParseValue(&node.iterable, false) || !ExpectEnd(false)) return false;
    open_.push_back({"for", tag});
    Stop stop;
    if (!ParseBlock(&node.body, depth + 1, &stop)) return false;
    if (stop.name != "endfor") {
      ReportMisplaced(stop);
      return false;
    }
    if (!ExpectEnd(false)) return false;
    open_.pop_back();
    block->push_back(Node{std::move(node)});
    return true;
  }

  bool ParseRaw(Block* block, size_t tag) {
    if (!ExpectEnd(false)) return false;
    size_t body = pos_;
    if (trim_next_text_) {
      while (body < scan_.size() && IsSpace(scan_[body])) ++body;
      trim_next_text_ = false;
    }
    for (size_t at = scan_.find("{%", body); at != std::string_view::npos;
         at = scan_.find("{%", at + 1)) {
      bool trim_left = false;
      bool trim_right = false;
      size_t after = MatchEndRaw(at, &trim_left, &trim_right);
      if (after == std::string_view::npos) continue;
      size_t body_end = at;
      if (trim_left) {
        while (body_end > body && IsSpace(scan_[body_end - 1])) --body_end;
      }
      AddVerbatim(block, body, body_end);
      pos_ = after;
      trim_next_text_ = trim_right;
      return true;
    }
    Error(tag, "'raw' is not closed (missing '{% endraw %}')");
    return false;
  }

  // When an `{% endraw %}` tag starts at `at`, the offset just past it.
  size_t MatchEndRaw(size_t at, bool* trim_left, bool* trim_right) const {
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

  void ReportNotClosed(const OpenBlock& open) {
    std::string kind(open.kind);
    Error(open.offset,
          "'" + kind + "' is not closed (missing '{% end" + kind + " %}')");
  }

  // `stop` ended a block it does not belong to. When a block it would close
  // is open further out, the innermost block is the one left unclosed.
  void ReportMisplaced(const Stop& stop) {
    if (stop.name.empty()) {
      ReportNotClosed(open_.back());
      return;
    }
    std::string_view opener = stop.name == "endfor" ? "for" : "if";
    bool enclosed = std::any_of(
        open_.begin(), open_.end(),
        [opener](const OpenBlock& open) { return open.kind == opener; });
    if (enclosed) {
      ReportNotClosed(open_.back());
    } else {
      Error(stop.offset, "'" + stop.name + "' has no matching '" +
                             std::string(opener) + "'");
    }
  }

  std::string_view text_;
  std::string_view scan_;
  std::string masked_;
  const Locator& locate_;
  DiagnosticSink& sink_;
  std::vector<Fence> fences_;
  size_t next_fence_ = 0;
  size_t pos_ = 0;
  bool trim_next_text_ = false;
  std::vector<Token> tokens_;
  size_t next_token_ = 0;
  std::vector<OpenBlock> open_;
};

// ---------------------------------------------------------------------------
// Rendering.

std::string Describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a float";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "a table";
    default:
      return "a binary value";
  }
}

struct Result {
  enum class Status { kDefined, kUndefined, kFailed };
  Status status = Status::kFailed;
  const json* ref = nullptr;
  json owned;
  const Value* path = nullptr;   // kUndefined: the path that did not resolve,
  size_t missing = 0;            // its first missing segment
  const json* parent = nullptr;  // and what lacked it (null: the root)

  const json& value() const { return ref != nullptr ? *ref : owned; }
};

Result Defined(const json* value) {
  Result result;
  result.status = Result::Status::kDefined;
  result.ref = value;
  return result;
}

Result Undefined(const Value* path, size_t missing, const json* parent) {
  Result result;
  result.status = Result::Status::kUndefined;
  result.path = path;
  result.missing = missing;
  result.parent = parent;
  return result;
}

class Renderer {
 public:
  Renderer(std::string_view text, const Locator& locate, const json& context,
           const ContentFilter& content, DiagnosticSink& sink,
           OffsetMap* offsets, WorkBudget& budget)
      : text_(text),
        locate_(locate),
        context_(context),
        content_(content),
        sink_(sink),
        offsets_(offsets),
        budget_(budget) {}

  std::optional<std::string> Run(const Block& root) {
    out_.reserve(text_.size());
    RenderBlock(root);
    if (failed_) return std::nullopt;
    return std::move(out_);
  }

 private:
  struct Binding {
    std::string_view name;
    const json* value;
  };

  // Reports once per position: a loop repeats its body's errors otherwise.
  void Error(size_t offset, std::string message) {
    failed_ = true;
    if (!reported_.insert(offset).second) return;
    sink_.Error(locate_(offset), std::move(message));
  }

  std::string Written(size_t begin, size_t end) const {
    return std::string(text_.substr(begin, end - begin));
  }

  // A limit is reported where the work that crossed it began: inside a loop
  // at the outermost loop (the repetition is the cause, not the tag that
  // happened to come last), elsewhere at the construct itself. The render
  // stops there.
  void StopAtLimit(size_t offset, std::string message) {
    full_ = true;
    Error(loop_depth_ > 0 ? outermost_loop_ : offset, std::move(message));
  }

  // Whether `size` more bytes still fit the output limit.
  bool Fits(size_t size, size_t offset) {
    if (full_) return false;
    if (out_.size() + size <= kMaxRenderedSize) return true;
    StopAtLimit(offset, RenderedSizeLimitMessage());
    return false;
  }

  // Counts one step (a loop iteration, a print, a filter call) against the
  // budget of the whole render. Nested loops multiply, and a loop that
  // prints nothing is not stopped by the output limit.
  bool Step(size_t offset) {
    if (full_) return false;
    if (budget_.TakeSteps()) return true;
    StopAtLimit(offset, StepLimitMessage(budget_));
    return false;
  }

  void AppendCopied(size_t begin, size_t end) {
    if (begin >= end || !Fits(end - begin, begin)) return;
    if (offsets_ != nullptr) offsets_->AddCopied(out_.size(), begin);
    out_.append(text_.substr(begin, end - begin));
  }

  void AppendProduced(size_t tag, std::string_view text) {
    if (text.empty() || !Fits(text.size(), tag)) return;
    if (offsets_ != nullptr) offsets_->AddProduced(out_.size(), tag);
    out_.append(text);
  }

  void RenderBlock(const Block& block) {
    for (const Node& node : block) {
      if (full_) return;
      if (const auto* text = std::get_if<TextNode>(&node.v)) {
        AppendCopied(text->begin, text->end);
      } else if (const auto* fence = std::get_if<FenceNode>(&node.v)) {
        AppendProduced(fence->open, "```\n");
        AppendCopied(fence->inner_begin, fence->inner_end);
        AppendProduced(fence->close, "```");
      } else if (const auto* print = std::get_if<PrintNode>(&node.v)) {
        RenderPrint(*print);
      } else if (const auto* if_node = std::get_if<IfNode>(&node.v)) {
        RenderIf(*if_node);
      } else if (const auto* for_node = std::get_if<ForNode>(&node.v)) {
        RenderFor(*for_node);
      }
    }
  }

  void RenderPrint(const PrintNode& print) {
    if (!Step(print.tag)) return;
    Result result = Evaluate(print.value);
    if (result.status == Result::Status::kUndefined) {
      ReportUndefined(result);
      return;
    }
    if (result.status == Result::Status::kFailed) return;
    const json& value = result.value();
    if (value.is_string()) {
      AppendProduced(print.tag, value.get_ref<const std::string&>());
      return;
    }
    std::optional<std::string> text = PrintScalar(value);
    if (!text) {
      Error(print.value.begin, "cannot print " + Describe(value) + " ('" +
                                   Written(print.value.begin, print.value.end) +
                                   "'); iterate it with '{% for %}'");
      return;
    }
    AppendProduced(print.tag, *text);
  }

  void RenderIf(const IfNode& node) {
    for (const Branch& branch : node.branches) {
      if (!branch.condition || Test(*branch.condition)) {
        RenderBlock(branch.body);
        return;
      }
    }
  }

  void RenderFor(const ForNode& node) {
    const Value& iterable = node.iterable;
    Result result = Evaluate(iterable);
    if (result.status == Result::Status::kUndefined) {
      ReportUndefined(result);
      return;
    }
    if (result.status == Result::Status::kFailed) return;
    const json& items = result.value();
    if (loop_depth_++ == 0) outermost_loop_ = node.tag;
    RenderLoop(node, items);
    --loop_depth_;
  }

  void RenderLoop(const ForNode& node, const json& items) {
    const Value& iterable = node.iterable;
    auto written = [&] { return Written(iterable.begin, iterable.end); };
    if (items.is_array()) {
      if (!node.key_name.empty()) {
        Error(iterable.begin, "cannot iterate a list with two names ('" +
                                  written() + "'); write '{% for item in " +
                                  written() + " %}'");
        return;
      }
      for (const json& item : items) {
        if (!Step(node.tag)) return;
        scope_.push_back({node.value_name, &item});
        RenderBlock(node.body);
        scope_.pop_back();
      }
    } else if (items.is_object()) {
      if (node.key_name.empty()) {
        Error(iterable.begin,
              "cannot iterate a table with one name ('" + written() +
                  "'); write '{% for key, value in " + written() + " %}'");
        return;
      }
      for (auto item = items.begin(); item != items.end(); ++item) {
        if (!Step(node.tag)) return;
        json key = item.key();
        scope_.push_back({node.key_name, &key});
        scope_.push_back({node.value_name, &item.value()});
        RenderBlock(node.body);
        scope_.pop_back();
        scope_.pop_back();
      }
    } else {
      Error(iterable.begin,
            "cannot iterate " + Describe(items) + " ('" + written() + "')");
    }
  }

  bool Test(const Condition& condition) {
    switch (condition.kind) {
      case Condition::Kind::kValue: {
        Result result = Evaluate(condition.value);
        return result.status == Result::Status::kDefined &&
               IsTruthy(result.value());
      }
      case Condition::Kind::kNot:
        return !Test(condition.operands.front());
      case Condition::Kind::kAnd:
        for (const Condition& operand : condition.operands) {
          if (!Test(operand)) return false;
        }
        return true;
      case Condition::Kind::kOr:
        for (const Condition& operand : condition.operands) {
          if (Test(operand)) return true;
        }
        return false;
    }
    return false;
  }

  Result Evaluate(const Value& value) {
    Result result = value.is_literal ? Defined(&value.literal) : Lookup(value);
    for (const Filter& filter : value.filters) {
      if (!Step(filter.offset)) return Result();
      if (filter.kind == Filter::Kind::kDefault) {
        // Only an undefined value is replaced; null counts as defined.
        if (result.status == Result::Status::kUndefined)
          result = Evaluate(*filter.fallback);
      } else if (result.status == Result::Status::kDefined) {
        result = ApplyContent(result.value(), value, filter);
      }
    }
    return result;
  }

  Result ApplyContent(const json& path, const Value& value,
                      const Filter& filter) {
    if (!path.is_string()) {
      Error(filter.offset,
            "filter 'content' needs a string (a file path), not " +
                Describe(path));
      return Result();
    }
    if (!content_) {
      Error(filter.offset, "filter 'content' is not available here");
      return Result();
    }
    std::optional<std::string> text = content_(
        path.get_ref<const std::string&>(), locate_(value.begin), sink_);
    if (!text) {
      failed_ = true;  // the filter has reported why
      return Result();
    }
    Result result;
    result.status = Result::Status::kDefined;
    result.owned = std::move(*text);
    return result;
  }

  // Loop variables shadow the context, innermost first.
  Result Lookup(const Value& value) {
    const std::string& first = value.path.front().key;
    const json* current = nullptr;
    for (auto binding = scope_.rbegin(); binding != scope_.rend(); ++binding) {
      if (binding->name == first) {
        current = binding->value;
        break;
      }
    }
    if (current == nullptr) {
      auto found = context_.find(first);
      if (found == context_.end()) return Undefined(&value, 0, nullptr);
      current = &*found;
    }
    for (size_t i = 1; i < value.path.size(); ++i) {
      if (!current->is_object()) return Undefined(&value, i, current);
      auto found = current->find(value.path[i].key);
      if (found == current->end()) return Undefined(&value, i, current);
      current = &*found;
    }
    return Defined(current);
  }

  void ReportUndefined(const Result& result) {
    const Value& value = *result.path;
    // Inside a loop the same name fails once per iteration: the message,
    // with its search for a suggestion, is built the first time only.
    if (reported_.count(value.begin)) {
      failed_ = true;
      return;
    }
    const std::string& missing = value.path[result.missing].key;
    std::string message =
        "undefined name '" + Written(value.begin, value.path_end) + "'";
    if (result.parent != nullptr && !result.parent->is_object()) {
      message += "; '" +
                 Written(value.begin, value.path[result.missing - 1].end) +
                 "' is " + Describe(*result.parent) + ", not a table";
    } else {
      std::vector<std::string_view> keys;
      const json& level = result.parent != nullptr ? *result.parent : context_;
      if (level.is_object()) {
        for (auto item = level.begin(); item != level.end(); ++item)
          keys.push_back(item.key());
      }
      if (result.parent == nullptr) {
        for (const Binding& binding : scope_) keys.push_back(binding.name);
      }
      if (std::optional<std::string> near = NearestName(
              missing, std::vector<std::string>(keys.begin(), keys.end())))
        message += "; did you mean '" + *near + "'?";
    }
    if (IsDependencyKey(value, result)) {
      message += "; no dependency '" + missing + "' is declared under '" +
                 value.path[2].key + "' (add a 'dependencies:' entry for it)";
    }
    Error(value.begin, message);
  }

  // Whether the lookup failed at the <key> of `agpm.deps.<category>.<key>`.
  static bool IsDependencyKey(const Value& value, const Result& result) {
    return result.missing == 3 && result.parent != nullptr &&
           result.parent->is_object() && value.path[0].key == "agpm" &&
           value.path[1].key == "deps";
  }

  std::string_view text_;
  const Locator& locate_;
  const json& context_;
  const ContentFilter& content_;
  DiagnosticSink& sink_;
  OffsetMap* offsets_;
  WorkBudget& budget_;
  std::string out_;
  std::vector<Binding> scope_;
  std::set<size_t> reported_;
  bool failed_ = false;
  bool full_ = false;          // a limit was reached: the render stops
  int loop_depth_ = 0;         // loops entered and not left
  size_t outermost_loop_ = 0;  // the `{%` of the outermost of them
};

}  // namespace

// ---------------------------------------------------------------------------

void OffsetMap::AddCopied(size_t out_begin, size_t in_begin) {
  // A copy that continues the previous one needs no run of its own.
  if (!runs_.empty() && runs_.back().copied &&
      out_begin - runs_.back().out_begin == in_begin - runs_.back().in_begin &&
      out_begin >= runs_.back().out_begin) {
    return;
  }
  runs_.push_back({out_begin, in_begin, true});
}

void OffsetMap::AddProduced(size_t out_begin, size_t in_begin) {
  runs_.push_back({out_begin, in_begin, false});
}

size_t OffsetMap::ToInput(size_t out) const {
  if (runs_.empty()) return out;
  auto after = std::upper_bound(
      runs_.begin(), runs_.end(), out,
      [](size_t offset, const Run& run) { return offset < run.out_begin; });
  if (after == runs_.begin()) return runs_.front().in_begin;
  const Run& run = *(after - 1);
  return run.copied ? run.in_begin + (out - run.out_begin) : run.in_begin;
}

AgpmTemplate::AgpmTemplate() = default;
AgpmTemplate::AgpmTemplate(AgpmTemplate&&) noexcept = default;
AgpmTemplate& AgpmTemplate::operator=(AgpmTemplate&&) noexcept = default;
AgpmTemplate::~AgpmTemplate() = default;

std::optional<AgpmTemplate> AgpmTemplate::Parse(std::string text,
                                                Locator locate,
                                                DiagnosticSink& sink) {
  try {
    auto root = std::make_unique<AgpmNode>();
    Parser parser(text, locate, sink);
    if (!parser.Run(&root->body)) return std::nullopt;
    AgpmTemplate parsed;
    parsed.text_ = std::move(text);
    parsed.locate_ = std::move(locate);
    parsed.root_ = std::move(root);
    return std::optional<AgpmTemplate>(std::move(parsed));
  } catch (const std::exception& e) {
    sink.Error(locate(0),
               std::string("cannot parse the template: ") + e.what());
    return std::nullopt;
  }
}

std::optional<std::string> AgpmTemplate::Render(const nlohmann::json& context,
                                                const ContentFilter& content,
                                                DiagnosticSink& sink,
                                                OffsetMap* offsets,
                                                WorkBudget* budget) const {
  if (root_ == nullptr) return std::nullopt;  // a moved-from template
  WorkBudget own_budget;
  try {
    Renderer renderer(text_, locate_, context, content, sink, offsets,
                      budget != nullptr ? *budget : own_budget);
    return renderer.Run(root_->body);
  } catch (const std::exception& e) {
    sink.Error(locate_(0),
               std::string("cannot render the template: ") + e.what());
    return std::nullopt;
  }
}

std::optional<std::string> PrintScalar(const nlohmann::json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return std::string();
    case json::value_t::boolean:
      return std::string(value.get<bool>() ? "true" : "false");
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return value.dump();
    case json::value_t::number_float: {
      // nlohmann writes NaN and infinities as null; print them as Rust does.
      double number = value.get<double>();
      if (std::isnan(number)) return std::string("NaN");
      if (std::isinf(number)) return std::string(number > 0 ? "inf" : "-inf");
      return value.dump();  // shortest round-trip form, `.0` when whole
    }
    default:
      return std::nullopt;
  }
}

bool IsTruthy(const nlohmann::json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return false;
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
      return value.get<std::int64_t>() != 0;
    case json::value_t::number_unsigned:
      return value.get<std::uint64_t>() != 0;
    case json::value_t::number_float:
      return value.get<double>() != 0.0;
    case json::value_t::string:
      // json::empty() is false for every scalar, an empty string included.
      return !value.get_ref<const std::string&>().empty();
    case json::value_t::array:
    case json::value_t::object:
      return !value.empty();
    default:
      return true;
  }
}

}  // namespace agentgen
