// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_parser.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engines/agpm/agpm_filters.h"
#include "engines/agpm/agpm_lexer.h"

namespace agentgen::agpm {
namespace {

constexpr std::string_view kTooDeep =
    "nesting is too deep (more than 64 levels)";

// Where a parse stopped on a tag that belongs to an enclosing block.
struct Stop {
  std::string name;  // empty at the end of the text
  size_t offset = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const Locator& locate, DiagnosticSink& sink)
      : lexer_(text),
        text_(lexer_.text()),
        scan_(lexer_.scan()),
        fences_(lexer_.fences()),
        locate_(locate),
        sink_(sink) {}

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
      size_t tag = lexer_.FindTagStart(pos_);
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
    if (begin < end) block->emplace_back(TextNode{begin, end});
  }

  void AddFence(Block* block) {
    const Fence& fence = fences_[next_fence_];
    block->emplace_back(
        FenceNode{fence.open, fence.inner_begin, fence.close, fence.close});
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

  // Reads the `{{ }}` or `{% %}` tag at `tag` into tokens_.
  bool ReadTag(size_t tag, bool trim_left) {
    bool is_print = scan_[tag + 1] == '{';
    size_t inner = tag + (trim_left ? 3 : 2);
    size_t close = lexer_.FindClose(inner, is_print ? '}' : '%', '}');
    if (close == std::string_view::npos) {
      Error(tag, is_print ? "'{{' is not closed (missing '}}')"
                          : "'{%' is not closed (missing '%}')");
      return false;
    }
    bool trim_right = close > inner && scan_[close - 1] == '-';
    size_t inner_end = trim_right ? close - 1 : close;
    pos_ = close + 2;
    trim_next_text_ = trim_right;
    next_token_ = 0;
    if (std::optional<LexError> error =
            lexer_.Tokenize(inner, inner_end, close + 2, &tokens_)) {
      Error(error->offset, std::move(error->message));
      return false;
    }
    return true;
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
      std::optional<Filter::Kind> kind = FindFilterKind(word);
      if (!kind) {
        Error(name.begin, "filter '" + std::string(word) +
                              "' is not supported (only " + kFilterNames + ")");
        return false;
      }
      filter.kind = *kind;
      if (filter.kind == Filter::Kind::kContent) {
        if (PeekIs(TokenKind::kLParen)) {
          Error(Peek().begin, "filter 'content' takes no arguments");
          return false;
        }
      } else {
        filter.fallback = std::make_unique<Value>();
        if (!ParseDefaultArgument(filter.fallback.get(), in_condition))
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
    block->emplace_back(std::move(print));
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
    block->emplace_back(std::move(node));
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
    block->emplace_back(std::move(node));
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
      size_t after = lexer_.MatchEndRaw(at, &trim_left, &trim_right);
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

  const Lexer lexer_;
  std::string_view text_;
  std::string_view scan_;
  const std::vector<Fence>& fences_;
  const Locator& locate_;
  DiagnosticSink& sink_;
  size_t next_fence_ = 0;
  size_t pos_ = 0;
  bool trim_next_text_ = false;
  std::vector<Token> tokens_;
  size_t next_token_ = 0;
  std::vector<OpenBlock> open_;
};

}  // namespace

bool ParseTemplate(std::string_view text, const Locator& locate,
                   DiagnosticSink& sink, Block* root) {
  return Parser(text, locate, sink).Run(root);
}

}  // namespace agentgen::agpm
