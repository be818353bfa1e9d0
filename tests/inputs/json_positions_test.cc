// SPDX-License-Identifier: MIT
#include "inputs/json_positions.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(JsonValueOffsetsTest, MembersPointAtTheirKeysAndElementsAtThemselves) {
  std::string text =
      "{\n  \"command\": \"npx\",\n  \"args\": [\"-y\", 3],\n"
      "  \"env\": {\"A/B\": \"x\", \"t~\": {}}\n}\n";
  std::map<std::string, size_t> offsets = JsonValueOffsets(text);
  EXPECT_EQ(offsets.at(""), 0u);
  EXPECT_EQ(offsets.at("/command"), text.find("\"command\""));
  EXPECT_EQ(offsets.at("/args"), text.find("\"args\""));
  EXPECT_EQ(offsets.at("/args/0"), text.find("\"-y\""));
  EXPECT_EQ(offsets.at("/args/1"), text.find("3]"));
  EXPECT_EQ(offsets.at("/env/A~1B"), text.find("\"A/B\""));
  EXPECT_EQ(offsets.at("/env/t~0"), text.find("\"t~\""));
  EXPECT_EQ(offsets.size(), 8u);
}

TEST(JsonValueOffsetsTest, EscapedQuotesAndLeadingBlanks) {
  std::string text = "  {\"a\\\"b\": [\"x\\\\\", true, null], \"c\": -1.5e3}";
  std::map<std::string, size_t> offsets = JsonValueOffsets(text);
  EXPECT_EQ(offsets.at(""), 2u);
  EXPECT_EQ(offsets.at("/a\"b"), 3u);
  EXPECT_EQ(offsets.at("/a\"b/1"), text.find("true"));
  EXPECT_EQ(offsets.at("/a\"b/2"), text.find("null"));
  EXPECT_EQ(offsets.at("/c"), text.find("\"c\""));
}

TEST(JsonValueOffsetsTest, AScalarDocument) {
  EXPECT_EQ(JsonValueOffsets("\n 42 ").at(""), 2u);
}

TEST(JsonDuplicateKeyTest, FindsTheFirstRepeatedKeyInTextOrder) {
  std::string text = R"({"a": {"x": 1, "x": 2}, "a": 3})";
  std::optional<JsonDuplicateKey> duplicate = FindDuplicateJsonKey(text);
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->key, "x");
  EXPECT_EQ(duplicate->offset, text.find("\"x\": 2"));
  // Escapes are decoded before keys are compared.
  EXPECT_EQ(FindDuplicateJsonKey(R"({"\u0061": 1, "a": 2})")->key, "a");
  EXPECT_FALSE(FindDuplicateJsonKey(R"({"a": {"a": 1}, "b": [{"a": 2}]})"));
}

TEST(JsonDuplicateKeyTest, StrictParsingRefusesRepeatsAndSyntaxErrors) {
  nlohmann::json value;
  size_t offset = 0;
  EXPECT_FALSE(ParseJsonStrictly(R"({"a": [1, 2]})", &value, &offset));
  EXPECT_EQ(value, nlohmann::json::parse(R"({"a": [1, 2]})"));
  EXPECT_EQ(*ParseJsonStrictly(R"({"a": 1, "a": 2})", &value, &offset),
            "duplicate key \"a\" (JSON readers keep one of the values "
            "silently, AGPM the last)");
  EXPECT_EQ(offset, 9u);
  std::optional<std::string> problem =
      ParseJsonStrictly("{\"a\": }", &value, &offset);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->rfind("invalid JSON: ", 0), 0u);
  EXPECT_EQ(offset, 6u);
}

}  // namespace
}  // namespace agentgen
