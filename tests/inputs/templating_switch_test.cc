// SPDX-License-Identifier: MIT
#include "inputs/templating_switch.h"

#include <gtest/gtest.h>

#include "inputs/yaml_frontmatter.h"

namespace agentgen {
namespace {

Dialect SwitchOf(const std::string& yaml, DiagnosticSink& sink) {
  Locator locate = SliceLocator("a.md", yaml, 0);
  std::optional<YamlDocument> document =
      ParseFrontmatterYaml(yaml, locate, sink);
  EXPECT_TRUE(document.has_value()) << yaml;
  if (!document) return Dialect::kNone;
  return ReadTemplatingSwitch(document->root(), locate, sink);
}

TEST(TemplatingSwitchTest, OnlyAPlainYamlTrueSwitchesAgpmOn) {
  for (const char* on : {"true", "True", "TRUE"}) {
    DiagnosticSink sink;
    EXPECT_EQ(SwitchOf(std::string("agpm:\n  templating: ") + on, sink),
              Dialect::kAgpm);
    EXPECT_TRUE(sink.diagnostics().empty());
  }
  for (const char* near_miss : {"yes", "on", "\"true\"", "'True'", "1"}) {
    DiagnosticSink sink;
    EXPECT_EQ(SwitchOf(std::string("agpm:\n  templating: ") + near_miss, sink),
              Dialect::kNone)
        << near_miss;
    ASSERT_EQ(sink.diagnostics().size(), 1u) << near_miss;
    EXPECT_EQ(sink.diagnostics()[0].severity, Severity::kWarning);
  }
}

TEST(TemplatingSwitchTest, FalseAndAbsentAreQuiet) {
  DiagnosticSink sink;
  EXPECT_EQ(SwitchOf("agpm:\n  templating: false\n", sink), Dialect::kNone);
  EXPECT_EQ(SwitchOf("agpm.templating: true\n", sink), Dialect::kNone);
  EXPECT_EQ(SwitchOf("name: x\n", sink), Dialect::kNone);
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(TemplatingSwitchTest, Mustache) {
  DiagnosticSink sink;
  EXPECT_EQ(SwitchOf("agentgen:\n  templating: mustache\n", sink),
            Dialect::kMustache);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_STREQ(DialectName(Dialect::kMustache), "mustache");
}

}  // namespace
}  // namespace agentgen
