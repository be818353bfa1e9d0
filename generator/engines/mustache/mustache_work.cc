// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_work.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace agentgen {
namespace {

using nlohmann::json;

// What mstch's work costs, in operations: one operation is mstch handling
// one token of a template it renders (a copy of it into a section it
// collects, or the tag's own work). The weights below were measured against
// mstch 1.0.2 (bench/micro: MstchWork) so that an operation takes about the
// same time whatever the shape of the template; see kMaxMstchOperations.

// Cutting a token out of the text (mstch builds several strings per token).
constexpr uint64_t kOperationsPerTokenRead = 8;
// Moving the tokens after an erased standalone-line token one place down:
// tokens moved per operation.
constexpr uint64_t kTokenMovesPerOperation = 4;
// Looking a name up: mstch copies its stack for every part of the name.
constexpr uint64_t kOperationsPerStackCopy = 2;
// Output appended to the output of each enclosing section or partial.
constexpr uint64_t kOutputBytesPerOperation = 128;
// Context values copied onto mstch's stack when a section pushes them.
constexpr uint64_t kCopiedBytesPerOperation = 512;

enum class TokenKind {
  kText,
  kVariable,
  kUnescaped,
  kSection,
  kInverted,
  kSectionEnd,
  kPartial,
  kOther,  // comments and set-delimiter tags
};

struct Token {
  TokenKind kind = TokenKind::kText;
  bool eol = false;      // text that ends a line, as mstch marks it
  bool ws_only = false;  // text of spaces, tabs, CRs and LFs only
  std::string_view name;
  size_t offset = 0;       // into its template
  size_t size = 0;         // text: its length
  size_t prefix_size = 0;  // a standalone partial: its line's indentation
};

TokenKind KindOf(TagKind kind) {
  switch (kind) {
    case TagKind::kEscaped:
      return TokenKind::kVariable;
    case TagKind::kUnescaped:
      return TokenKind::kUnescaped;
    case TagKind::kSection:
      return TokenKind::kSection;
    case TagKind::kInvertedSection:
      return TokenKind::kInverted;
    case TagKind::kSectionEnd:
      return TokenKind::kSectionEnd;
    case TagKind::kPartial:
      return TokenKind::kPartial;
    case TagKind::kComment:
    case TagKind::kSetDelimiters:
      break;
  }
  return TokenKind::kOther;
}

bool IsWhitespaceOnly(std::string_view text) {
  return text.find_first_not_of(" \r\n\t") == std::string_view::npos;
}

// mstch's tokens of `text`: each tag, and the text between tags cut after
// every newline; a tag that ends the text is followed by an empty text token
// that ends the line.
std::optional<TemplateError> CutTokens(std::string_view text,
                                       std::vector<Token>* tokens) {
  auto add_text = [&](size_t begin, size_t end) {
    for (size_t start = begin; start < end;) {
      size_t newline = text.find('\n', start);
      size_t stop = newline == std::string_view::npos || newline >= end
                        ? end
                        : newline + 1;
      Token token;
      token.offset = start;
      token.size = stop - start;
      token.eol = text[stop - 1] == '\n';
      token.ws_only = IsWhitespaceOnly(text.substr(start, stop - start));
      tokens->push_back(token);
      start = stop;
    }
  };
  TagReader reader(text);
  Tag tag;
  TemplateError error;
  size_t position = 0;
  while (true) {
    TagReader::Result result = reader.Next(&tag, &error);
    if (result == TagReader::Result::kError) return error;
    if (result == TagReader::Result::kEnd) break;
    add_text(position, tag.begin);
    Token token;
    token.kind = KindOf(tag.kind);
    token.name = tag.name;
    token.offset = tag.begin;
    tokens->push_back(token);
    // mstch resolves `a.b.c` by recursing once per dot.
    size_t dots = 0;
    for (char c : tag.name) dots += c == '.';
    if (token.kind != TokenKind::kOther && dots >= kMaxMustacheNameParts) {
      return TemplateError{
          tag.begin, "a name of more than " +
                         std::to_string(kMaxMustacheNameParts) + " parts"};
    }
    position = tag.end;
    if (position == text.size()) {
      Token last;
      last.offset = position;
      last.eol = true;
      last.ws_only = true;
      tokens->push_back(last);
    }
  }
  add_text(position, text.size());
  return std::nullopt;
}

// mstch's standalone-line rule: a line whose tags are all sections,
// partials, comments or set-delimiter tags, with nothing but whitespace
// around them, loses that whitespace and its newline; a partial on it
// remembers the indentation before it. mstch erases each such token from a
// vector, moving every later token; `*moves` gets how many moves that makes.
std::vector<Token> StripStandaloneLines(std::vector<Token> tokens,
                                        uint64_t* moves) {
  std::vector<bool> erased(tokens.size(), false);
  size_t line_begin = 0;
  bool has_tag = false;
  bool non_space = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (kind != TokenKind::kText && kind != TokenKind::kVariable &&
        kind != TokenKind::kUnescaped) {
      has_tag = true;
    } else if (kind != TokenKind::kText || !tokens[i].ws_only) {
      non_space = true;
    }
    if (!tokens[i].eol) continue;
    if (has_tag && !non_space) {
      for (size_t j = line_begin; j <= i; ++j) {
        if (tokens[j].kind == TokenKind::kPartial && j > line_begin &&
            tokens[j - 1].kind == TokenKind::kText && tokens[j - 1].ws_only) {
          tokens[j].prefix_size = tokens[j - 1].size;
        }
        if (tokens[j].kind == TokenKind::kText && tokens[j].ws_only) {
          erased[j] = true;
          *moves += tokens.size() - 1 - j;
        }
      }
    }
    has_tag = non_space = false;
    line_begin = i + 1;
  }
  std::vector<Token> kept;
  kept.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!erased[i]) kept.push_back(tokens[i]);
  }
  return kept;
}

