// SPDX-License-Identifier: MIT
// Claude Code's second reading of a frontmatter: which values it quotes,
// and how offsets of the quoted text map back.
#include "validation/claude_code_yaml.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(RequoteOneLineValuesTest, QuotesOnlyTheLinesThatAreNotYamlOnTheirOwn) {
  RequotedYaml requoted = RequoteOneLineValues(
      "name: a\ndescription: Use: this \"now\"\nmaxTurns: 5\n"
      "tools: Bash(git:*)\n");
  EXPECT_EQ(requoted.text,
            "name: a\ndescription: \"Use: this \\\"now\\\"\"\nmaxTurns: 5\n"
            "tools: Bash(git:*)\n");
  ASSERT_EQ(requoted.values.size(), 1u);
  EXPECT_EQ(requoted.values[0].key, "description");
  EXPECT_EQ(requoted.values[0].begin, 21u);
  EXPECT_EQ(requoted.values[0].end, 36u);
}

TEST(RequoteOneLineValuesTest, LeavesYamlSyntaxAndMultiLineValuesAlone) {
  const char* untouched[] = {
      "a: 'x: y\n",         // quoted
      "a: [x: y\n",         // a flow collection
      "a: |\n  x: y\n",     // a block scalar
      "a: x: y\n  more\n",  // continues indented
      "a: x: y\nmore\n",    // runs on unindented
      "  a: x: y\n",        // not top level
      "# a: x: y\n",        // a comment
      "a:\n",               // no value
  };
  for (const char* text : untouched) {
    RequotedYaml requoted = RequoteOneLineValues(text);
    EXPECT_TRUE(requoted.values.empty()) << text;
    EXPECT_EQ(requoted.text, text);
  }
}

TEST(RequoteOneLineValuesTest, OffsetsMapBackToTheOriginal) {
  std::string original = "k: x: y\nz: 1\n";
  RequotedYaml requoted = RequoteOneLineValues(original);
  ASSERT_EQ(requoted.text, "k: \"x: y\"\nz: 1\n");
  EXPECT_EQ(requoted.ToOriginal(0), 0u);   // k
  EXPECT_EQ(requoted.ToOriginal(3), 3u);   // the opening quote: the value
  EXPECT_EQ(requoted.ToOriginal(4), 3u);   // x
  EXPECT_EQ(requoted.ToOriginal(6), 5u);   // the space before y
  EXPECT_EQ(requoted.ToOriginal(10), 8u);  // z
  EXPECT_EQ(requoted.ToOriginal(requoted.text.size()), original.size());
}

TEST(DoubleQuotedTest, EscapesQuotesBackslashesAndTabs) {
  EXPECT_EQ(DoubleQuoted("a\"b\\c\td"), "\"a\\\"b\\\\c\\td\"");
  EXPECT_EQ(DoubleQuoted(""), "\"\"");
}

}  // namespace
}  // namespace agentgen
