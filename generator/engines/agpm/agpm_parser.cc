// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_parser.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/nearest_name.h"
#include "engines/agpm/agpm_lexer.h"
#include "engines/agpm/builtins/builtins.h"

namespace agentgen::agpm {
namespace {

constexpr std::string_view kTooDeep =
    "nesting is too deep (more than 64 levels)";
constexpr size_t kNone = std::string_view::npos;
// Operators and filters in one tag. Evaluation recurses once per operator, so
// this bounds the stack a tag can take (a sanitizer build's frames are large).
constexpr int kMaxLinks = 256;

// Where a parse stopped on a tag that belongs to an enclosing block.
struct Stop {
  std::string name;  // empty at the end of the text
  size_t offset = 0;
  bool trim_left = false;
  bool trim_right = false;
};

// What the blocks around a tag allow.
struct Place {
  bool in_loop = false;      // break and continue
  bool in_for_else = false;  // no `-` on any tag
};

// Tags Tera has and the dialect refuses, with the reason.
const char* UnsupportedTagReason(std::string_view word) {
  if (word == "macro" || word == "endmacro")
    return "macros are unsupported in the AGPM dialect";
  if (word == "filter" || word == "endfilter")
    return "'{% filter %}' blocks are unsupported in the AGPM dialect; "
           "apply the filter to a value with '|'";
  if (word == "include" || word == "extends" || word == "import")
    return "is unsupported in the AGPM dialect (one template per render; "
           "embed a file with '| content')";
  if (word == "block" || word == "endblock")
    return "blocks are unsupported in the AGPM dialect (no template "
           "inheritance)";
  return nullptr;
}

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
    if (const std::optional<FenceError>& error = lexer_.fence_error()) {
      Error(error->offset, error->message);
      return false;
    }
    Stop stop;
    if (!ParseBlock(root, 0, Place(), &stop)) return false;
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

  // An unknown name at [begin, end) of the kind `what` ("filter", "test",
  // "argument"), with the nearest of `known` as a did-you-mean edit.
  void ReportUnknown(size_t begin, size_t end, const std::string& what,
                     std::string_view typed,
                     const std::vector<std::string_view>& known,
                     const std::string& suffix = "") {
    Diagnostic diagnostic;
    diagnostic.where = locate_(begin);
    diagnostic.end = locate_(end);
    diagnostic.message = "unknown " + what + " '" + std::string(typed) + "'";
    std::optional<std::string> near = NearestName(
        typed, std::vector<std::string>(known.begin(), known.end()));
    // An abbreviation (`len` for `length`) is too far by edits alone.
    for (size_t i = 0; !near && typed.size() >= 2 && i < known.size(); ++i) {
      if (known[i].substr(0, typed.size()) == typed)
        near = std::string(known[i]);
    }
    if (near) {
      diagnostic.message += "; did you mean '" + *near + "'?";
      diagnostic.replacement = *near;
    } else if (!known.empty()) {
      diagnostic.message += " (known: ";
      for (size_t i = 0; i < known.size(); ++i)
        diagnostic.message += (i > 0 ? ", " : "") + std::string(known[i]);
      diagnostic.message += ")";
    }
    diagnostic.message += suffix;
    sink_.Report(std::move(diagnostic));
  }

  // Parses text and tags into `block` until the text ends or a tag that
  // belongs to an enclosing block ('elif', 'else', 'endif', 'endfor'), which
  // is left in `stop`. Returns false after a parse error.
  bool ParseBlock(Block* block, int depth, Place place, Stop* stop) {
    const size_t size = scan_.size();
    while (pos_ < size) {
      size_t tag = lexer_.FindTagStart(pos_);
      size_t fence = NextFence(pos_);
      if (fence != kNone && (tag == kNone || fence < tag)) {
        AddText(block, pos_, fence, false);
        AddFence(block);
        continue;
      }
      if (tag == kNone) {
        AddText(block, pos_, size, false);
        pos_ = size;
        break;
      }
      bool trim_left = tag + 2 < size && scan_[tag + 2] == '-';
      AddText(block, pos_, tag, trim_left);
      char kind = scan_[tag + 1];
      if (kind == '#') {
        if (!SkipComment(tag, trim_left)) return false;
        if (place.in_for_else && !CheckNoTrimInForElse(tag, trim_left))
          return false;
        continue;
      }
      if (!ReadTag(tag, trim_left)) return false;
      // The tags that end the else part are checked by the loop.
      bool ends_block = kind == '%' && PeekIs(TokenKind::kName) &&
                        (PeekWord("else") || PeekWord("endfor") ||
                         PeekWord("elif") || PeekWord("endif"));
      if (place.in_for_else && !ends_block &&
          !CheckNoTrimInForElse(tag, trim_left))
        return false;
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
        if (!ParseIf(block, tag, depth, place)) return false;
      } else if (word == "for") {
        if (!ParseFor(block, tag, depth, place)) return false;
      } else if (word == "raw") {
        if (!ParseRaw(block, tag)) return false;
      } else if (word == "set" || word == "set_global") {
        if (!ParseSet(block, tag, word == "set_global")) return false;
      } else if (word == "break" || word == "continue") {
        if (!ParseJump(block, name, place)) return false;
      } else if (word == "elif" || word == "else" || word == "endif" ||
                 word == "endfor") {
        stop->name = std::string(word);
        stop->offset = tag;
        stop->trim_left = trim_left;
        stop->trim_right = trim_next_text_;
        return true;
      } else if (word == "endraw") {
        Error(tag, "'endraw' has no matching 'raw'");
        return false;
      } else if (const char* reason = UnsupportedTagReason(word)) {
        std::string message = reason;
        if (message.rfind("is ", 0) == 0)
          message = "'{% " + std::string(word) + " %}' " + message;
        Error(name.begin, message);
        return false;
      } else {
        Error(name.begin,
              "unknown tag '" + std::string(word) +
                  "' (the AGPM dialect has if, elif, else, for, set, "
                  "set_global, break, continue and raw)");
        return false;
      }
    }
    stop->name.clear();
    return true;
  }

