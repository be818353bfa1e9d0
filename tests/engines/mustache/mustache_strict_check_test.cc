// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_strict_check.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engines/mustache/mustache_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

class MustacheStrictTest : public MustacheFixture {};

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

// The check on its own: which partials a template reaches, and which name
// parts it looks up (what the context given to mstch keeps).
TEST(MustacheStrictCheckTest, RecordsReachedPartialsAndNameParts) {
  json context = {{"agpm", {{"project", {{"a", 1}}}}}};
  std::map<std::string, std::string> partials = {
      {"used", "{{inner.name}}{{> nested}}"}, {"nested", "x"}, {"unused", "y"}};
  StrictCheck check(context, partials);
  EXPECT_TRUE(
      check.CheckTemplate("{{#agpm.project.a}}{{> used}}{{/agpm.project.a}}")
          .empty());
  EXPECT_EQ(check.used_partials(), (std::set<std::string>{"nested", "used"}));
  EXPECT_EQ(check.name_parts(),
            (NameParts{"a", "agpm", "inner", "name", "project"}));
}

}  // namespace
}  // namespace agentgen
