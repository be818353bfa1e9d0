// SPDX-License-Identifier: MIT
// Compares a parsed frontmatter tree with what yaml-cpp's YAML::Load reads
// from the same text, the node type the generator used before it had its own.
// Header-only, so that the fuzz targets can use it as they are built.
#ifndef AGENTGEN_TESTS_SUPPORT_YAML_LOAD_COMPARISON_H_
#define AGENTGEN_TESTS_SUPPORT_YAML_LOAD_COMPARISON_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "inputs/yaml_node.h"

namespace agentgen {
namespace yaml_load_comparison {

inline YamlNode::Kind KindOf(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return YamlNode::Kind::kNull;
    case YAML::NodeType::Scalar:
      return YamlNode::Kind::kScalar;
    case YAML::NodeType::Sequence:
      return YamlNode::Kind::kSequence;
    case YAML::NodeType::Map:
      return YamlNode::Kind::kMap;
    case YAML::NodeType::Undefined:
      break;
  }
  return YamlNode::Kind::kUndefined;
}

// Walks both trees together. Each of our nodes is compared once; meeting it
// again (an alias) must meet the same yaml-cpp node, so shared nodes stay
// shared and the walk stays linear even for a "billion laughs".
class Walk {
 public:
  std::string Compare(const YamlNode& ours, const YAML::Node& theirs,
                      const std::string& path) {
    auto [seen, first] = seen_.emplace(&ours, theirs);
    if (!first) {
      return seen->second.is(theirs) ? "" : path + ": shared differently";
    }
    if (ours.kind() != KindOf(theirs)) return path + ": kind differs";
    if (ours.tag() != theirs.Tag()) {
      return path + ": tag '" + ours.tag() + "' is '" + theirs.Tag() + "'";
    }
    long pos = theirs.Mark().pos;
    if (ours.offset() != static_cast<size_t>(pos < 0 ? 0 : pos)) {
      return path + ": offset " + std::to_string(ours.offset()) + " is " +
             std::to_string(pos);
    }
    if (ours.IsScalar() && ours.scalar() != theirs.Scalar()) {
      return path + ": scalar differs";
    }
    if (ours.size() != theirs.size()) return path + ": size differs";
    if (ours.IsSequence()) {
      size_t index = 0;
      for (const YAML::Node& item : theirs) {
        std::string difference =
            Compare(*ours.items()[index], item,
                    path + "[" + std::to_string(index) + "]");
        if (!difference.empty()) return difference;
        ++index;
      }
    } else if (ours.IsMap()) {
      size_t index = 0;
      for (const auto& item : theirs) {
        const YamlNode::Entry& entry = ours.entries()[index];
        std::string at = path + "{" + std::to_string(index) + "}";
        std::string difference = Compare(*entry.key, item.first, at + "key");
        if (difference.empty())
          difference = Compare(*entry.value, item.second, at);
        if (!difference.empty()) return difference;
        ++index;
      }
    }
    return "";
  }

 private:
  std::unordered_map<const YamlNode*, YAML::Node> seen_;
};

}  // namespace yaml_load_comparison

/// How `root`, parsed from `yaml_text`, differs from what YAML::Load reads
/// from it: empty when kinds, tags, scalars, offsets, order and sharing all
/// agree. YAML::Load reads empty text as a null, which we read as an empty
/// mapping.
inline std::string DifferenceFromYamlLoad(const YamlNode& root,
                                          std::string_view yaml_text) {
  YAML::Node loaded = YAML::Load(std::string(yaml_text));
  if (loaded.IsNull()) {
    return root.IsMap() && root.size() == 0 ? "" : "root: not an empty map";
  }
  return yaml_load_comparison::Walk().Compare(root, loaded, "root");
}

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_SUPPORT_YAML_LOAD_COMPARISON_H_