  // Tera ignores `-` inside a loop's else part, or trims the loop body.
  bool CheckNoTrimInForElse(size_t tag, bool trim_left) {
    if (!trim_left && !trim_next_text_) return true;
    Error(tag,
          "whitespace control ('-') inside a loop's 'else' part is "
          "unsupported (Tera ignores it there)");
    return false;
  }

  // The start of the next fence at or after `from`.
  size_t NextFence(size_t from) {
    while (next_fence_ < fences_.size() && fences_[next_fence_].open < from)
      ++next_fence_;
    return next_fence_ < fences_.size() ? fences_[next_fence_].open : kNone;
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
    while (fence != kNone && fence < end) {
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
    if (close == kNone) {
      Error(tag, "'{#' is not closed (missing '#}')");
      return false;
    }
    trim_next_text_ = close > inner && scan_[close - 1] == '-';
    size_t inner_end = trim_next_text_ ? close - 1 : close;
    if (inner_end <= inner) {
      Error(tag, "a comment needs at least one character ('{# note #}')");
      return false;
    }
    pos_ = close + 2;
    return true;
  }

  // Reads the `{{ }}` or `{% %}` tag at `tag` into tokens_.
  bool ReadTag(size_t tag, bool trim_left) {
    bool is_print = scan_[tag + 1] == '{';
    size_t inner = tag + (trim_left ? 3 : 2);
    size_t close = lexer_.FindClose(inner, is_print ? '}' : '%', '}');
    if (close == kNone) {
      Error(tag, is_print ? "'{{' is not closed (missing '}}')"
                          : "'{%' is not closed (missing '%}')");
      return false;
    }
    bool trim_right = close > inner && scan_[close - 1] == '-';
    size_t inner_end = trim_right ? close - 1 : close;
    pos_ = close + 2;
    trim_next_text_ = trim_right;
    next_token_ = 0;
    links_ = 0;
    if (std::optional<LexError> error =
            lexer_.Tokenize(inner, inner_end, close + 2, &tokens_)) {
      Error(error->offset, std::move(error->message));
      return false;
    }
    return true;
  }

  // ---- tokens ----

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(next_token_ + ahead, tokens_.size() - 1)];
  }
  void Advance() {
    if (next_token_ + 1 < tokens_.size()) ++next_token_;
  }
  size_t PreviousEnd() const { return tokens_[next_token_ - 1].end; }
  std::string_view TokenText(const Token& token) const {
    return scan_.substr(token.begin, token.end - token.begin);
  }
  bool PeekIs(TokenKind kind, size_t ahead = 0) const {
    return Peek(ahead).kind == kind;
  }
  bool PeekWord(std::string_view word, size_t ahead = 0) const {
    return PeekIs(TokenKind::kName, ahead) && TokenText(Peek(ahead)) == word;
  }
  bool PeekOperator(std::string_view op) const {
    return PeekIs(TokenKind::kOperator) && TokenText(Peek()) == op;
  }
  bool PeekMath() const {
    if (!PeekIs(TokenKind::kOperator)) return false;
    std::string_view op = TokenText(Peek());
    return op == "+" || op == "-" || op == "*" || op == "/" || op == "%";
  }
  size_t InnerEnd() const { return tokens_.back().begin; }

  // Says why `token` cannot stand where `expected` was wanted.
  void ReportUnexpected(const Token& token, std::string_view expected) {
    std::string text(TokenText(token));
    switch (token.kind) {
      case TokenKind::kFence:
        Error(token.begin, "a '```literal' block cannot be inside a tag");
        return;
      case TokenKind::kOther:
        Error(token.begin, "unexpected character '" + text + "'");
        return;
      case TokenKind::kEnd:
        if (!text.empty() && text.front() == '-') text.erase(0, 1);
        break;
      default:
        break;
    }
    Error(token.begin,
          "expected " + std::string(expected) + ", found '" + text + "'");
  }

  bool ExpectEnd() {
    if (PeekIs(TokenKind::kEnd)) return true;
    std::string closer(TokenText(tokens_.back()));
    if (!closer.empty() && closer.front() == '-') closer.erase(0, 1);
    const Token& token = Peek();
    if (IsComparison(TokenText(token)) && token.kind == TokenKind::kOperator) {
      Error(token.begin, "comparisons cannot be chained; join two with 'and'");
      return false;
    }
    ReportUnexpected(token, "'" + closer + "'");
    return false;
  }

  bool Expect(TokenKind kind, std::string_view what) {
    if (PeekIs(kind)) {
      Advance();
      return true;
    }
    ReportUnexpected(Peek(), what);
    return false;
  }

  // ---- expressions (Tera's grammar, loosest first) ----

  ExprPtr Make(Expr::Kind kind, size_t begin) {
    auto expr = std::make_unique<Expr>();
    expr->kind = kind;
    expr->begin = begin;
    return expr;
  }

  // Operators and filters nest the tree one level each: a bound keeps its
  // evaluation's recursion within the stack.
  bool CountLink(size_t offset) {
    if (++links_ <= kMaxLinks) return true;
    Error(offset, "expression is too long (more than " +
                      std::to_string(kMaxLinks) + " operators and filters)");
    return false;
  }

  ExprPtr Binary(Expr::Kind kind, std::string op, ExprPtr left, ExprPtr right,
                 size_t op_offset) {
    if (!CountLink(op_offset)) return nullptr;
    ExprPtr expr = Make(kind, left->begin);
    expr->name_offset = op_offset;
    expr->end = right->end;
    expr->op = std::move(op);
    expr->operands.push_back(std::move(left));
    expr->operands.push_back(std::move(right));
    return expr;
  }

  bool Enter(size_t offset) {
    if (++expr_depth_ <= kMaxNesting) return true;
    Error(offset, std::string(kTooDeep));
    return false;
  }

  // A tag's whole value: a logic expression or a list literal with filters.
  ExprPtr ParseTop() {
    if (PeekIs(TokenKind::kLBracket)) return ParseListFiltered();
    return ParseLogic();
  }

  // logic_val (('or' | 'and') logic_val)*, `and` binding tighter.
  ExprPtr ParseLogic() {
    ExprPtr left = ParseAnd();
    if (!left || !PeekWord("or")) return left;
    ExprPtr out = Make(Expr::Kind::kOr, left->begin);
    if (!CheckTruthOperand(*left)) return nullptr;
    out->operands.push_back(std::move(left));
    while (PeekWord("or")) {
      Advance();
      ExprPtr next = ParseAnd();
      if (!next || !CheckTruthOperand(*next)) return nullptr;
      out->operands.push_back(std::move(next));
    }
    out->end = PreviousEnd();
    return out;
  }

  ExprPtr ParseAnd() {
    ExprPtr left = ParseLogicValue();
    if (!left || !PeekWord("and")) return left;
    ExprPtr out = Make(Expr::Kind::kAnd, left->begin);
    if (!CheckTruthOperand(*left)) return nullptr;
    out->operands.push_back(std::move(left));
    while (PeekWord("and")) {
      Advance();
      ExprPtr next = ParseLogicValue();
      if (!next || !CheckTruthOperand(*next)) return nullptr;
      out->operands.push_back(std::move(next));
    }
    out->end = PreviousEnd();
    return out;
  }

  // Tera takes a filtered literal, concatenation or arithmetic in a truth
  // position as false whatever it holds, and `not` before a concatenation
  // as its negation of a string: refuse both.
  bool CheckTruthOperand(const Expr& expr) {
    const Expr* base = &expr;
    while (base->kind == Expr::Kind::kFilter) base = base->operands[0].get();
    if (base != &expr && base->kind != Expr::Kind::kName &&
        base->kind != Expr::Kind::kTest) {
      Error(expr.begin,
            "a filter on a literal, concatenation or arithmetic used as a "
            "condition is unsupported (Tera takes it as false); compare it, "
            "e.g. '(...) | length > 0'");
      return false;
    }
    if (expr.kind == Expr::Kind::kNot) {
      const Expr* operand = expr.operands[0].get();
      while (operand->kind == Expr::Kind::kFilter)
        operand = operand->operands[0].get();
      if (operand->kind == Expr::Kind::kConcat) {
        Error(expr.begin,
              "'not' before a concatenation is unsupported in a condition");
        return false;
      }
      return CheckTruthOperand(*expr.operands[0]);
    }
    return true;
  }

  // 'not'? (in_cond | comparison) | '(' logic ')'.
  ExprPtr ParseLogicValue() {
    const Token& first = Peek();
    if (first.kind == TokenKind::kLParen && IsLogicParenthesis()) {
      if (!Enter(first.begin)) return nullptr;
      Advance();
      ExprPtr inner = ParseLogic();
      if (!inner || !Expect(TokenKind::kRParen, "')'")) return nullptr;
      --expr_depth_;
      return inner;
    }
    if (PeekWord("not")) {
      size_t begin = first.begin;
      Advance();
      if (PeekWord("not")) {
        Error(Peek().begin, "'not not' is not valid; remove both");
        return nullptr;
      }
      if (PeekIs(TokenKind::kLParen) && IsLogicParenthesis()) {
        Error(begin,
              "'not' cannot apply to a parenthesized 'and'/'or' in Tera; "
              "negate each operand instead");
        return nullptr;
      }
      ExprPtr operand = ParseComparison();
      if (!operand) return nullptr;
      if (operand->kind == Expr::Kind::kCompare && !in_condition_) {
        Error(begin,
              "'not' before a comparison outside '{% if %}' is unsupported "
              "(Tera prints the comparison); write '" +
                  std::string(operand->op == "==" ? "!=" : "the opposite") +
                  "' instead");
        return nullptr;
      }
      ExprPtr out = Make(Expr::Kind::kNot, begin);
      out->end = operand->end;
      out->operands.push_back(std::move(operand));
      return out;
    }
    return ParseComparison();
  }

  // Whether the `(` at the next token opens a logic expression rather than
  // arithmetic: something inside it, at its own level, only logic has.
  bool IsLogicParenthesis() const {
    int level = 0;
    for (size_t i = next_token_; i < tokens_.size(); ++i) {
      const Token& token = tokens_[i];
      if (token.kind == TokenKind::kLParen ||
          token.kind == TokenKind::kLBracket) {
        ++level;
      } else if (token.kind == TokenKind::kRParen ||
                 token.kind == TokenKind::kRBracket) {
        if (--level == 0) return false;
      } else if (level == 1) {
        std::string_view text = TokenText(token);
        if (token.kind == TokenKind::kPipe ||
            (token.kind == TokenKind::kOperator &&
             (text == "~" || IsComparison(text))) ||
            (token.kind == TokenKind::kName &&
             (text == "and" || text == "or" || text == "not" ||
              text == "in"))) {
          return true;
        }
      }
    }
    return false;
  }

  // operand [comparison operand] | operand ['not'] 'in' container.
  ExprPtr ParseComparison() {
    ExprPtr left = ParseOperand();
    if (!left) return nullptr;
    bool negated = PeekWord("not") && PeekWord("in", 1);
    size_t op_offset = Peek().begin;
    if (negated || PeekWord("in")) {
      if (negated) Advance();
      Advance();
      ExprPtr container =
          PeekIs(TokenKind::kLBracket) ? ParseListFiltered() : ParseOperand();
      if (!container) return nullptr;
      ExprPtr out = Binary(Expr::Kind::kIn, negated ? "not in" : "in",
                           std::move(left), std::move(container), op_offset);
      if (out) out->negated = negated;
      return out;
    }
    if (PeekIs(TokenKind::kOperator) && IsComparison(TokenText(Peek()))) {
      std::string op(TokenText(Peek()));
      Advance();
      ExprPtr right = ParseOperand();
      if (!right) return nullptr;
      return Binary(Expr::Kind::kCompare, op, std::move(left), std::move(right),
                    op_offset);
    }
    return left;
  }

  // A concatenation with filters, or arithmetic over filtered runs.
  ExprPtr ParseOperand() {
    if (PeekIs(TokenKind::kLBracket)) {
      Error(Peek().begin,
            "a list literal can only be printed, set, looped over, passed "
            "to a filter or test, or stand right of 'in'");
      return nullptr;
    }
    ExprPtr first = ParseArithmetic();
    if (!first || !PeekOperator("~")) return first;
    if (!IsConcatPart(*first)) {
      Error(Peek().begin,
            "'~' joins literals and names only; put the filtered or "
            "computed value in a 'set' first");
      return nullptr;
    }
    ExprPtr concat = Make(Expr::Kind::kConcat, first->begin);
    concat->operands.push_back(std::move(first));
    while (PeekOperator("~")) {
      Advance();
      ExprPtr part = ParsePrimary();
      if (!part) return nullptr;
      if (!IsConcatPart(*part)) {
        Error(part->begin, "'~' joins literals and names only");
        return nullptr;
      }
      concat->operands.push_back(std::move(part));
    }
    concat->end = PreviousEnd();
    if (PeekMath()) {
      Error(Peek().begin,
            "arithmetic cannot follow a concatenation; use parentheses or "
            "a 'set'");
      return nullptr;
    }
    return ParseFilters(std::move(concat));
  }

  static bool IsConcatPart(const Expr& expr) {
    return expr.kind == Expr::Kind::kName ||
           (expr.kind == Expr::Kind::kLiteral &&
            (expr.literal.is_string() || expr.literal.is_number()));
  }

  static int Precedence(std::string_view op) {
    return op == "+" || op == "-" ? 1 : 2;
  }

  // comparison_val: filtered runs joined by arithmetic operators.
  ExprPtr ParseArithmetic() { return ParseMathOver(true, 1); }

  // Precedence climbing over units of operators binding at least
  // `min_precedence`. With `filtered`, a unit is a whole basic_expr with its
  // filters (`a + b | f` is `(a + b) | f`); else a primary.
  ExprPtr ParseMathOver(bool filtered, int min_precedence) {
    ExprPtr left =
        filtered ? ParseFilters(ParseMathOver(false, 1)) : ParseUnit();
    while (left && PeekMath() &&
           Precedence(TokenText(Peek())) >= min_precedence) {
      std::string op(TokenText(Peek()));
      size_t op_offset = Peek().begin;
      Advance();
      ExprPtr right = ParseMathOver(filtered, Precedence(op) + 1);
      if (!right) return nullptr;
      left = Binary(Expr::Kind::kMath, op, std::move(left), std::move(right),
                    op_offset);
      if (!left) return nullptr;
    }
    return left;
  }

  // '(' basic_expr ')' or a primary.
  ExprPtr ParseUnit() {
    if (!PeekIs(TokenKind::kLParen)) return ParsePrimary();
    size_t begin = Peek().begin;
    if (!Enter(begin)) return nullptr;
    Advance();
    ExprPtr inner = ParseMathOver(false, 1);
    if (!inner) return nullptr;
    if (!PeekIs(TokenKind::kRParen)) {
      ReportUnexpected(Peek(), "')'");
      return nullptr;
    }
    Advance();
    --expr_depth_;
    inner->begin = begin;
    inner->end = PreviousEnd();
    return inner;
  }

  ExprPtr ParsePrimary() {
    const Token& token = Peek();
    size_t begin = token.begin;
    switch (token.kind) {
      case TokenKind::kString: {
        ExprPtr expr = Make(Expr::Kind::kLiteral, begin);
        expr->literal = std::string(
            scan_.substr(token.begin + 1, token.end - token.begin - 2));
        Advance();
        expr->end = PreviousEnd();
        return expr;
      }
      case TokenKind::kNumber:
        return ParseNumber(begin);
      case TokenKind::kOperator:
        if (TokenText(token) == "-" && PeekIs(TokenKind::kNumber, 1) &&
            Peek(1).begin == token.end) {
          Advance();
          return ParseNumber(begin);
        }
        if (TokenText(token) == "-" && PeekIs(TokenKind::kName, 1)) {
          Error(begin,
                "a leading '-' belongs to number literals only; write "
                "'0 - " +
                    std::string(TokenText(Peek(1))) + "'");
          return nullptr;
        }
        break;
      case TokenKind::kLBracket:
        Error(begin,
              "a list literal can only be printed, set, looped over, passed "
              "to a filter or test, or stand right of 'in'");
        return nullptr;
      case TokenKind::kName:
        return ParseNamePrimary();
      default:
        break;
    }
    ReportUnexpected(token, "an expression");
    return nullptr;
  }

  ExprPtr ParseNumber(size_t begin) {
    const Token& token = Peek();
    std::string_view digits = TokenText(token);
    size_t dot = digits.find('.');
    std::string_view whole = digits.substr(0, dot);
    bool valid = !whole.empty() && (whole == "0" || whole[0] != '0');
    if (dot != kNone) {
      std::string_view fraction = digits.substr(dot + 1);
      valid = valid && !fraction.empty() &&
              fraction.find('.') == std::string_view::npos;
    }
    std::string written(scan_.substr(begin, token.end - begin));
    if (!valid) {
      Error(begin, "malformed number '" + written +
                       "' (digits without a leading zero, an optional '.' "
                       "and digits; no exponent)");
      return nullptr;
    }
    ExprPtr expr = Make(Expr::Kind::kLiteral, begin);
    errno = 0;
    if (dot != kNone) {
      expr->literal = std::strtod(written.c_str(), nullptr);
    } else {
      long long value = std::strtoll(written.c_str(), nullptr, 10);
      if (errno == ERANGE) {
        Error(begin, "integer '" + written + "' does not fit 64 bits");
        return nullptr;
      }
      expr->literal = static_cast<std::int64_t>(value);
    }
    Advance();
    expr->end = PreviousEnd();
    return expr;
  }

  ExprPtr ParseNamePrimary() {
    const Token& token = Peek();
    size_t begin = token.begin;
    std::string_view word = TokenText(token);
    if (IsTeraLiteral(word)) {
      ExprPtr expr = Make(Expr::Kind::kLiteral, begin);
      expr->literal = word == "true" || word == "True";
      Advance();
      expr->end = PreviousEnd();
      return expr;
    }
    if (IsKeyword(word)) {
      ReportUnexpected(token, "an expression");
      return nullptr;
    }
    std::string_view prefix = LiteralPrefix(word);
    if (!prefix.empty()) {
      Error(begin, "a name cannot start with '" + std::string(prefix) +
                       "' (Tera reads the literal); rename '" +
                       std::string(word) + "'");
      return nullptr;
    }
    if (word == "__tera_context") {
      Error(begin, "'__tera_context' is unsupported in the AGPM dialect");
      return nullptr;
    }
    ExprPtr name = ParseName(begin);
    if (!name) return nullptr;
    std::string written(scan_.substr(begin, name->end - begin));
    if (PeekIs(TokenKind::kLParen)) {
      Error(begin, "function call '" + written +
                       "()' is unsupported in the AGPM dialect");
      return nullptr;
    }
    if (PeekIs(TokenKind::kOther) && TokenText(Peek()) == ":") {
      Error(begin, "macro call '" + written +
                       "::...' is unsupported in the AGPM dialect");
      return nullptr;
    }
    if (PeekWord("is")) return ParseTest(std::move(name));
    return name;
  }

  // A dotted name with subscripts, read from the text (Tera reads it as one
  // token: no spaces inside), then the tokens it covered skipped.
  ExprPtr ParseName(size_t begin) {
    size_t end = InnerEnd();
    size_t at = begin;
    ExprPtr name = ScanName(&at, end);
    if (!name) return nullptr;
    while (Peek().kind != TokenKind::kEnd && Peek().begin < at) {
      if (Peek().end > at) {
        Error(at, "unexpected '" + std::string(scan_.substr(at, 1)) +
                      "' in a name");
        return nullptr;
      }
      Advance();
    }
    return name;
  }

  ExprPtr ScanName(size_t* at, size_t end) {
    size_t begin = *at;
    size_t i = begin;
    while (i < end && IsNameChar(scan_[i])) ++i;
    ExprPtr name = Make(Expr::Kind::kName, begin);
    name->parts.reserve(6);  // agpm.deps.<category>.<key>.content fits
    NamePart first;
    first.key = std::string(scan_.substr(begin, i - begin));
    first.end = i;
    name->parts.push_back(std::move(first));
    while (i < end) {
      if (scan_[i] == '.' && i + 1 < end && IsNameChar(scan_[i + 1])) {
        size_t key = ++i;
        while (i < end && IsNameChar(scan_[i])) ++i;
        NamePart part;
        part.key = std::string(scan_.substr(key, i - key));
        part.end = i;
        name->parts.push_back(std::move(part));
      } else if (scan_[i] == '[') {
        NamePart part;
        if (!ScanSubscript(&i, end, &part)) return nullptr;
        name->parts.push_back(std::move(part));
      } else {
        break;
      }
    }
    name->end = i;
    *at = i;
    return name;
  }

  // `[0]`, `["key"]`, `['key']`, `[`key`]` or `[other.name]` at `*at`.
  bool ScanSubscript(size_t* at, size_t end, NamePart* part) {
    size_t open = *at;
    size_t i = open + 1;
    if (i < end && (scan_[i] == '"' || scan_[i] == '\'' || scan_[i] == '`')) {
      size_t close = lexer_.FindQuoteEnd(i, end);
      if (close == kNone) {
        Error(i, "string is not closed");
        return false;
      }
      part->key = std::string(scan_.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (i < end && (IsDigit(scan_[i]) || scan_[i] == '-')) {
      size_t digits = i;
      if (scan_[i] == '-') ++i;
      while (i < end && IsDigit(scan_[i])) ++i;
      part->key = std::string(scan_.substr(digits, i - digits));
      if (part->key == "-" || (part->key.size() > 1 && part->key[0] == '0')) {
        Error(digits, "a list index is decimal without leading zeros");
        return false;
      }
    } else if (i < end && IsNameStart(scan_[i])) {
      if (!Enter(i)) return false;
      part->subscript = ScanName(&i, end);
      if (!part->subscript) return false;
      --expr_depth_;
    } else {
      Error(i < end ? i : open,
            "expected a number, a string or a name inside '[ ]' (no spaces)");
      return false;
    }
    if (i >= end || scan_[i] != ']') {
      Error(i, "expected ']' (no spaces inside '[ ]')");
      return false;
    }
    *at = i + 1;
    part->end = i + 1;
    return true;
  }

  // `name is [not] test[(arguments)]`.
  ExprPtr ParseTest(ExprPtr subject) {
    Advance();  // is
    ExprPtr test = Make(Expr::Kind::kTest, subject->begin);
    if (PeekWord("not")) {
      test->negated = true;
      Advance();
    }
    const Token& name = Peek();
    if (name.kind != TokenKind::kName) {
      ReportUnexpected(name, "a test name after 'is'");
      return nullptr;
    }
    std::string_view word = TokenText(name);
    test->name = std::string(word);
    test->name_offset = name.begin;
    const TesterSignature* signature = FindTester(word);
    if (signature == nullptr) {
      if (IsUnsupportedTeraTester(word)) {
        Error(name.begin, "test '" + std::string(word) +
                              "' is unsupported in the AGPM dialect");
      } else {
        ReportUnknown(name.begin, name.end, "test", word, TesterNames());
      }
      return nullptr;
    }
    Advance();
    size_t arguments_at = Peek().begin;
    if (PeekIs(TokenKind::kLParen)) {
      Advance();
      while (!PeekIs(TokenKind::kRParen)) {
        Argument argument;
        argument.offset = Peek().begin;
        if (!Enter(argument.offset)) return nullptr;
        argument.value = ParseTop();
        if (!argument.value) return nullptr;
        --expr_depth_;
        test->arguments.push_back(std::move(argument));
        if (!PeekIs(TokenKind::kComma)) break;
        Advance();
      }
      if (!Expect(TokenKind::kRParen, "')' after the test's arguments"))
        return nullptr;
    }
    if (test->arguments.size() != signature->arguments) {
      Error(test->arguments.empty() ? arguments_at
                                    : test->arguments.front().offset,
            "test '" + test->name + "' takes " +
                std::to_string(signature->arguments) +
                (signature->arguments == 1 ? " argument" : " arguments") +
                ", not " + std::to_string(test->arguments.size()));
      return nullptr;
    }
    test->end = PreviousEnd();
    test->operands.push_back(std::move(subject));
    return test;
  }

  // `[item, ...]` then filters.
  ExprPtr ParseListFiltered() {
    const Token& open = Peek();
    if (!Enter(open.begin)) return nullptr;
    ExprPtr list = Make(Expr::Kind::kList, open.begin);
    Advance();
    while (!PeekIs(TokenKind::kRBracket)) {
      if (PeekIs(TokenKind::kLBracket)) {
        Error(Peek().begin, "a list literal cannot hold a list");
        return nullptr;
      }
      ExprPtr item = ParseLogicValue();
      if (!item) return nullptr;
      list->operands.push_back(std::move(item));
      if (!PeekIs(TokenKind::kComma)) break;
      Advance();
    }
    if (!Expect(TokenKind::kRBracket, "',' or ']'")) return nullptr;
    --expr_depth_;
    list->end = PreviousEnd();
    return ParseFilters(std::move(list));
  }

  // `| name` or `| name(argument=value, ...)`, any number.
  ExprPtr ParseFilters(ExprPtr input) {
    if (!input) return nullptr;
    while (PeekIs(TokenKind::kPipe)) {
      Advance();
      const Token& name = Peek();
      if (name.kind != TokenKind::kName) {
        ReportUnexpected(name, "a filter name after '|'");
        return nullptr;
      }
      std::string_view word = TokenText(name);
      const FilterSignature* signature = FindFilter(word);
      if (signature == nullptr) {
        if (IsUnsupportedTeraFilter(word)) {
          Error(name.begin, "filter '" + std::string(word) +
                                "' is unsupported in the AGPM dialect");
        } else {
          ReportUnknown(name.begin, name.end, "filter", word, FilterNames());
        }
        return nullptr;
      }
      if (word == "default" && input->kind != Expr::Kind::kName) {
        Error(name.begin,
              "'default' is unsupported other than as the first filter on a "
              "name (Tera ignores it there); put it first: 'name | "
              "default(value=...) | ...'");
        return nullptr;
      }
      if (!CountLink(name.begin)) return nullptr;
      ExprPtr filter = Make(Expr::Kind::kFilter, input->begin);
      filter->name = std::string(word);
      filter->name_offset = name.begin;
      Advance();
      if (!ParseFilterArguments(*signature, filter.get())) return nullptr;
      filter->end = PreviousEnd();
      filter->operands.push_back(std::move(input));
      input = std::move(filter);
    }
    return input;
  }

  bool ParseFilterArguments(const FilterSignature& signature, Expr* filter) {
    size_t after_name = PreviousEnd();
    if (PeekIs(TokenKind::kLParen)) {
      Advance();
      while (!PeekIs(TokenKind::kRParen)) {
        const Token& name = Peek();
        if (name.kind != TokenKind::kName || !PeekIs(TokenKind::kAssign, 1)) {
          std::string hint =
              signature.parameters.empty()
                  ? "filter '" + filter->name + "' takes no arguments"
                  : "filter arguments are named: write '" + filter->name + "(" +
                        std::string(signature.parameters[0].name) + "=...)'";
          Error(name.begin, hint);
          return false;
        }
        std::string_view word = TokenText(name);
        auto known = std::find_if(
            signature.parameters.begin(), signature.parameters.end(),
            [word](const Parameter& p) { return p.name == word; });
        if (known == signature.parameters.end()) {
          if (signature.parameters.empty()) {
            Error(name.begin,
                  "filter '" + filter->name + "' takes no arguments");
          } else {
            std::vector<std::string_view> names;
            for (const Parameter& p : signature.parameters)
              names.push_back(p.name);
            ReportUnknown(name.begin, name.end,
                          "argument of filter '" + filter->name + "':", word,
                          names);
          }
          return false;
        }
        for (const Argument& seen : filter->arguments) {
          if (seen.name == word) {
            Error(name.begin,
                  "argument '" + std::string(word) + "' is given twice");
            return false;
          }
        }
        Argument argument;
        argument.name = std::string(word);
        argument.offset = name.begin;
        Advance();
        Advance();  // =
        if (!Enter(argument.offset)) return false;
        argument.value = ParseTop();
        if (!argument.value) return false;
        --expr_depth_;
        filter->arguments.push_back(std::move(argument));
        if (!PeekIs(TokenKind::kComma)) break;
        Advance();
      }
      if (!Expect(TokenKind::kRParen, "',' or ')'")) return false;
    }
    for (const Parameter& parameter : signature.parameters) {
      if (!parameter.required) continue;
      bool given = std::any_of(
          filter->arguments.begin(), filter->arguments.end(),
          [&](const Argument& a) { return a.name == parameter.name; });
      if (!given) {
        Error(filter->name_offset,
              "filter '" + filter->name + "' needs argument '" +
                  std::string(parameter.name) + "': write '" + filter->name +
                  "(" + std::string(parameter.name) + "=...)'");
        (void)after_name;
        return false;
      }
    }
    return true;
  }

  // ---- statements ----

  ExprPtr ParseCondition() {
    in_condition_ = true;
    expr_depth_ = 0;
    ExprPtr condition = ParseTop();
    in_condition_ = false;
    if (!condition || !CheckTruthOperand(*condition) || !ExpectEnd())
      return nullptr;
    return condition;
  }

  bool ParsePrint(Block* block, size_t tag) {
    PrintNode print;
    print.tag = tag;
    expr_depth_ = 0;
    print.value = ParseTop();
    if (!print.value || !ExpectEnd()) return false;
    block->emplace_back(std::move(print));
    return true;
  }

  bool ParseSet(Block* block, size_t tag, bool global) {
    SetNode node;
    node.tag = tag;
    node.global = global;
    if (!ParseVariableName(&node.name, "a variable name")) return false;
    if (!Expect(TokenKind::kAssign, "'='")) return false;
    expr_depth_ = 0;
    node.value = ParseTop();
    if (!node.value || !ExpectEnd()) return false;
    block->emplace_back(std::move(node));
    return true;
  }

  bool ParseJump(Block* block, const Token& name, Place place) {
    std::string word(TokenText(name));
    if (!place.in_loop) {
      Error(name.begin,
            "'" + word + "' is only allowed in a loop body" +
                (place.in_for_else ? " (not in its 'else' part)" : ""));
      return false;
    }
    if (!ExpectEnd()) return false;
    block->emplace_back(JumpNode{word == "break"});
    return true;
  }

  bool ParseIf(Block* block, size_t tag, int depth, Place place) {
    if (depth >= kMaxNesting) {
      Error(tag, std::string(kTooDeep));
      return false;
    }
    IfNode node;
    Branch branch;
    branch.condition = ParseCondition();
    if (!branch.condition) return false;
    open_.push_back({"if", tag});
    bool seen_else = false;
    while (true) {
      Stop stop;
      if (!ParseBlock(&branch.body, depth + 1, place, &stop)) return false;
      if (place.in_for_else && !stop.name.empty() &&
          (stop.trim_left || stop.trim_right)) {
        Error(stop.offset,
              "whitespace control ('-') inside a loop's 'else' part is "
              "unsupported (Tera ignores it there)");
        return false;
      }
      node.branches.push_back(std::move(branch));
      branch = Branch();
      if (stop.name == "endif") {
        if (!ExpectEnd()) return false;
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
        if (!ExpectEnd()) return false;
      } else {
        branch.condition = ParseCondition();
        if (!branch.condition) return false;
      }
    }
    open_.pop_back();
    block->emplace_back(std::move(node));
    return true;
  }

  bool ParseVariableName(std::string* name, std::string_view what) {
    if (!PeekIs(TokenKind::kName) || IsKeyword(TokenText(Peek())) ||
        IsTeraLiteral(TokenText(Peek()))) {
      ReportUnexpected(Peek(), what);
      return false;
    }
    *name = std::string(TokenText(Peek()));
    Advance();
    return true;
  }

  bool ParseFor(Block* block, size_t tag, int depth, Place place) {
    if (depth >= kMaxNesting) {
      Error(tag, std::string(kTooDeep));
      return false;
    }
    ForNode node;
    node.tag = tag;
    if (!ParseVariableName(&node.value_name, "a loop variable name"))
      return false;
    if (PeekIs(TokenKind::kComma)) {
      if (Peek().begin != PreviousEnd()) {
        Error(Peek().begin,
              "no space is allowed before ',' in '{% for key, value in ... "
              "%}'");
        return false;
      }
      Advance();
      node.key_name = std::move(node.value_name);
      if (!ParseVariableName(&node.value_name, "a loop variable name"))
        return false;
    }
    if (!PeekWord("in")) {
      ReportUnexpected(Peek(), "'in'");
      return false;
    }
    Advance();
    expr_depth_ = 0;
    node.iterable = PeekIs(TokenKind::kLBracket)
                        ? ParseListFiltered()
                        : ParseFilters(ParseMathOver(false, 1));
    if (!node.iterable || !ExpectEnd()) return false;
    open_.push_back({"for", tag});
    Place body_place = place;
    body_place.in_loop = true;
    Stop stop;
    if (!ParseBlock(&node.body, depth + 1, body_place, &stop)) return false;
    if (stop.name == "else") {
      if (stop.trim_left || stop.trim_right) {
        Error(stop.offset,
              "whitespace control ('-') on a loop's 'else' is unsupported "
              "(Tera trims the loop body instead)");
        return false;
      }
      if (!ExpectEnd()) return false;
      node.has_else = true;
      Place else_place;
      else_place.in_for_else = true;
      if (!ParseBlock(&node.else_body, depth + 1, else_place, &stop))
        return false;
      if (stop.name == "else") {
        Error(stop.offset,
              "a second 'else' in a loop is unsupported (Tera renders "
              "each); keep one");
        return false;
      }
      if (stop.name == "endfor" && stop.trim_left) {
        Error(stop.offset,
              "whitespace control ('-') on the left of a loop's 'endfor' "
              "after its 'else' is unsupported (Tera trims the loop body "
              "instead)");
        return false;
      }
    }
    if (stop.name != "endfor") {
      ReportMisplaced(stop);
      return false;
    }
    if (!ExpectEnd()) return false;
    open_.pop_back();
    block->emplace_back(std::move(node));
    return true;
  }

  bool ParseRaw(Block* block, size_t tag) {
    if (!ExpectEnd()) return false;
    size_t body = pos_;
    if (trim_next_text_) {
      while (body < scan_.size() && IsSpace(scan_[body])) ++body;
      trim_next_text_ = false;
    }
    for (size_t at = scan_.find("{%", body); at != kNone;
         at = scan_.find("{%", at + 1)) {
      bool trim_left = false;
      bool trim_right = false;
      size_t after = lexer_.MatchEndRaw(at, &trim_left, &trim_right);
      if (after == kNone) continue;
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
    bool is_else = stop.name == "else";
    std::string_view opener = stop.name == "endfor" ? "for" : "if";
    bool enclosed =
        std::any_of(open_.begin(), open_.end(), [&](const OpenBlock& open) {
          return open.kind == opener || (is_else && open.kind == "for");
        });
    if (enclosed) {
      ReportNotClosed(open_.back());
    } else {
      Error(stop.offset, "'" + stop.name + "' has no matching '" +
                             std::string(opener) + "'" +
                             (is_else ? " or 'for'" : ""));
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
  int expr_depth_ = 0;
  int links_ = 0;  // CountLink's count in the current tag
  bool in_condition_ = false;
};

}  // namespace

bool ParseTemplate(std::string_view text, const Locator& locate,
                   DiagnosticSink& sink, Block* root) {
  return Parser(text, locate, sink).Run(root);
}

}  // namespace agentgen::agpm
