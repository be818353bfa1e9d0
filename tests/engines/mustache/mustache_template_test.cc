// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_template.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/work_budget.h"
#include "engines/mustache/mustache_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

class MustacheRenderTest : public MustacheFixture {};
class MustacheContextTest : public MustacheFixture {};
class MustachePartialTest : public MustacheFixture {};

// ---- Rendering and escaping ------------------------------------------------

TEST_F(MustacheRenderTest, EscapingIsOffByDefault) {
  json context = {{"x", "<b>&\"quoted\"</b>"}};
  EXPECT_EQ(Render("{{x}} {{{x}}} {{&x}}", context),
            "<b>&\"quoted\"</b> <b>&\"quoted\"</b> <b>&\"quoted\"</b>");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustacheRenderTest, EscapingOnEscapesWhatTheSpecNames) {
  MustacheOptions options;
  options.escape_html = true;
  json context = {{"x", "<a href='/p'>&\"q\"</a>"}};
  EXPECT_EQ(Render("{{x}}|{{{x}}}", context, options),
            "&lt;a href='/p'&gt;&amp;&quot;q&quot;&lt;/a&gt;|"
            "<a href='/p'>&\"q\"</a>");
}

TEST_F(MustacheRenderTest, EscapingDoesNotOutliveItsRender) {
  MustacheOptions escaping;
  escaping.escape_html = true;
  json context = {{"x", "a&b"}};
  EXPECT_EQ(Render("{{x}}", context, escaping), "a&amp;b");
  EXPECT_EQ(Render("{{x}}", context), "a&b");
}

TEST_F(MustacheRenderTest, KeepsTextAndLineEndsAsTheyAre) {
  EXPECT_EQ(Render("---\nname: x\n---\n\n# Title\n\nno tags\n"),
            "---\nname: x\n---\n\n# Title\n\nno tags\n");
}

TEST_F(MustacheRenderTest, StandaloneSectionLinesLeaveNoBlankLines) {
  json context = {{"items", {"a", "b"}}};
  EXPECT_EQ(Render("list:\n{{#items}}\n- {{.}}\n{{/items}}\nend\n", context),
            "list:\n- a\n- b\nend\n");
}

TEST_F(MustacheRenderTest, SetDelimitersWork) {
  json context = {{"x", "X"}};
  EXPECT_EQ(Render("{{=<% %>=}}<%x%> {{x}} <%={{ }}=%>{{x}}", context),
            "X {{x}} X");
}

// ---- The context -----------------------------------------------------------

TEST_F(MustacheContextTest, IntegersPrintInDecimalBeyondThirtyTwoBits) {
  json context = {{"n", 42},
                  {"neg", -7},
                  {"big", 9007199254740993LL},
                  {"unsigned", 18446744073709551615ULL}};
  EXPECT_EQ(Render("{{n}} {{neg}} {{big}} {{unsigned}}", context),
            "42 -7 9007199254740993 18446744073709551615");
}

TEST_F(MustacheContextTest, FloatsPrintInTheShortestRoundTripForm) {
  json context = {{"a", 0.1},
                  {"b", 100.0},
                  {"c", 1.21},
                  {"d", 2.5},
                  {"e", 0.30000000000000004}};
  EXPECT_EQ(Render("{{a}} {{b}} {{c}} {{d}} {{e}}", context),
            "0.1 100.0 1.21 2.5 0.30000000000000004");
}

TEST_F(MustacheContextTest, ANumberIsTrueInASectionEvenZero) {
  json context = {{"zero", 0}, {"zero_float", 0.0}, {"one", 1}};
  EXPECT_EQ(Render("{{#zero}}a{{/zero}}{{#zero_float}}b{{/zero_float}}"
                   "{{#one}}c{{/one}}{{^zero}}not{{/zero}}",
                   context),
            "abc");
}

TEST_F(MustacheContextTest, BooleansAreBooleans) {
  json context = {{"yes", true}, {"no", false}};
  EXPECT_EQ(Render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}} {{yes}}",
                   context),
            "Yn true");
}

TEST_F(MustacheContextTest, EmptyStringsListsNullAndMissingNamesAreFalse) {
  json context = {{"empty", ""}, {"list", json::array()}, {"null", nullptr}};
  EXPECT_EQ(Render("{{#empty}}1{{/empty}}{{#list}}2{{/list}}"
                   "{{#null}}3{{/null}}{{#missing}}4{{/missing}}|"
                   "{{^empty}}a{{/empty}}{{^list}}b{{/list}}"
                   "{{^null}}c{{/null}}{{^missing}}d{{/missing}}",
                   context),
            "|abcd");
}

TEST_F(MustacheContextTest, AnEmptyTableIsTrue) {
  json context = {{"table", json::object()}};
  EXPECT_EQ(Render("{{#table}}yes{{/table}}", context), "yes");
}

