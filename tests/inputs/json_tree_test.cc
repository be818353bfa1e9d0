// SPDX-License-Identifier: MIT
#include "inputs/json_tree.h"

#include <gtest/gtest.h>

#include <string>

namespace agentgen {
namespace {

TEST(JsonTreeTest, KeysAndValuesEachAtTheirOwnOffset) {
  const std::string text = "{\"a\": [1, \"x\"],\n \"b\": {\"c\": null}}";
  std::optional<YamlDocument> tree = ReadJsonTree(text);
  ASSERT_TRUE(tree);
  const YamlNode& root = tree->root();
  ASSERT_TRUE(root.IsMap());
  EXPECT_EQ(root.offset(), 0u);
  ASSERT_EQ(root.entries().size(), 2u);
  EXPECT_EQ(root.entries()[0].key->scalar(), "a");
  EXPECT_EQ(root.entries()[0].key->offset(), text.find("\"a\""));
  const YamlNode& a = MappingValue(root, "a");
  EXPECT_EQ(a.offset(), text.find('['));
  ASSERT_EQ(a.items().size(), 2u);
  EXPECT_EQ(a.items()[0]->offset(), text.find('1'));
  EXPECT_EQ(a.items()[1]->offset(), text.find("\"x\""));
  const YamlNode& c = MappingValue(MappingValue(root, "b"), "c");
  EXPECT_TRUE(c.IsNull());
  EXPECT_EQ(c.offset(), text.find("null"));
}

TEST(JsonTreeTest, StringsAreQuotedScalarsAndOthersPlainAsWritten) {
  std::optional<YamlDocument> tree = ReadJsonTree(
      R"({"s": "5", "n": -1.5e3, "t": true, "e": "\ud83d\ude00 \/ \u00e9"})");
  ASSERT_TRUE(tree);
  const YamlNode& root = tree->root();
  EXPECT_EQ(MappingValue(root, "s").tag(), "!");
  EXPECT_EQ(MappingValue(root, "s").scalar(), "5");
  EXPECT_EQ(MappingValue(root, "n").tag(), "?");
  EXPECT_EQ(MappingValue(root, "n").scalar(), "-1.5e3");
  EXPECT_EQ(MappingValue(root, "t").scalar(), "true");
  // A surrogate pair, which yaml-cpp rejects, and the other JSON escapes.
  EXPECT_EQ(MappingValue(root, "e").scalar(), "\xF0\x9F\x98\x80 / \xC3\xA9");
}

TEST(JsonTreeTest, ARepeatedKeyKeepsItsLastValueAsNlohmannDoes) {
  const std::string text = R"({"k": 1, "other": 2, "k": 3})";
  std::optional<YamlDocument> tree = ReadJsonTree(text);
  ASSERT_TRUE(tree);
  ASSERT_EQ(tree->root().entries().size(), 2u);
  EXPECT_EQ(MappingValue(tree->root(), "k").scalar(), "3");
  EXPECT_EQ(MappingValue(tree->root(), "k").offset(), text.rfind('3'));
}

TEST(JsonTreeTest, ByteOrderMarkAndTabs) {
  const std::string text = "\xEF\xBB\xBF{\n\t\"a\": 1\n}";
  std::optional<YamlDocument> tree = ReadJsonTree(text);
  ASSERT_TRUE(tree);
  EXPECT_EQ(tree->root().offset(), 3u);
  EXPECT_EQ(MappingValue(tree->root(), "a").scalar(), "1");
}

TEST(JsonTreeTest, NotJsonOrTooDeep) {
  EXPECT_FALSE(ReadJsonTree("{\"a\": }"));
  EXPECT_FALSE(ReadJsonTree("a: 1"));
  EXPECT_TRUE(ReadJsonTree(std::string(100, '[') + std::string(100, ']')));
  EXPECT_FALSE(ReadJsonTree(std::string(102, '[') + std::string(102, ']')));
}

}  // namespace
}  // namespace agentgen