// Whether a section on `node` is skipped (or an inverted one rendered):
// mstch's emptiness, over the context as mstch receives it (numbers are
// strings there, so never empty).
bool IsEmpty(const json& node) {
  switch (node.type()) {
    case json::value_t::null:
      return true;
    case json::value_t::boolean:
      return !node.get<bool>();
    case json::value_t::string:
      return node.get_ref<const std::string&>().empty();
    case json::value_t::array:
      return node.empty();
    default:
      return false;
  }
}

// The length of what `{{name}}` prints for `node`.
uint64_t PrintedSize(const json& node) {
  switch (node.type()) {
    case json::value_t::string:
      return node.get_ref<const std::string&>().size();
    case json::value_t::boolean:
      return node.get<bool>() ? 4 : 5;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return node.dump().size();
    default:
      return 0;
  }
}

class Player {
 public:
  Player(const json& context,
         const std::map<std::string, std::string>& partials, bool escape_html,
         WorkBudget& budget)
      : context_(context),
        partial_texts_(partials),
        escape_html_(escape_html),
        budget_(budget) {}

  std::optional<TemplateError> Run(std::string_view text);
  uint64_t output_size() const { return output_; }

 private:
  bool Read(std::string_view text, std::vector<Token>* tokens);
  bool Render(const std::vector<Token>& tokens, size_t begin, size_t end,
              size_t prefix_size, size_t depth, bool top);
  bool RenderSection(std::string_view name, bool inverted,
                     const std::vector<Token>& tokens, size_t begin, size_t end,
                     size_t prefix_size, size_t depth);
  bool RenderWith(const json& node, const std::vector<Token>& tokens,
                  size_t begin, size_t end, size_t prefix_size, size_t depth);
  bool RenderPartial(const Token& token, size_t depth);
  const json& Find(std::string_view name);
  bool Operations(uint64_t count);
  bool Output(uint64_t bytes, size_t depth);
  uint64_t CopyCost(const json& node);
  bool Fail(std::string message) {
    error_ = TemplateError{anchor_, std::move(message)};
    return false;
  }

  const json& context_;
  const std::map<std::string, std::string>& partial_texts_;
  const bool escape_html_;
  WorkBudget& budget_;
  std::map<std::string, std::vector<Token>, std::less<>> partials_;
  std::vector<const json*> stack_;  // mstch's context stack, top last
  std::unordered_map<const json*, uint64_t> copy_costs_;
  uint64_t output_ = 0;
  size_t anchor_ = 0;  // where in the template a limit is reported
  std::optional<TemplateError> error_;
};

const json kNull;