TEST_F(MustacheContextTest, ATableWhoseMembersTheTemplateNeverNamesIsTrue) {
  // The strict render leaves such members out of what mstch sees.
  json context = {
      {"agpm", {{"deps", {{"snippets", {{"x", {{"content", "c"}}}}}}}}}};
  EXPECT_EQ(Render("{{#agpm.deps.snippets}}has snippets{{/agpm.deps.snippets}}",
                   context),
            "has snippets");
}

TEST_F(MustacheContextTest, SectionsIterateListsAndEnterTables) {
  json context = {{"deps", {{"name", "base"}}},
                  {"items", json::array({{{"name", "a"}}, {{"name", "b"}}})},
                  {"name", "root"}};
  EXPECT_EQ(Render("{{#items}}{{name}},{{/items}} {{#deps}}{{name}}{{/deps}} "
                   "{{name}}",
                   context),
            "a,b, base root");
}

TEST_F(MustacheContextTest, DottedNamesReachTheAgpmTables) {
  json context = {
      {"agpm",
       {{"deps", {{"snippets", {{"base", {{"content", "Base text."}}}}}}},
        {"project", {{"language", "rust"}}}}},
      {"project", {{"language", "rust"}}}};
  EXPECT_EQ(Render("{{agpm.deps.snippets.base.content}} "
                   "{{agpm.project.language}} {{project.language}}",
                   context),
            "Base text. rust rust");
}

// ---- Partials --------------------------------------------------------------

TEST_F(MustachePartialTest, InsertsThePartialRenderedInTheCurrentContext) {
  partials_["item"] = "<{{name}}>";
  json context = {{"items", json::array({{{"name", "a"}}, {{"name", "b"}}})}};
  EXPECT_EQ(Render("{{#items}}{{> item}}{{/items}}", context), "<a><b>");
}

TEST_F(MustachePartialTest, AStandalonePartialIndentsEveryLine) {
  partials_["base"] = "first\n{{text}}\nlast\n";
  json context = {{"text", "one\ntwo"}};
  // The indentation goes before each line of the partial, not into the
  // lines of a value it prints.
  EXPECT_EQ(Render("list:\n  {{> base}}\nend\n", context),
            "list:\n  first\n  one\ntwo\n  last\nend\n");
}

TEST_F(MustachePartialTest, PartialsMayIncludePartials) {
  partials_["outer"] = "[{{> inner}}]";
  partials_["inner"] = "{{x}}";
  EXPECT_EQ(Render("{{> outer}}", {{"x", "X"}}), "[X]");
}

TEST_F(MustachePartialTest, UnusedPartialsAreNeitherCheckedNorNeeded) {
  partials_["broken"] = "{{#open";
  EXPECT_EQ(Render("text"), "text");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustachePartialTest, SixtyFourNestedPartialsAreFine) {
  for (int i = 0; i < 63; ++i)
    partials_["p" + std::to_string(i)] = "{{> p" + std::to_string(i + 1) + "}}";
  partials_["p63"] = "deep";
  EXPECT_EQ(Render("{{> p0}}"), "deep");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

std::string ReadTestFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

// The first line of the only diagnostic a failed render reported.
std::string OnlyError(const DiagnosticSink& sink) {
  if (sink.diagnostics().size() != 1) return "(not one diagnostic)";
  std::string message = FormatDiagnostic(sink.diagnostics()[0]);
  return message.substr(0, message.find('\n'));
}

// Nested sections over lists multiply; mstch cannot be stopped once running,
// so its work is played through first, and the limit is reported at the
// outermost section.
TEST(MustacheLimitsTest, SectionsNestedOverListsAreBoundedBeforeRendering) {
  std::string text = "text\n  ";
  for (int i = 0; i < 30; ++i) text += "{{#agpm.project.l}}";
  text += "x";
  for (int i = 0; i < 30; ++i) text += "{{/agpm.project.l}}";
  nlohmann::json context = {{"agpm", {{"project", {{"l", {1, 2}}}}}}};
  DiagnosticSink sink;
  EXPECT_FALSE(
      RenderMustache(text, context, {}, SliceLocator("m.md", text, 0), sink));
  EXPECT_EQ(OnlyError(sink),
            "m.md:2:3: error: the Mustache renderer would need more than "
            "3000000 operations for this render, the limit on one render "
            "(sections nested over lists and long runs of standalone tag "
            "lines cost the most)");
}

// Each repetition of a section and each interpolation is a step.
TEST(MustacheLimitsTest, StepsComeFromTheRendersBudget) {
  std::string text = "{{#l}}{{.}}{{/l}}";
  nlohmann::json context = {{"l", {"a", "b", "c"}}};
  DiagnosticSink sink;
  MustacheOptions options;
  WorkBudget enough(6, kMaxMstchOperations);
  options.budget = &enough;
  EXPECT_EQ(RenderMustache(text, context, {}, SliceLocator("m.md", text, 0),
                           sink, options),
            "abc");
  EXPECT_EQ(enough.spent().steps, 6u);
  WorkBudget five(5, kMaxMstchOperations);
  options.budget = &five;
  EXPECT_FALSE(RenderMustache(text, context, {}, SliceLocator("m.md", text, 0),
                              sink, options));
  EXPECT_EQ(OnlyError(sink),
            "m.md:1:1: error: rendering takes more than 5 steps (loop "
            "iterations, section repetitions, partials, interpolations and "
            "filter calls), the limit on one render");
}

// Found by fuzzing (issue 11): in the mode the Mustache spec suite uses,
// deeply nested sections over a two-element list, with stray tags between
// them, ran for minutes.
TEST(MustacheLimitsTest, FuzzedNestedSectionsStopQuickly) {
  std::string input =
      ReadTestFile(std::string(AGENTGEN_FUZZ_CORPUS_DIR) +
                   "/mustache/regression-timeout-nested-sections");
  ASSERT_GT(input.size(), 1u);
  ASSERT_EQ(input[0] & 1, 0) << "the input is for the unchecked mode";
  std::string text = input.substr(1);
  nlohmann::json context = nlohmann::json::parse(
      R"({"agpm": {"project": {"team": "core", "n": 3, "list": [1, 2]},
                   "deps": {"snippets": {"base": {"content": "B"}}}},
          "project": {"team": "core"},
          "items": [{"name": "x"}, {"name": "y"}]})");
  MustacheOptions options;
  options.strict = false;
  options.escape_html = true;
  DiagnosticSink sink;
  EXPECT_FALSE(RenderMustache(text, context, {}, SliceLocator("m.md", text, 0),
                              sink, options));
  EXPECT_NE(OnlyError(sink).find("error: the Mustache renderer would need "
                                 "more than 3000000 operations"),
            std::string::npos)
      << OnlyError(sink);
}

