// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_template.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

TEST(AgpmTextTest, TextWithoutTagsIsCopied) {
  EXPECT_EQ(Rendered("plain\n  text\n"), "plain\n  text\n");
  EXPECT_EQ(Rendered(""), "");
}

TEST(AgpmTextTest, BracesThatOpenNoTagStayText) {
  EXPECT_EQ(Rendered("a { b } }} %} #} ${x} {"), "a { b } }} %} #} ${x} {");
}

TEST(AgpmPrintTest, PrintsDottedPaths) {
  EXPECT_EQ(Rendered("{{ agpm.project.language }}/{{project.language}}\n"),
            "rust/rust\n");
  EXPECT_EQ(Rendered("[{{ agpm.deps.snippets.review_base.content }}]"),
            "[You review.]");
}

TEST(AgpmPrintTest, SubscriptsReachKeysThatAreNotNames) {
  EXPECT_EQ(Rendered("{{ agpm.deps[\"mcp-servers\"][\"context7\"].content }}"),
            "{}");
  EXPECT_EQ(Rendered("{{ agpm['deps'][`snippets`].alpha.content }}"), "A");
}

TEST(AgpmPrintTest, PrintsStringLiteralsInEitherQuote) {
  EXPECT_EQ(Rendered("{{ 'say \"hi\"' }}|{{ \"it's\" }}|{{ '}}' }}"),
            "say \"hi\"|it's|}}");
}

TEST(AgpmPrintTest, PrintsEveryScalarType) {
  EXPECT_EQ(Rendered("{{ agpm.project.ratio }} {{ agpm.project.big }} "
                     "{{ agpm.project.n }} {{ agpm.project.on }} "
                     "{{ agpm.project.t }} [{{ agpm.resource.version }}]"),
            "0.1 100 -7 false true []");
}

TEST(AgpmPrintTest, PrintingATableIsAnError) {
  EXPECT_EQ(RenderError("x\n  {{ agpm.project.nested }}\n"),
            "a.md:2:6: error: cannot print a table ('agpm.project.nested'); "
            "iterate it with '{% for %}'\n"
            "  {{ agpm.project.nested }}\n"
            "     ^\n");
}

TEST(AgpmPrintTest, PrintingAListIsAnError) {
  EXPECT_EQ(RenderError("{{agpm.project.tags}}"),
            "a.md:1:3: error: cannot print a list ('agpm.project.tags'); "
            "iterate it with '{% for %}' or join it with '| join(sep=\", "
            "\")'\n"
            "{{agpm.project.tags}}\n"
            "  ^\n");
}

TEST(AgpmUndefinedTest, NamesTheExpressionAsWritten) {
  EXPECT_EQ(RenderError("Hello\nx {{ agpm.project.zzz_unknown }}\n"),
            "a.md:2:6: error: undefined name 'agpm.project.zzz_unknown'\n"
            "x {{ agpm.project.zzz_unknown }}\n"
            "     ^\n");
}