bool Player::Operations(uint64_t count) {
  if (budget_.TakeMstchOperations(count)) return true;
  return Fail(MstchOperationLimitMessage(budget_));
}

// Every byte of output is copied once more into the output of each section
// or partial around it.
bool Player::Output(uint64_t bytes, size_t depth) {
  output_ += bytes;
  if (output_ > kMaxRenderedSize) return Fail(RenderedSizeLimitMessage());
  return Operations(bytes * (depth + 1) / kOutputBytesPerOperation);
}

// What pushing `node` onto mstch's stack costs: mstch copies it whole.
uint64_t Player::CopyCost(const json& node) {
  auto known = copy_costs_.find(&node);
  if (known != copy_costs_.end()) return known->second;
  uint64_t cost = 1;
  if (node.is_string()) {
    cost +=
        node.get_ref<const std::string&>().size() / kCopiedBytesPerOperation;
  } else if (node.is_structured()) {
    for (auto member = node.begin(); member != node.end(); ++member) {
      cost += CopyCost(*member);
      if (node.is_object())
        cost += member.key().size() / kCopiedBytesPerOperation;
    }
  }
  copy_costs_.emplace(&node, cost);
  return cost;
}

// mstch's lookup: `a.b.c` is `c` looked up in what `a.b` gives, and a plain
// name is looked up down the stack, in the first table holding it; `.` is
// the top of the stack unless that is a table (mstch asks a table for a key
// named "."). Every lookup copies the stack, once per part.
const json& Player::Find(std::string_view name) {
  std::vector<std::string_view> tail;
  std::string_view base = name;
  while (base != "." && base.find('.') != std::string_view::npos) {
    size_t dot = base.rfind('.');
    tail.push_back(base.substr(dot + 1));
    base = base.substr(0, dot);
  }
  Operations(kOperationsPerStackCopy * (stack_.size() + 1) * (tail.size() + 1));
  auto holds = [](const json& node, std::string_view key) {
    return node.is_object() ? node.find(key) != node.end() : key == ".";
  };
  auto get = [](const json& node, std::string_view key) -> const json& {
    return node.is_object() ? *node.find(key) : node;
  };
  const json* found = &kNull;
  for (auto node = stack_.rbegin(); node != stack_.rend(); ++node) {
    if (holds(**node, base)) {
      found = &get(**node, base);
      break;
    }
  }
  for (auto part = tail.rbegin(); part != tail.rend(); ++part)
    found = holds(*found, *part) ? &get(*found, *part) : &kNull;
  return *found;
}

bool Player::Read(std::string_view text, std::vector<Token>* tokens) {
  std::vector<Token> cut;
  if (std::optional<TemplateError> error = CutTokens(text, &cut)) {
    error_ = std::move(error);
    return false;
  }
  uint64_t moves = 0;
  *tokens = StripStandaloneLines(std::move(cut), &moves);
  return Operations(kOperationsPerTokenRead * tokens->size() +
                    moves / kTokenMovesPerOperation);
}

std::optional<TemplateError> Player::Run(std::string_view text) {
  std::vector<Token> tokens;
  if (!Read(text, &tokens)) return error_;
  // mstch reads every partial it is given before it renders.
  for (const auto& [name, partial_text] : partial_texts_) {
    std::vector<Token>& partial = partials_[name];
    if (Read(partial_text, &partial)) continue;
    if (error_->message.rfind("the Mustache renderer", 0) != 0)
      error_->message = "in partial '" + name + "': " + error_->message;
    error_->offset = 0;
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::kPartial && token.name == name) {
        error_->offset = token.offset;
        break;
      }
    }
    return error_;
  }
  stack_.push_back(&context_);
  if (!Operations(CopyCost(context_))) return error_;
  Render(tokens, 0, tokens.size(), 0, 0, true);
  return error_;
}

