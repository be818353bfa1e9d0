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

namespace agentgen {
namespace {

using nlohmann::json;

class MustacheFixture : public testing::Test {
 protected:
  // Renders `text` as the whole of file m.md.
  std::optional<std::string> Render(std::string text,
                                    const json& context = json::object(),
                                    MustacheOptions options = {}) {
    text_ = std::move(text);
    return RenderMustache(text_, context, partials_,
                          SliceLocator("m.md", text_, 0), sink_, options);
  }

  // Every diagnostic as printed, source line and caret included.
  std::vector<std::string> Errors() const {
    std::vector<std::string> printed;
    for (const Diagnostic& diagnostic : sink_.diagnostics())
      printed.push_back(FormatDiagnostic(diagnostic));
    return printed;
  }

  std::string text_;
  std::map<std::string, std::string> partials_;
  DiagnosticSink sink_;
};

class MustacheRenderTest : public MustacheFixture {};
class MustacheContextTest : public MustacheFixture {};
class MustachePartialTest : public MustacheFixture {};
class MustacheStrictTest : public MustacheFixture {};

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

// ---- Strictness ------------------------------------------------------------

TEST_F(MustacheStrictTest, ASectionThatIsNotClosed) {
  EXPECT_EQ(Render("a\n{{#items}}\nx\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:2:1: error: section 'items' is not closed\n"
                          "{{#items}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, TheInnermostOpenSectionIsReported) {
  EXPECT_EQ(Render("{{#a}} {{^b}} {{/a}}\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:8: error: section 'b' is not closed\n"
                          "{{#a}} {{^b}} {{/a}}\n"
                          "       ^\n"});
}

TEST_F(MustacheStrictTest, AnEndTagThatClosesNothing) {
  EXPECT_EQ(Render("x {{#a}}{{/a}} {{/ b }}\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:16: error: '{{/b}}' closes no open section\n"
                          "x {{#a}}{{/a}} {{/ b }}\n"
                          "               ^\n"});
}

TEST_F(MustacheStrictTest, AnEndTagWithTheWrongName) {
  EXPECT_EQ(Render("{{#a}}\n{{/b}}\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:2:1: error: '{{/b}}' closes no open section\n"
                          "{{/b}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, AnUnterminatedTag) {
  EXPECT_EQ(Render("ok\nsee {{agpm.project.name\nmore\n"), std::nullopt);
  EXPECT_EQ(Errors(),
            std::vector<std::string>{"m.md:2:5: error: unterminated tag\n"
                                     "see {{agpm.project.name\n"
                                     "    ^\n"});
}

TEST_F(MustacheStrictTest, ATripleMustacheWithoutItsThirdBrace) {
  EXPECT_EQ(Render("a {{{x}} b\n"), std::nullopt);
  EXPECT_EQ(Errors(),
            std::vector<std::string>{"m.md:1:3: error: unterminated tag\n"
                                     "a {{{x}} b\n"
                                     "  ^\n"});
}

TEST_F(MustacheStrictTest, BadSetDelimiterTags) {
  for (std::string text : {"{{=<%=}}", "{{=<% %>}}", "{{= <% x %> =}}",
                           "{{ =<% %>= }}", "{{=<%\t%>=}}", "{{=}}"}) {
    SCOPED_TRACE(text);
    DiagnosticSink fresh;
    std::swap(sink_, fresh);
    EXPECT_EQ(Render("ab " + text + "\n"), std::nullopt);
    EXPECT_EQ(Errors(), std::vector<std::string>{
                            "m.md:1:4: error: bad set-delimiter tag\n"
                            "ab " +
                            text +
                            "\n"
                            "   ^\n"});
  }
}

TEST_F(MustacheStrictTest, ATagWithoutAName) {
  EXPECT_EQ(Render("a {{#}}{{/}}\n"), std::nullopt);
  EXPECT_EQ(Errors(),
            std::vector<std::string>{"m.md:1:3: error: tag has no name\n"
                                     "a {{#}}{{/}}\n"
                                     "  ^\n"});
}

TEST_F(MustacheStrictTest, TheCheckFollowsSetDelimiters) {
  EXPECT_EQ(Render("{{=<% %>=}}\n{{#not_a_tag}}\n<%#a%>\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:3:1: error: section 'a' is not closed\n"
                          "<%#a%>\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, EndTagsAreQuotedWithTheCurrentDelimiters) {
  EXPECT_EQ(Render("{{=<% %>=}} <%/a%>"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:13: error: '<%/a%>' closes no open section\n"
                          "{{=<% %>=}} <%/a%>\n"
                          "            ^\n"});
}

TEST_F(MustacheStrictTest, NamesAreCheckedAfterADelimiterChange) {
  EXPECT_EQ(Render("{{=| |=}}|agpm.x| {{agpm.y}}", {{"agpm", json::object()}}),
            std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:10: error: undefined name 'agpm.x'\n"
                          "{{=| |=}}|agpm.x| {{agpm.y}}\n"
                          "         ^\n"});
}

TEST_F(MustacheStrictTest, AnUnknownPartial) {
  EXPECT_EQ(Render("# Agent\n\n{{> base}}\n"), std::nullopt);
  EXPECT_EQ(Errors(),
            std::vector<std::string>{"m.md:3:1: error: unknown partial 'base'\n"
                                     "{{> base}}\n"
                                     "^\n"});
}

TEST_F(MustacheStrictTest, AnUndefinedProjectNameSuggestsTheNearestKey) {
  json context = {
      {"agpm", {{"project", {{"language", "rust"}, {"name", "x"}}}}}};
  EXPECT_EQ(Render("Use {{agpm.project.langauge}}.\n", context), std::nullopt);
  EXPECT_EQ(Errors(),
            std::vector<std::string>{
                "m.md:1:5: error: undefined name 'agpm.project.langauge'; did "
                "you mean 'language'?\n"
                "Use {{agpm.project.langauge}}.\n"
                "    ^\n"});
}

TEST_F(MustacheStrictTest, TheSuggestionComesFromTheLevelWhereLookupFailed) {
  json context = {{"agpm",
                   {{"deps",
                     {{"snippets", {{"base", json::object()}}},
                      {"agents", json::object()}}}}}};
  EXPECT_EQ(Render("{{{agpm.deps.snipets.base.content}}}", context),
            std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:1: error: undefined name "
                          "'agpm.deps.snipets.base.content'; did you mean "
                          "'snippets'?\n"
                          "{{{agpm.deps.snipets.base.content}}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, TiesGoToTheFirstKeyInSortedOrder) {
  json context = {{"project", {{"ab", 1}, {"ba", 2}, {"bb", 3}}}};
  EXPECT_EQ(Render("{{&project.bx}}", context), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:1: error: undefined name 'project.bx'; did "
                          "you mean 'ba'?\n"
                          "{{&project.bx}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, NoSuggestionWhenNothingIsClose) {
  json context = {{"project", {{"language", "rust"}}}};
  EXPECT_EQ(Render("{{project.version}}", context), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:1: error: undefined name 'project.version'\n"
                          "{{project.version}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, AllUndefinedNamesAreReportedInOneRun) {
  json context = {{"agpm", {{"project", {{"name", "x"}}}}},
                  {"project", {{"name", "x"}}}};
  EXPECT_EQ(Render("{{agpm.project.nam}} and {{project.b}}\n"
                   "{{#items}}{{{agpm.resource.path}}}{{/items}}\n",
                   context),
            std::nullopt);
  EXPECT_EQ(Errors(),
            (std::vector<std::string>{
                "m.md:1:1: error: undefined name 'agpm.project.nam'; did you "
                "mean 'name'?\n"
                "{{agpm.project.nam}} and {{project.b}}\n"
                "^\n",
                "m.md:1:26: error: undefined name 'project.b'\n"
                "{{agpm.project.nam}} and {{project.b}}\n"
                "                         ^\n",
                "m.md:2:11: error: undefined name 'agpm.resource.path'\n"
                "{{#items}}{{{agpm.resource.path}}}{{/items}}\n"
                "          ^\n"}));
}

TEST_F(MustacheStrictTest, ParseErrorsStopTheCheckAfterEarlierNames) {
  EXPECT_EQ(Render("{{project.a}} {{/s}} {{project.b}}",
                   {{"project", json::object()}}),
            std::nullopt);
  EXPECT_EQ(Errors(), (std::vector<std::string>{
                          "m.md:1:1: error: undefined name 'project.a'\n"
                          "{{project.a}} {{/s}} {{project.b}}\n"
                          "^\n",
                          "m.md:1:15: error: '{{/s}}' closes no open section\n"
                          "{{project.a}} {{/s}} {{project.b}}\n"
                          "              ^\n"}));
}

TEST_F(MustacheStrictTest, ErrorsComeInTheOrderOfTheText) {
  EXPECT_EQ(Render("{{#open}}{{project.a}}", {{"project", json::object()}}),
            std::nullopt);
  ASSERT_EQ(sink_.diagnostics().size(), 2u);
  EXPECT_EQ(sink_.diagnostics()[0].message, "section 'open' is not closed");
  EXPECT_EQ(sink_.diagnostics()[1].message, "undefined name 'project.a'");
}

TEST_F(MustacheStrictTest, OtherNamesFollowMustacheLookupUnchecked) {
  json context = {{"items", json::array({{{"name", "a"}}})}};
  EXPECT_EQ(Render("{{missing}}{{#items}}{{name}}{{/items}}", context), "a");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustacheStrictTest, SectionsOnUndefinedRootNamesAreFalse) {
  json context = {{"agpm", {{"project", json::object()}}}};
  EXPECT_EQ(Render("{{#agpm.project.flag}}on{{/agpm.project.flag}}"
                   "{{^project.flag}}off{{/project.flag}}",
                   context),
            "off");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustacheStrictTest, NullValuesAreDefined) {
  json context = {{"agpm", {{"resource", {{"version", nullptr}}}}}};
  EXPECT_EQ(Render("[{{agpm.resource.version}}]", context), "[]");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustacheStrictTest, CommentsAreNotChecked) {
  // A comment ends at the first closing delimiter, as in mstch.
  EXPECT_EQ(Render("a{{! {{project.x {{/y {{#z }}b"), "ab");
  EXPECT_TRUE(sink_.diagnostics().empty());
}

TEST_F(MustacheStrictTest, ErrorsInAPartialAreReportedAtItsTag) {
  partials_["base"] = "x {{#s}}";
  EXPECT_EQ(Render("one\n  {{> base}}\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:2:3: error: in partial 'base': section 's' "
                          "is not closed\n"
                          "  {{> base}}\n"
                          "  ^\n"});
}

TEST_F(MustacheStrictTest, ErrorsInNestedPartialsNameEachPartial) {
  partials_["outer"] = "{{> inner}}";
  partials_["inner"] = "{{project.x}}{{> gone}}";
  EXPECT_EQ(Render("{{> outer}}", {{"project", json::object()}}), std::nullopt);
  EXPECT_EQ(Errors(),
            (std::vector<std::string>{
                "m.md:1:1: error: in partial 'outer': in partial 'inner': "
                "undefined name 'project.x'\n"
                "{{> outer}}\n"
                "^\n",
                "m.md:1:1: error: in partial 'outer': in partial 'inner': "
                "unknown partial 'gone'\n"
                "{{> outer}}\n"
                "^\n"}));
}

TEST_F(MustacheStrictTest, APartialIncludedTwiceIsReportedAtBothTags) {
  partials_["p"] = "{{project.x}}";
  EXPECT_EQ(Render("{{> p}}\n{{> p}}\n", {{"project", json::object()}}),
            std::nullopt);
  EXPECT_EQ(Errors(), (std::vector<std::string>{
                          "m.md:1:1: error: in partial 'p': undefined name "
                          "'project.x'\n"
                          "{{> p}}\n"
                          "^\n",
                          "m.md:2:1: error: in partial 'p': undefined name "
                          "'project.x'\n"
                          "{{> p}}\n"
                          "^\n"}));
}

TEST_F(MustacheStrictTest, APartialThatIncludesItself) {
  partials_["self"] = "again {{> self}}";
  EXPECT_EQ(Render("x {{> self}}\n"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:3: error: in partial 'self': partial "
                          "'self' includes itself\n"
                          "x {{> self}}\n"
                          "  ^\n"});
}

TEST_F(MustacheStrictTest, PartialsThatIncludeEachOtherEvenUnderASection) {
  partials_["a"] = "{{> b}}";
  partials_["b"] = "{{#children}}{{> a}}{{/children}}";
  EXPECT_EQ(Render("{{> a}}"), std::nullopt);
  EXPECT_EQ(Errors(), std::vector<std::string>{
                          "m.md:1:1: error: in partial 'a': in partial 'b': "
                          "partial 'a' includes itself\n"
                          "{{> a}}\n"
                          "^\n"});
}

TEST_F(MustacheStrictTest, PartialsNestAtMostSixtyFourDeep) {
  for (int i = 0; i < 64; ++i)
    partials_["p" + std::to_string(i)] = "{{> p" + std::to_string(i + 1) + "}}";
  partials_["p64"] = "too deep";
  EXPECT_EQ(Render("{{> p0}}"), std::nullopt);
  std::string chain;
  for (int i = 0; i < 64; ++i)
    chain += "in partial 'p" + std::to_string(i) + "': ";
  EXPECT_EQ(Errors(),
            std::vector<std::string>{"m.md:1:1: error: " + chain +
                                     "partials nest more than 64 deep\n"
                                     "{{> p0}}\n"
                                     "^\n"});
}

TEST_F(MustacheStrictTest, OffLetsMstchDropWhatItDrops) {
  MustacheOptions lenient;
  lenient.strict = false;
  EXPECT_EQ(Render("a{{> gone}}{{project.x}}b", json::object(), lenient), "ab");
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
