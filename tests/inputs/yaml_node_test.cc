// SPDX-License-Identifier: MIT
#include "inputs/yaml_node.h"

#include <gtest/gtest.h>

#include <utility>

namespace agentgen {
namespace {

using Kind = YamlNode::Kind;

TEST(YamlNodeTest, ANewDocumentIsAnEmptyMapping) {
  YamlDocument document;
  EXPECT_TRUE(document.root().IsMap());
  EXPECT_EQ(document.root().size(), 0u);
  EXPECT_EQ(document.root().offset(), 0u);
}

TEST(YamlNodeTest, UndefinedIsNoKindAtAll) {
  const YamlNode& undefined = YamlNode::Undefined();
  EXPECT_FALSE(undefined.IsDefined());
  EXPECT_FALSE(undefined.IsNull());
  EXPECT_FALSE(undefined.IsScalar());
  EXPECT_FALSE(undefined.IsSequence());
  EXPECT_FALSE(undefined.IsMap());
  EXPECT_EQ(undefined.scalar(), "");
  EXPECT_EQ(undefined.size(), 0u);
}

TEST(YamlNodeTest, MappingValueComparesScalarKeysByText) {
  YamlDocument document;
  YamlNode* map = document.Add(Kind::kMap, 0, "?");
  YamlNode* list_key = document.Add(Kind::kSequence, 1, "?");
  YamlNode* null_key = document.Add(Kind::kNull, 2, "");
  YamlNode* quoted_key = document.Add(Kind::kScalar, 3, "!", "a");
  YamlNode* first = document.Add(Kind::kScalar, 4, "?", "1");
  YamlNode* second = document.Add(Kind::kScalar, 5, "?", "2");
  document.AddEntry(map, list_key, first);
  document.AddEntry(map, null_key, first);
  document.AddEntry(map, quoted_key, first);
  // Only a non-scalar key may repeat in a parsed document; the first wins.
  document.AddEntry(map, quoted_key, second);
  document.set_root(map);

  EXPECT_EQ(&MappingValue(document.root(), "a"), first);
  EXPECT_FALSE(MappingValue(document.root(), "").IsDefined());
  EXPECT_FALSE(MappingValue(document.root(), "b").IsDefined());
  EXPECT_FALSE(MappingValue(*first, "a").IsDefined());
  EXPECT_FALSE(MappingValue(YamlNode::Undefined(), "a").IsDefined());
}

TEST(YamlNodeTest, NodesSurviveMovingTheDocument) {
  YamlDocument document;
  YamlNode* list = document.Add(Kind::kSequence, 0, "?");
  for (int i = 0; i < 1000; ++i) {
    document.AddItem(list, document.Add(Kind::kScalar, 0, "?", "x"));
  }
  document.AddItem(list, list);
  document.set_root(list);
  YamlDocument moved(std::move(document));
  EXPECT_EQ(&moved.root(), list);
  ASSERT_EQ(moved.root().size(), 1001u);
  EXPECT_EQ(moved.root().items()[999]->scalar(), "x");
  EXPECT_EQ(moved.root().items()[1000], list);
}

}  // namespace
}  // namespace agentgen
