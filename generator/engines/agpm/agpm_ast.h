// SPDX-License-Identifier: MIT
// The parsed form of an AGPM template (docs/templates.md, "The AGPM
// dialect"): what the parser builds and the renderer walks. Offsets point
// into the template text, so the tree holds no copies of it.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_AST_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_AST_H_

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace agentgen::agpm {

struct FilterSignature;
struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// One step of a name after its first: `.key`, `.0`, `["key"]`, `[0]` (all
/// a fixed `key`) or `[other.name]` (a `subscript` evaluated when looked up).
struct NamePart {
  std::string key;
  ExprPtr subscript;
  size_t end = 0;  // where the name as written up to this part ends
};

/// A filter's or a test's argument: named for filters, positional for tests.
struct Argument {
  std::string name;
  size_t offset = 0;  // the argument's name (its value for a test)
  ExprPtr value;
};

struct Expr {
  enum class Kind {
    kLiteral,  // `literal`
    kName,     // `parts`: the first is the top-level name
    kList,     // `operands`: the items
    kConcat,   // `operands` joined with `~`
    kMath,     // `op` (+ - * / %) over operands[0], operands[1]
    kCompare,  // `op` (== != < <= > >=) over operands[0], operands[1]
    kIn,       // operands[0] in operands[1]; `negated` for `not in`
    kAnd,      // operands, left to right
    kOr,
    kNot,     // operands[0]
    kTest,    // operands[0] (a name) is [not] `name`(arguments)
    kFilter,  // operands[0] | `name`(arguments)
  };
  Kind kind = Kind::kLiteral;
  size_t begin = 0;
  size_t end = 0;
  nlohmann::json literal;
  std::string op;
  std::string name;  // a filter's or a test's
  size_t name_offset = 0;
  bool negated = false;
  std::vector<NamePart> parts;
  std::vector<ExprPtr> operands;
  std::vector<Argument> arguments;
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
  ExprPtr value;
  size_t tag;
};

struct Branch {
  ExprPtr condition;  // null for `else`
  Block body;
};

struct IfNode {
  std::vector<Branch> branches;
};

struct ForNode {
  size_t tag = 0;        // the `{%` of the loop
  std::string key_name;  // empty with one name
  std::string value_name;
  ExprPtr iterable;
  Block body;
  bool has_else = false;
  Block else_body;  // rendered when there is nothing to iterate
};

/// `{% set name = value %}` or `{% set_global ... %}`.
struct SetNode {
  size_t tag = 0;
  std::string name;
  bool global = false;
  ExprPtr value;
};

/// `{% break %}` or `{% continue %}`.
struct JumpNode {
  bool is_break = false;
};

struct Node {
  /// Built in place in its block (`block->emplace_back(TextNode{...})`).
  template <typename Alternative>
  explicit Node(Alternative alternative) : v(std::move(alternative)) {}

  std::variant<TextNode, FenceNode, PrintNode, IfNode, ForNode, SetNode,
               JumpNode>
      v;
};

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_AST_H_
