// SPDX-License-Identifier: MIT
#include "inputs/project.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(ProjectTest, ReadsTheProjectTableWithItsTypes) {
  DiagnosticSink sink;
  std::optional<nlohmann::json> project = ParseProjectTable(
      "[project]\nlanguage = \"rust\"\nratio = 0.5\nn = 3\non = true\n"
      "day = 2024-01-02\nlist = [1, \"a\"]\n[project.nested]\nk = \"v\"\n"
      "[other]\nx = 1\n",
      "agpm.toml", sink);
  ASSERT_TRUE(project);
  EXPECT_EQ(*project, nlohmann::json::parse(R"({
      "language": "rust", "ratio": 0.5, "n": 3, "on": true,
      "day": "2024-01-02", "list": [1, "a"], "nested": {"k": "v"}})"));
  EXPECT_FALSE(sink.has_errors());
}

TEST(ProjectTest, NoProjectTableIsEmpty) {
  DiagnosticSink sink;
  EXPECT_EQ(ParseProjectTable("[other]\nx = 1\n", "agpm.toml", sink),
            nlohmann::json::object());
}

TEST(ProjectTest, SyntaxErrorsAreLocated) {
  DiagnosticSink sink;
  EXPECT_FALSE(
      ParseProjectTable("[project]\nlanguage = \n", "p/agpm.toml", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  std::string text = FormatDiagnostic(sink.diagnostics()[0]);
  EXPECT_EQ(text.rfind("p/agpm.toml:2:", 0), 0u) << text;
  EXPECT_NE(text.find("language = "), std::string::npos) << text;
}

TEST(ProjectTest, AProjectKeyThatIsNotATableIsAnError) {
  DiagnosticSink sink;
  EXPECT_FALSE(ParseProjectTable("x = 1\nproject = 3\n", "agpm.toml", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]),
            "agpm.toml:2:11: error: 'project' must be a table\n"
            "project = 3\n"
            "          ^\n");
}

TEST(ProjectTest, DefinesAreStringsAndWin) {
  nlohmann::json project = {{"flag", true}, {"a", 1}};
  ApplyDefine(project, "flag", "false");
  ApplyDefine(project, "a.b.c", "x");
  ApplyDefine(project, "new", "1");
  EXPECT_EQ(project,
            nlohmann::json::parse(
                R"({"flag": "false", "a": {"b": {"c": "x"}}, "new": "1"})"));
}

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

TEST(ProjectTest, NonAsciiOutsideStringsIsALocatedError) {
  // These code points once reached undefined behaviour inside toml++.
  for (const char* text : {"[project]\nx = 1 \xc3\xa9\n", "\xc3\xa9 = 1\n",
                           "d=7\"\"\"e\xc3\xba\n", "a = 1 \xef\xb8\xbf\n"}) {
    DiagnosticSink sink;
    EXPECT_FALSE(ParseProjectTable(text, "agpm.toml", sink)) << text;
    ASSERT_EQ(sink.diagnostics().size(), 1u) << text;
    EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]).rfind("agpm.toml:", 0),
              0u);
  }
}

TEST(ProjectTest, NonAsciiInStringsAndCommentsIsFine) {
  DiagnosticSink sink;
  std::optional<nlohmann::json> project = ParseProjectTable(
      "# caf\xc3\xa9\n[project]\na = \"\xc3\xa9\\\"\xef\xb8\xbf\"\nb = "
      "'\xc3\xa9'\n"
      "c = \"\"\"\n\xc3\xa9\"\"\"\"\nd = '''\xc3\xa9'''\n\"k\xc3\xa9\" = 1\n",
      "agpm.toml", sink);
  ASSERT_TRUE(project) << FormatDiagnostic(sink.diagnostics()[0]);
  EXPECT_EQ((*project)["a"], "\xc3\xa9\"\xef\xb8\xbf");
  EXPECT_EQ((*project)["c"], "\xc3\xa9\"");
  EXPECT_EQ((*project)["k\xc3\xa9"], 1);
}

}  // namespace
}  // namespace agentgen