// mstch renders a token list as a small machine: outside a section each
// token does its work; a section's opening tag starts collecting tokens,
// and the first closing tag with the same name at the same depth (any
// opening tag deepens, any other closing tag rises) renders what was
// collected. A prefix (a standalone partial's indentation) is written before
// every line; counting it before every token bounds it from above.
bool Player::Render(const std::vector<Token>& tokens, size_t begin, size_t end,
                    size_t prefix_size, size_t depth, bool top) {
  bool collecting = false;
  bool inverted = false;
  std::string_view section;
  size_t section_offset = 0;
  size_t body_begin = 0;
  int skipped = 0;
  for (size_t i = begin; i < end; ++i) {
    const Token& token = tokens[i];
    if (!Operations(prefix_size > 0 ? 2 : 1)) return false;
    if (collecting) {
      if (token.kind == TokenKind::kSectionEnd) {
        if (token.name == section && skipped == 0) {
          collecting = false;
          if (top) anchor_ = section_offset;
          if (!RenderSection(section, inverted, tokens, body_begin, i,
                             prefix_size, depth))
            return false;
          continue;
        }
        --skipped;
      } else if (token.kind == TokenKind::kSection ||
                 token.kind == TokenKind::kInverted) {
        ++skipped;
      }
      continue;
    }
    if (top) anchor_ = token.offset;
    if (prefix_size > 0 && !Output(prefix_size, depth)) return false;
    switch (token.kind) {
      case TokenKind::kSection:
      case TokenKind::kInverted:
        collecting = true;
        inverted = token.kind == TokenKind::kInverted;
        section = token.name;
        section_offset = token.offset;
        body_begin = i + 1;
        skipped = 0;
        break;
      case TokenKind::kVariable:
      case TokenKind::kUnescaped: {
        if (!budget_.TakeSteps()) return Fail(StepLimitMessage(budget_));
        uint64_t size = PrintedSize(Find(token.name));
        // Escaping turns one byte into at most six (`&quot;`).
        if (escape_html_ && token.kind == TokenKind::kVariable) size *= 6;
        if (error_ || !Output(size, depth)) return false;
        break;
      }
      case TokenKind::kText:
        if (!Output(token.size, depth)) return false;
        break;
      case TokenKind::kPartial:
        if (!RenderPartial(token, depth)) return false;
        break;
      case TokenKind::kSectionEnd:
      case TokenKind::kOther:
        break;
    }
  }
  return true;
}

bool Player::RenderSection(std::string_view name, bool inverted,
                           const std::vector<Token>& tokens, size_t begin,
                           size_t end, size_t prefix_size, size_t depth) {
  const json& node = Find(name);
  if (error_) return false;
  if (inverted) {
    if (!IsEmpty(node)) return true;
    return RenderWith(kNull, tokens, begin, end, prefix_size, depth);
  }
  if (IsEmpty(node)) return true;
  // A list repeats the section once per element, whatever the element is
  // (an empty one too); anything else renders it once.
  if (!node.is_array())
    return RenderWith(node, tokens, begin, end, prefix_size, depth);
  for (const json& element : node) {
    if (!RenderWith(element, tokens, begin, end, prefix_size, depth))
      return false;
  }
  return true;
}

bool Player::RenderWith(const json& node, const std::vector<Token>& tokens,
                        size_t begin, size_t end, size_t prefix_size,
                        size_t depth) {
  if (!budget_.TakeSteps()) return Fail(StepLimitMessage(budget_));
  if (depth + 1 >= kMaxMustacheNesting) {
    return Fail("sections and partials nest more than " +
                std::to_string(kMaxMustacheNesting) + " levels deep");
  }
  if (!Operations(CopyCost(node))) return false;
  stack_.push_back(&node);
  bool rendered = Render(tokens, begin, end, prefix_size, depth + 1, false);
  stack_.pop_back();
  return rendered;
}

// A partial mstch was not given renders nothing.
bool Player::RenderPartial(const Token& token, size_t depth) {
  auto partial = partials_.find(token.name);
  if (partial == partials_.end()) return true;
  if (!budget_.TakeSteps()) return Fail(StepLimitMessage(budget_));
  if (depth + 1 >= kMaxMustacheNesting) {
    return Fail("sections and partials nest more than " +
                std::to_string(kMaxMustacheNesting) + " levels deep");
  }
  return Render(partial->second, 0, partial->second.size(), token.prefix_size,
                depth + 1, false);
}

}  // namespace

std::optional<TemplateError> PlayMstchRender(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, bool escape_html,
    WorkBudget& budget, uint64_t* output_size) {
  Player player(context, partials, escape_html, budget);
  std::optional<TemplateError> error = player.Run(text);
  if (output_size) *output_size = player.output_size();
  return error;
}

}  // namespace agentgen
