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

}  // namespace
}  // namespace agentgen
