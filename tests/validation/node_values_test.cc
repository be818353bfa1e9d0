// SPDX-License-Identifier: MIT
#include "validation/node_values.h"

#include <gtest/gtest.h>

#include "inputs/yaml_frontmatter.h"

namespace agentgen {
namespace {

class NodeValuesTest : public ::testing::Test {
 protected:
  // The value of `key` in `yaml`, which must parse.
  const YamlNode& Value(const std::string& yaml, const std::string& key) {
    text_ = yaml;
    Locator locate = SliceLocator("a.md", text_, 0);
    DiagnosticSink sink;
    document_ = ParseFrontmatterYaml(text_, locate, sink);
    EXPECT_TRUE(document_) << yaml;
    return MappingValue(document_->root(), key);
  }

  std::string text_;
  std::optional<YamlDocument> document_;
};

TEST_F(NodeValuesTest, KindsAsAYaml12ReaderTypesThem) {
  const std::pair<const char*, ValueKind> cases[] = {
      {"v: ~\n", ValueKind::kNull},
      {"v:\n", ValueKind::kNull},
      {"v: null\n", ValueKind::kNull},
      {"v: true\n", ValueKind::kBoolean},
      {"v: False\n", ValueKind::kBoolean},
      {"v: yes\n", ValueKind::kString},  // YAML 1.1 only
      {"v: 30\n", ValueKind::kNumber},
      {"v: -1.5e3\n", ValueKind::kNumber},
      {"v: 0x1f\n", ValueKind::kNumber},
      {"v: .inf\n", ValueKind::kNumber},
      {"v: \"30\"\n", ValueKind::kString},
      {"v: 1.2.3\n", ValueKind::kString},
      {"v: Bash\n", ValueKind::kString},
      {"v: !!str 5\n", ValueKind::kString},
      {"v: [a]\n", ValueKind::kList},
      {"v: {a: b}\n", ValueKind::kMapping},
  };
  for (const auto& [yaml, kind] : cases)
    EXPECT_EQ(KindOf(Value(yaml, "v")), kind) << yaml;
}

TEST_F(NodeValuesTest, PositiveIntegers) {
  EXPECT_TRUE(IsPositiveInteger(Value("v: 30\n", "v")));
  EXPECT_FALSE(IsPositiveInteger(Value("v: 0\n", "v")));
  EXPECT_FALSE(IsPositiveInteger(Value("v: 1.5\n", "v")));
  EXPECT_FALSE(IsPositiveInteger(Value("v: '30'\n", "v")));
  EXPECT_EQ(NumberOf(Value("v: 0o17\n", "v")), 15.0);
}

TEST_F(NodeValuesTest, HowMessagesNameValues) {
  EXPECT_EQ(Shown(Value("v: x\n", "v"), false), "the string \"x\"");
  EXPECT_EQ(Shown(Value("v: 5\n", "v"), true), "5");
  EXPECT_EQ(Shown(Value("v:\n", "v"), false), "nothing");
  EXPECT_EQ(Shown(Value("v: ~\n", "v"), true), "null");
  EXPECT_EQ(Shown(Value("v: {}\n", "v"), false), "a mapping");
  EXPECT_EQ(Shown(Value("v: {}\n", "v"), true), "an object");
  EXPECT_EQ(OneOf({"a", "b", "c"}), "a, b or c");
}

TEST_F(NodeValuesTest, ASuggestionSpansTheNameAsWrittenQuotesIncluded) {
  for (const char* yaml : {"v: comand\n", "v: \"comand\"\n"}) {
    const YamlNode& node = Value(yaml, "v");
    TreePlace place{text_, SliceLocator("a.md", text_, 0), false};
    DiagnosticSink sink;
    ReportName(place, node, Severity::kError, "m", std::string("command"), "r",
               sink);
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    const Diagnostic& diagnostic = sink.diagnostics()[0];
    bool quoted = yaml[3] == '"';
    EXPECT_EQ(diagnostic.where.column, 4);
    EXPECT_EQ(diagnostic.end.column, quoted ? 12 : 10);
    EXPECT_EQ(diagnostic.replacement, quoted ? "\"command\"" : "command");
  }
}

}  // namespace
}  // namespace agentgen
