// SPDX-License-Identifier: MIT
#include "inputs/json_tree.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace agentgen {
namespace {

// Deeper than any configuration; keeps the recursion's stack small.
constexpr int kMaxDepth = 100;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Builds the tree from text nlohmann has accepted, so it only has to find
// where each value starts and ends, never to reject anything but depth.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, YamlDocument* document)
      : text_(text), document_(document) {}

  const YamlNode* Build() {
    if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark)
      at_ = kByteOrderMark.size();
    SkipBlanks();
    return Value(0);
  }

 private:
  void SkipBlanks() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' ||
                                  text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }

  // A string token at its opening quote, decoded; reads past it.
  std::string String() {
    size_t begin = at_++;
    while (at_ < text_.size() && text_[at_] != '"')
      at_ += text_[at_] == '\\' ? 2 : 1;
    ++at_;
    return nlohmann::json::parse(text_.substr(begin, at_ - begin))
        .get<std::string>();
  }

  // The value at the current position; nullptr when it nests too deeply.
  const YamlNode* Value(int depth) {
    if (depth > kMaxDepth) return nullptr;
    size_t begin = at_;
    char c = text_[at_];
    if (c == '{') return Object(depth);
    if (c == '[') return Array(depth);
    if (c == '"') {
      std::string text = String();
      return document_->Add(YamlNode::Kind::kScalar, begin, "!",
                            std::move(text));
    }
    // A number or a literal runs to the next delimiter.
    while (at_ < text_.size() && text_.find_first_of(",}] \t\r\n", at_) != at_)
      ++at_;
    std::string token(text_.substr(begin, at_ - begin));
    if (token == "null")
      return document_->Add(YamlNode::Kind::kNull, begin, "");
    return document_->Add(YamlNode::Kind::kScalar, begin, "?",
                          std::move(token));
  }

  const YamlNode* Object(int depth) {
    YamlNode* object = document_->Add(YamlNode::Kind::kMap, at_, "?");
    std::vector<std::pair<const YamlNode*, const YamlNode*>> members;
    ++at_;
    SkipBlanks();
    while (at_ < text_.size() && text_[at_] != '}') {
      size_t key_at = at_;
      std::string name = String();
      const YamlNode* key =
          document_->Add(YamlNode::Kind::kScalar, key_at, "!", name);
      SkipBlanks();
      ++at_;  // ':'
      SkipBlanks();
      const YamlNode* value = Value(depth + 1);
      if (value == nullptr) return nullptr;
      bool repeated = false;
      for (auto& member : members) {
        if (member.first->scalar() != name) continue;
        member = {key, value};
        repeated = true;
      }
      if (!repeated) members.emplace_back(key, value);
      SkipBlanks();
      if (at_ < text_.size() && text_[at_] == ',') ++at_;
      SkipBlanks();
    }
    ++at_;
    for (const auto& [key, value] : members)
      document_->AddEntry(object, key, value);
    return object;
  }

  const YamlNode* Array(int depth) {
    YamlNode* array = document_->Add(YamlNode::Kind::kSequence, at_, "?");
    ++at_;
    SkipBlanks();
    while (at_ < text_.size() && text_[at_] != ']') {
      const YamlNode* item = Value(depth + 1);
      if (item == nullptr) return nullptr;
      document_->AddItem(array, item);
      SkipBlanks();
      if (at_ < text_.size() && text_[at_] == ',') ++at_;
      SkipBlanks();
    }
    ++at_;
    return array;
  }

  std::string_view text_;
  YamlDocument* document_;
  size_t at_ = 0;
};

}  // namespace

std::optional<YamlDocument> ReadJsonTree(std::string_view text) {
  if (!nlohmann::json::accept(text)) return std::nullopt;
  YamlDocument document;
  const YamlNode* root = TreeBuilder(text, &document).Build();
  if (root == nullptr) return std::nullopt;
  document.set_root(root);
  return document;
}

}  // namespace agentgen
