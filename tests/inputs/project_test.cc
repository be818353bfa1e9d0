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

TEST(ProjectTest, DatesAndTimesPrintAsTomlDatetimeDisplays) {
  DiagnosticSink sink;
  std::optional<nlohmann::json> project = ParseProjectTable(
      "[project]\nz = 1979-05-27T07:32:00z\n"
      "plus = 1979-05-27T07:32:00+00:00\n"
      "minus = 1979-05-27t07:32:00-00:00\n"
      "west = 1979-05-27T00:32:00.999999-07:00\n"
      "local = 1979-05-27 07:32:00.500\n"
      "list = [1979-05-27T07:32:00.120Z, 2000-01-01T00:00:00+00:00]\n"
      "time = 07:32:00\nday = 1979-05-27\n",
      "agpm.toml", sink);
  ASSERT_TRUE(project);
  EXPECT_EQ(*project, nlohmann::json::parse(R"({
      "z": "1979-05-27T07:32:00Z",
      "plus": "1979-05-27T07:32:00+00:00",
      "minus": "1979-05-27T07:32:00+00:00",
      "west": "1979-05-27T00:32:00.999999-07:00",
      "local": "1979-05-27T07:32:00.5",
      "list": ["1979-05-27T07:32:00.12Z", "2000-01-01T00:00:00+00:00"],
      "time": "07:32:00", "day": "1979-05-27"})"));
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

TEST(ParseTomlValueTest, ReadsOneValueOfAnyKind) {
  EXPECT_EQ(ParseTomlValue("false", nullptr), nlohmann::json(false));
  EXPECT_EQ(ParseTomlValue("-3", nullptr), nlohmann::json(-3));
  EXPECT_EQ(ParseTomlValue("1.5", nullptr), nlohmann::json(1.5));
  EXPECT_EQ(ParseTomlValue("'lit'", nullptr), nlohmann::json("lit"));
  EXPECT_EQ(ParseTomlValue("\"a\\tb\"", nullptr), nlohmann::json("a\tb"));
  EXPECT_EQ(ParseTomlValue("[\"a\", 2]", nullptr),
            nlohmann::json::parse(R"(["a", 2])"));
  EXPECT_EQ(ParseTomlValue("{k = {n = 1}}", nullptr),
            nlohmann::json::parse(R"({"k": {"n": 1}})"));
  EXPECT_EQ(ParseTomlValue("1979-05-27", nullptr),
            nlohmann::json("1979-05-27"));
}

TEST(ParseTomlValueTest, RefusesWhatIsNotExactlyOneValue) {
  std::string error;
  EXPECT_FALSE(ParseTomlValue("word", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(ParseTomlValue("", &error));
  EXPECT_FALSE(ParseTomlValue("1\nb = 2", &error));
  EXPECT_EQ(error, "more than one value");
  EXPECT_FALSE(ParseTomlValue("1\n[t]", &error));
  EXPECT_FALSE(ParseTomlValue("nan", &error));
  EXPECT_EQ(error, "nan and inf have no template value");
  EXPECT_FALSE(ParseTomlValue("-inf", &error));
}

TEST(ApplyDefineTest, SetsAnyValueAtADottedName) {
  nlohmann::json project = {{"a", "x"}};
  ApplyDefine(project, "a.b", nlohmann::json::array({1}));
  EXPECT_EQ(project, nlohmann::json::parse(R"({"a": {"b": [1]}})"));
}

}  // namespace
}  // namespace agentgen
