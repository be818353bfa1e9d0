// SPDX-License-Identifier: MIT
// The tree a frontmatter is read into (yaml_frontmatter.h builds it): the
// nodes the rest of the generator reads, in place of yaml-cpp's, so that the
// text is parsed once.
#ifndef AGENTGEN_INPUTS_YAML_NODE_H_
#define AGENTGEN_INPUTS_YAML_NODE_H_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentgen {

/// One node of a YAML document, as yaml-cpp's parser reported it. An alias
/// is the very node its anchor names, not a copy, so a document of nested
/// aliases (a "billion laughs") stays the size of its text. A walk can meet
/// a node more than once, and an alias inside a collection may name that
/// collection itself.
class YamlNode {
 public:
  enum class Kind { kUndefined, kNull, kScalar, kSequence, kMap };

  /// A key and its value in a mapping.
  struct Entry {
    const YamlNode* key;
    const YamlNode* value;
  };

  /// What a lookup gives when there is nothing there: no kind, not defined.
  static const YamlNode& Undefined();

  Kind kind() const { return kind_; }
  bool IsDefined() const { return kind_ != Kind::kUndefined; }
  bool IsNull() const { return kind_ == Kind::kNull; }
  bool IsScalar() const { return kind_ == Kind::kScalar; }
  bool IsSequence() const { return kind_ == Kind::kSequence; }
  bool IsMap() const { return kind_ == Kind::kMap; }

  /// A scalar's value (escapes resolved, lines folded); empty for the others.
  const std::string& scalar() const { return scalar_; }
  /// yaml-cpp's tag: `?` for a plain scalar or a collection without one,
  /// `!` for a quoted or block scalar, else the explicit tag resolved
  /// (`tag:yaml.org,2002:str` for `!!str`); empty for a null.
  const std::string& tag() const { return tag_; }
  /// Where the node starts, as a byte offset into the YAML text: at its first
  /// property (`&anchor`, `!tag`) when it has one. An alias has the anchored
  /// node's offset, as it is that node.
  size_t offset() const { return offset_; }

  /// A sequence's items in document order; empty for the other kinds.
  const std::vector<const YamlNode*>& items() const { return items_; }
  /// A mapping's entries in document order; empty for the other kinds.
  const std::vector<Entry>& entries() const { return entries_; }
  /// The number of items or entries.
  size_t size() const { return items_.size() + entries_.size(); }

 private:
  friend class YamlDocument;
  YamlNode(Kind kind, size_t offset, std::string tag, std::string scalar)
      : kind_(kind),
        offset_(offset),
        tag_(std::move(tag)),
        scalar_(std::move(scalar)) {}

  Kind kind_;
  size_t offset_;
  std::string tag_;
  std::string scalar_;
  std::vector<const YamlNode*> items_;
  std::vector<Entry> entries_;
};

/// The nodes of one document, which point at each other: a document can be
/// moved but not copied, and its nodes live as long as it does.
class YamlDocument {
 public:
  /// An empty mapping (what empty frontmatter text is).
  YamlDocument();
  YamlDocument(YamlDocument&&) = default;
  YamlDocument& operator=(YamlDocument&&) = default;
  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

  const YamlNode& root() const { return *root_; }

  // Building, as a parser's events arrive. A collection's children may be
  // added before it is complete, even the collection itself (`&a [*a]`).

  /// Adds a node with no children yet; `scalar` is for kScalar.
  YamlNode* Add(YamlNode::Kind kind, size_t offset, std::string tag,
                std::string scalar = "");
  /// Appends to a sequence's items, or to a mapping's entries.
  void AddItem(YamlNode* sequence, const YamlNode* item);
  void AddEntry(YamlNode* map, const YamlNode* key, const YamlNode* value);
  void set_root(const YamlNode* root) { root_ = root; }

 private:
  // A deque keeps its elements where they are as it grows and when it is
  // moved, so the nodes' pointers to each other stay valid.
  std::deque<YamlNode> nodes_;
  const YamlNode* root_;
};

/// The value of `key` in a mapping: the first entry whose key is a scalar
/// with that text (quoted or not). Undefined when `map` is no mapping or has
/// no such key.
const YamlNode& MappingValue(const YamlNode& map, std::string_view key);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_YAML_NODE_H_
