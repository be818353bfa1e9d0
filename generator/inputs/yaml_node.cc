// SPDX-License-Identifier: MIT
#include "inputs/yaml_node.h"

namespace agentgen {

const YamlNode& YamlNode::Undefined() {
  static const YamlNode undefined(Kind::kUndefined, 0, "", "");
  return undefined;
}

YamlDocument::YamlDocument() {
  nodes_.push_back(YamlNode(YamlNode::Kind::kMap, 0, "?", ""));
  root_ = &nodes_.back();
}

YamlNode* YamlDocument::Add(YamlNode::Kind kind, size_t offset, std::string tag,
                            std::string scalar) {
  nodes_.push_back(YamlNode(kind, offset, std::move(tag), std::move(scalar)));
  return &nodes_.back();
}

void YamlDocument::AddItem(YamlNode* sequence, const YamlNode* item) {
  sequence->items_.push_back(item);
}

void YamlDocument::AddEntry(YamlNode* map, const YamlNode* key,
                            const YamlNode* value) {
  map->entries_.push_back({key, value});
}

const YamlNode& MappingValue(const YamlNode& map, std::string_view key) {
  for (const YamlNode::Entry& entry : map.entries()) {
    if (entry.key->IsScalar() && entry.key->scalar() == key) {
      return *entry.value;
    }
  }
  return YamlNode::Undefined();
}

}  // namespace agentgen