TEST(AgpmUndefinedTest, KeepsSubscriptsAsWrittenAndIgnoresFilters) {
  EXPECT_EQ(RenderError("{{ agpm.deps[\"mcp-servers\"]['nope'] | content }}"),
            "a.md:1:4: error: undefined name "
            "'agpm.deps[\"mcp-servers\"]['nope']'; no dependency 'nope' is "
            "declared under 'mcp-servers' (add a 'dependencies:' entry for "
            "it)\n"
            "{{ agpm.deps[\"mcp-servers\"]['nope'] | content }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, SuggestsTheNearestKey) {
  EXPECT_EQ(RenderError("{{ agpm.project.langauge }}"),
            "a.md:1:4: error: undefined name 'agpm.project.langauge'; did "
            "you mean 'language'?\n"
            "{{ agpm.project.langauge }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, SuggestsKeysOfTheRoot) {
  EXPECT_EQ(RenderError("{{ projct.language }}"),
            "a.md:1:4: error: undefined name 'projct.language'; did you mean "
            "'project'?\n"
            "{{ projct.language }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, SuggestsNothingFarAway) {
  EXPECT_EQ(RenderError("{{ agpm.project.framework }}"),
            "a.md:1:4: error: undefined name 'agpm.project.framework'\n"
            "{{ agpm.project.framework }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, TiesGoToTheFirstKeyInSortedOrder) {
  json context = {{"bb", 1}, {"ab", 2}, {"cb", 3}};
  EXPECT_EQ(RenderError("{{ xb }}", context),
            "a.md:1:4: error: undefined name 'xb'; did you mean 'ab'?\n"
            "{{ xb }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, AMissingDependencySuggestsAndAsksForAnEntry) {
  EXPECT_EQ(RenderError("{{ agpm.deps.snippets.review_bse.content }}"),
            "a.md:1:4: error: undefined name "
            "'agpm.deps.snippets.review_bse.content'; did you mean "
            "'review_base'?; no dependency 'review_bse' is declared under "
            "'snippets' (add a 'dependencies:' entry for it)\n"
            "{{ agpm.deps.snippets.review_bse.content }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, AMissingDependencyWithoutANearKeyAsksForAnEntry) {
  EXPECT_EQ(RenderError("{{ agpm.deps.agents.helper.content }}"),
            "a.md:1:4: error: undefined name "
            "'agpm.deps.agents.helper.content'; no dependency 'helper' is "
            "declared under 'agents' (add a 'dependencies:' entry for it)\n"
            "{{ agpm.deps.agents.helper.content }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, AMissingFieldOfADependencyIsNoMissingEntry) {
  EXPECT_EQ(RenderError("{{ agpm.deps.snippets.alpha.contnt }}"),
            "a.md:1:4: error: undefined name "
            "'agpm.deps.snippets.alpha.contnt'; did you mean 'content'?\n"
            "{{ agpm.deps.snippets.alpha.contnt }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, SaysWhenAPathGoesThroughAScalar) {
  EXPECT_EQ(RenderError("{{ agpm.project.language.name }}"),
            "a.md:1:4: error: undefined name 'agpm.project.language.name'; "
            "'agpm.project.language' is a string, not a table\n"
            "{{ agpm.project.language.name }}\n"
            "   ^\n");
}

TEST(AgpmUndefinedTest, EveryUndefinedNameIsReported) {
  Outcome outcome = ParseAndRender(
      "{{ agpm.project.a1 }}\n"
      "ok {{ agpm.project.language }}\n"
      "{% if agpm.project.t %}{{ agpm.project.b2 }}{% endif %}\n"
      "{% for item in agpm.project.missing_list %}{% endfor %}\n");
  EXPECT_TRUE(outcome.parsed);
  EXPECT_FALSE(outcome.output.has_value());
  ASSERT_EQ(outcome.diagnostics.size(), 3u);
  EXPECT_EQ(outcome.diagnostics[0],
            "a.md:1:4: error: undefined name 'agpm.project.a1'\n"
            "{{ agpm.project.a1 }}\n"
            "   ^\n");
  EXPECT_EQ(outcome.diagnostics[1],
            "a.md:3:27: error: undefined name 'agpm.project.b2'\n"
            "{% if agpm.project.t %}{{ agpm.project.b2 }}{% endif %}\n"
            "                          ^\n");
  EXPECT_EQ(outcome.diagnostics[2],
            "a.md:4:16: error: undefined name 'agpm.project.missing_list'\n"
            "{% for item in agpm.project.missing_list %}{% endfor %}\n"
            "               ^\n");
}

TEST(AgpmUndefinedTest, AnErrorInALoopIsReportedOnce) {
  Outcome outcome = ParseAndRender(
      "{% for t in agpm.project.tags %}{{ t.name }}{% endfor %}");
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  EXPECT_EQ(outcome.diagnostics[0],
            "a.md:1:36: error: undefined name 't.name'; 't' is a string, not "
            "a table\n"
            "{% for t in agpm.project.tags %}{{ t.name }}{% endfor %}\n"
            "                                   ^\n");
}

TEST(AgpmIfTest, ChoosesTheFirstTrueBranch) {
  const std::string text =
      "{% if agpm.project.f %}1{% elif agpm.project.t %}2{% elif "
      "agpm.project.t %}3{% else %}4{% endif %}";
  EXPECT_EQ(Rendered(text), "2");
  EXPECT_EQ(Rendered("{% if agpm.project.f %}1{% else %}4{% endif %}"), "4");
  EXPECT_EQ(Rendered("{% if agpm.project.t %}1{% else %}4{% endif %}"), "1");
  EXPECT_EQ(Rendered("a{% if agpm.project.f %}1{% endif %}b"), "ab");
}

TEST(AgpmIfTest, AnUndefinedPathIsFalse) {
  EXPECT_EQ(Rendered("{% if agpm.project.missing %}A{% else %}B{% endif %}"),
            "B");
  EXPECT_EQ(Rendered("{% if not nothing.at.all %}A{% endif %}"), "A");
}

TEST(AgpmIfTest, FalsyValuesTakeTheElseBranch) {
  for (const char* path :
       {"agpm.project.on", "agpm.project.empty", "agpm.project.nothing",
        "agpm.deps.agents", "zero", "zero_float", "empty_list"}) {
    json context = TestContext();
    context["zero"] = 0;
    context["zero_float"] = 0.0;
    context["empty_list"] = json::array();
    EXPECT_EQ(
        Rendered(std::string("{% if ") + path + " %}T{% else %}F{% endif %}",
                 context),
        "F")
        << path;
  }
  EXPECT_EQ(Rendered("{% if agpm.project.tags %}T{% endif %}"
                     "{% if agpm.deps.snippets %}T{% endif %}"
                     "{% if 'x' %}T{% endif %}{% if '' %}F{% endif %}"),
            "TTT");
}

TEST(AgpmIfTest, NotBindsTighterThanAndWhichBindsTighterThanOr) {
  auto test = [](const std::string& condition) {
    return Rendered("{% if " + condition + " %}Y{% else %}N{% endif %}");
  };
  const std::string t = "agpm.project.t";
  const std::string f = "agpm.project.f";
  EXPECT_EQ(test(t + " or " + t + " and " + f), "Y");  // t or (t and f)
  EXPECT_EQ(test("(" + t + " or " + t + ") and " + f), "N");
  EXPECT_EQ(test("not " + f + " and " + f), "N");  // (not f) and f
  EXPECT_EQ(test("not (" + f + ") and " + t), "Y");
  EXPECT_EQ(test(f + " or " + f + " or " + t), "Y");
  EXPECT_EQ(test(t + " and " + t + " and " + f), "N");
  EXPECT_EQ(test("((" + t + "))"), "Y");
}

TEST(AgpmIfTest, OrStopsAtTheFirstTrueOperand) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{% if agpm.project.t or agpm.project.styleguide | "
                     "content %}Y{% endif %}",
                     TestContext(), RecordingContent(&calls)),
            "Y");
  EXPECT_TRUE(calls.empty());
}

TEST(AgpmIfTest, TagLinesKeepTheirNewlines) {
  EXPECT_EQ(Rendered("A\n{% if agpm.project.nope %}\nB\n{% endif %}\nC\n"),
            "A\n\nC\n");
  EXPECT_EQ(Rendered("Intro\n{% if agpm.project.styleguide or "
                     "agpm.project.best %}\n## G\n{% if agpm.project.t %}\n"
                     "{{ project.language }}\n{% endif %}\n{% endif %}\nEnd\n"),
            "Intro\n\n## G\n\nrust\n\n\nEnd\n");
}

// --- for --------------------------------------------------------------------

TEST(AgpmForTest, IteratesAList) {
  EXPECT_EQ(Rendered("{% for tag in agpm.project.tags %}<{{ tag }}>{% endfor "
                     "%}"),
            "<x><y>");
}

TEST(AgpmForTest, IteratesATableInSortedKeyOrder) {
  json context = json::parse(R"({"m": {"zeta": 1, "alpha": 2, "mid": 3}})");
  EXPECT_EQ(
      Rendered("{% for k, v in m %}{{ k }}={{ v }};{% endfor %}", context),
      "alpha=2;mid=3;zeta=1;");
  EXPECT_EQ(Rendered("{% for key, dep in agpm.deps.snippets %}{{ key }}:"
                     "{{ dep.content }} {% endfor %}"),
            "alpha:A review_base:You review. ");
}

TEST(AgpmForTest, LoopVariablesShadowTheContextInnermostFirst) {
  json context = json::parse(
      R"({"project": "outer", "rows": [["a", "b"], ["c"]], "x": "ctx"})");
  EXPECT_EQ(Rendered("{% for project in rows %}{% for project in project %}"
                     "{{ project }}{% endfor %}{% endfor %}{{ project }}",
                     context),
            "abcouter");
  EXPECT_EQ(Rendered("{% for x in rows %}{% for y in x %}{{ y }}{% endfor %}"
                     "{% endfor %}{{ x }}",
                     context),
            "abcctx");
}

TEST(AgpmForTest, AnEmptyListRendersNothing) {
  json context = {{"nothing", json::array()}};
  EXPECT_EQ(Rendered("a{% for x in nothing %}{{ x }}{% endfor %}b", context),
            "ab");
}

TEST(AgpmForTest, OneNameOverATableIsAnError) {
  EXPECT_EQ(RenderError("{% for d in agpm.deps.snippets %}{% endfor %}"),
            "a.md:1:13: error: cannot iterate a table with one name "
            "('agpm.deps.snippets'); write '{% for key, value in "
            "agpm.deps.snippets %}'\n"
            "{% for d in agpm.deps.snippets %}{% endfor %}\n"
            "            ^\n");
}

TEST(AgpmForTest, TwoNamesOverAListIsAnError) {
  EXPECT_EQ(RenderError("{% for i, t in agpm.project.tags %}{% endfor %}"),
            "a.md:1:16: error: cannot iterate a list with two names "
            "('agpm.project.tags'); write '{% for item in agpm.project.tags "
            "%}'\n"
            "{% for i, t in agpm.project.tags %}{% endfor %}\n"
            "               ^\n");
}

TEST(AgpmForTest, IteratingAScalarIsAnError) {
  EXPECT_EQ(RenderError("{% for c in agpm.project.language %}{% endfor %}"),
            "a.md:1:13: error: a loop over a string "
            "('agpm.project.language') is unsupported in the AGPM dialect; "
            "loop over a list\n"
            "{% for c in agpm.project.language %}{% endfor %}\n"
            "            ^\n");
}

// --- raw, comments, whitespace ----------------------------------------------

TEST(AgpmRawTest, PassesItsTextThrough) {
  EXPECT_EQ(Rendered("{% raw %}{{ runner.os }} {% if %}{#{% endraw %}\n"),
            "{{ runner.os }} {% if %}{#\n");
  EXPECT_EQ(Rendered("a{%raw%}{% endraw x %}{%endraw%}b"), "a{% endraw x %}b");
}

TEST(AgpmRawTest, TrimsWithDashes) {
  EXPECT_EQ(Rendered("a \n{%- raw -%}\n {{ x }} \n{%- endraw -%}\n b"),
            "a{{ x }}b");
}

TEST(AgpmCommentTest, CommentsAreRemoved) {
  EXPECT_EQ(Rendered("a{# {{ undefined }} {% if %} #}b\n{#\nmulti\n#}\n"),
            "ab\n\n");
}

TEST(AgpmWhitespaceTest, DashesTrimAllWhitespaceOnTheirSide) {
  EXPECT_EQ(Rendered("A\n{%- if agpm.project.t -%}\nB\n{%- endif %}\nC\n"),
            "AB\nC\n");
  EXPECT_EQ(Rendered("x \t\n\n {{- project.language -}} \n\t y"), "xrusty");
  EXPECT_EQ(Rendered("x  {{- project.language }}  y"), "xrust  y");
  EXPECT_EQ(Rendered("x  {{ project.language -}}  y"), "x  rusty");
  EXPECT_EQ(Rendered("x \n {#- c -#} \n y"), "xy");
}

TEST(AgpmWhitespaceTest, WithoutDashesNothingIsTrimmed) {
  EXPECT_EQ(Rendered(" \n {{ project.language }} \n {# c #} \n"),
            " \n rust \n  \n");
}

TEST(AgpmWhitespaceTest, TrimmingStopsAtTheAdjacentTextOnly) {
  // The dash trims the text right after the tag, not the text after the
  // next tag.
  EXPECT_EQ(Rendered("{{ 'a' -}}{{ 'b' }} c"), "ab c");
}

// --- literal fences ---------------------------------------------------------

TEST(AgpmLiteralFenceTest, ProtectsItsLinesAndDropsTheLanguage) {
  EXPECT_EQ(Rendered("Show:\n```literal\n{{ agpm.resource.name }}\n```\nend\n"),
            "Show:\n```\n{{ agpm.resource.name }}\n```\nend\n");
}

TEST(AgpmLiteralFenceTest, KeepsInnerIndentationAndNormalisesFenceLines) {
  EXPECT_EQ(Rendered("  ```literal extra\n    {% if %}\n\t{#\n  ```  tail\n"
                     "{{ project.language }}"),
            "```\n    {% if %}\n\t{#\n```\nrust");
}

TEST(AgpmLiteralFenceTest, AnEmptyFenceAndAFenceAtTheEnd) {
  EXPECT_EQ(Rendered("```literal\n```"), "```\n\n```");
  EXPECT_EQ(Rendered("a\n```literal\nb\n```"), "a\n```\nb\n```");
}

TEST(AgpmLiteralFenceTest, WorksInsideBlocksAndRaw) {
  EXPECT_EQ(Rendered("{% if agpm.project.t %}\n```literal\n{% endif %}\n```\n"
                     "{% endif %}"),
            "\n```\n{% endif %}\n```\n");
  EXPECT_EQ(Rendered("{% if agpm.project.f %}\n```literal\n{{ x }}\n```\n"
                     "{% endif %}."),
            ".");
  EXPECT_EQ(Rendered("{% raw %}\n```literal\n{% endraw %}\n```\n{% endraw %}"),
            "\n```\n{% endraw %}\n```\n");
}

TEST(AgpmLiteralFenceTest, AnUnclosedOrNestedFenceIsAnError) {
  EXPECT_EQ(ParseError("x\n ```literal\n{{ project.language }}\n"),
            "a.md:2:1: error: '```literal' block is not closed (missing a "
            "'```' line)\n"
            " ```literal\n"
            "^\n");
  EXPECT_EQ(ParseError("```literal\na\n```literal\n```\n"),
            "a.md:1:1: error: a '```literal' block cannot hold another "
            "'```literal' line; close it with '```' first\n"
            "```literal\n"
            "^\n");
}

TEST(AgpmLiteralFenceTest, IsOneLineOfTextForTheTemplate) {
  // Repeated in a loop, and a `-` trim stops at it.
  EXPECT_EQ(Rendered("{% for x in [1, 2] %}\n```literal\n{{ x }}\n```\n"
                     "{% endfor %}"),
            "\n```\n{{ x }}\n```\n\n```\n{{ x }}\n```\n");
  EXPECT_EQ(Rendered("A\n{{- 'x' -}}\n```literal\nL\n```\n"),
            "Ax```\nL\n```\n");
}

TEST(AgpmLiteralFenceTest, ATagCannotSpanAFence) {
  EXPECT_EQ(ParseError("{{ project.language\n```literal\n}}\n```\n}}"),
            "a.md:2:1: error: a '```literal' block cannot be inside a tag\n"
            "```literal\n"
            "^\n");
}

TEST(AgpmTemplateTest, ParsesOnceAndRendersManyTimes) {
  const std::string text = "{{ name }}{% if flag %}!{% endif %}";
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed.has_value());
  AgpmTemplate moved = std::move(*parsed);
  EXPECT_EQ(moved.Render({{"name", "a"}, {"flag", true}}, nullptr, sink), "a!");
  EXPECT_EQ(moved.Render({{"name", "b"}, {"flag", false}}, nullptr, sink), "b");
  EXPECT_EQ(moved.Render({{"flag", false}}, nullptr, sink), std::nullopt);
  EXPECT_EQ(sink.error_count(), 1);
}

TEST(AgpmTemplateTest, ErrorsAreLocatedInTheWholeFile) {
  // The template is the body of a file that starts with other text.
  const std::string file = "---\nx: 1\n---\nbody {{ nope }}\n";
  const std::string body = file.substr(13);
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(body, SliceLocator("a.md", file, 13), sink);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->Render(TestContext(), nullptr, sink), std::nullopt);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]),
            "a.md:4:9: error: undefined name 'nope'\n"
            "body {{ nope }}\n"
            "        ^\n");
}

}  // namespace
}  // namespace agentgen
