// SPDX-License-Identifier: MIT
// The parsed form of an AGPM template (docs/templates.md, "The AGPM
// dialect"): what the parser builds and the renderer walks. Offsets point
// into the template text, so the tree holds no copies of it.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_AST_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_AST_H_

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace agentgen::agpm {

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
  nlohmann::json literal;
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
  /// Built in place in its block (`block->emplace_back(TextNode{...})`).
  template <typename Alternative>
  explicit Node(Alternative alternative) : v(std::move(alternative)) {}

  std::variant<TextNode, FenceNode, PrintNode, IfNode, ForNode> v;
};

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_AST_H_