// mstch removes the whitespace of each standalone tag line from a vector,
// moving every token after it: tens of thousands of such lines took minutes.
TEST(MustacheLimitsTest, ManyStandaloneLinesAreBounded) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{{! note }}\n";
  DiagnosticSink sink;
  EXPECT_FALSE(RenderMustache(text, nlohmann::json::object(), {},
                              SliceLocator("m.md", text, 0), sink));
  EXPECT_EQ(OnlyError(sink).substr(0, 50),
            "m.md:1:1: error: the Mustache renderer would need ");
  std::string few;
  for (int i = 0; i < 500; ++i) few += "{{! note }}\n";
  EXPECT_EQ(RenderMustache(few, nlohmann::json::object(), {},
                           SliceLocator("m.md", few, 0), sink),
            "");
}

// mstch recurses once per part of a dotted name, and once per nested
// section or partial it renders: deep enough, the stack overflows.
TEST(MustacheLimitsTest, DeepNamesAndNestingAreErrors) {
  std::string name = "a";
  for (int i = 0; i < 64; ++i) name += ".a";
  std::string text = "x {{" + name + "}}";
  DiagnosticSink sink;
  EXPECT_FALSE(RenderMustache(text, nlohmann::json::object(), {},
                              SliceLocator("m.md", text, 0), sink));
  EXPECT_EQ(OnlyError(sink), "m.md:1:3: error: a name of more than 64 parts");

  std::string nested;
  for (int i = 0; i < 200; ++i) nested += "{{#flag}}";
  for (int i = 0; i < 200; ++i) nested += "{{/flag}}";
  DiagnosticSink nested_sink;
  EXPECT_FALSE(RenderMustache(nested, {{"flag", true}}, {},
                              SliceLocator("m.md", nested, 0), nested_sink));
  EXPECT_EQ(OnlyError(nested_sink),
            "m.md:1:1: error: sections and partials nest more than 128 "
            "levels deep");

  // Unchecked, a partial may include itself; mstch would recurse forever.
  std::string text_with_partial = "{{> self}}";
  MustacheOptions unchecked;
  unchecked.strict = false;
  DiagnosticSink partial_sink;
  EXPECT_FALSE(RenderMustache(
      text_with_partial, nlohmann::json::object(), {{"self", "x{{> self}}"}},
      SliceLocator("m.md", text_with_partial, 0), partial_sink, unchecked));
  EXPECT_EQ(OnlyError(partial_sink),
            "m.md:1:1: error: sections and partials nest more than 128 "
            "levels deep");
}

TEST(MustacheLimitsTest, OrdinaryNestingRenders) {
  std::string text =
      "{{#agpm.project.l}}{{#agpm.project.l}}{{.}}{{/agpm.project.l}}"
      "{{/agpm.project.l}}{{#flag}}{{#flag}}y{{/flag}}{{/flag}}";
  nlohmann::json context = {{"agpm", {{"project", {{"l", {1, 2}}}}}},
                            {"flag", true}};
  DiagnosticSink sink;
  EXPECT_EQ(
      RenderMustache(text, context, {}, SliceLocator("m.md", text, 0), sink),
      "1212y");
}

}  // namespace
}  // namespace agentgen
