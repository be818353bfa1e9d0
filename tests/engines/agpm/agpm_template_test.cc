// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_template.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace agentgen {
namespace {

using nlohmann::json;

json TestContext() {
  return json::parse(R"({
    "agpm": {
      "project": {
        "language": "rust", "styleguide": "docs/style.md", "ratio": 0.1,
        "big": 100.0, "n": -7, "on": false, "empty": "", "nothing": null,
        "tags": ["x", "y"], "nested": {"k": "v"}, "t": true, "f": false
      },
      "resource": {"name": "agents/a", "type": "agent", "version": null},
      "deps": {
        "agents": {},
        "snippets": {
          "review_base": {"content": "You review.", "name": "snippets/rb"},
          "alpha": {"content": "A"}
        },
        "mcp-servers": {"context7": {"content": "{}"}}
      }
    },
    "project": {"language": "rust"}
  })");
}

// What parsing and rendering one template, file `a.md`, gave.
struct Outcome {
  bool parsed = false;
  std::optional<std::string> output;
  std::vector<std::string> diagnostics;  // each formatted whole
};

Outcome ParseAndRender(const std::string& text,
                       const json& context = TestContext(),
                       const ContentFilter& content = nullptr,
                       OffsetMap* offsets = nullptr) {
  Outcome outcome;
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  if (parsed) {
    outcome.parsed = true;
    outcome.output = parsed->Render(context, content, sink, offsets);
  }
  for (const Diagnostic& diagnostic : sink.diagnostics())
    outcome.diagnostics.push_back(FormatDiagnostic(diagnostic));
  return outcome;
}

// The output of a template that must render without diagnostics.
std::string Rendered(const std::string& text,
                     const json& context = TestContext(),
                     const ContentFilter& content = nullptr) {
  Outcome outcome = ParseAndRender(text, context, content);
  EXPECT_TRUE(outcome.diagnostics.empty())
      << (outcome.diagnostics.empty() ? "" : outcome.diagnostics.front());
  return outcome.output.value_or("<failed>");
}

// The single diagnostic of a template that must fail to parse.
std::string ParseError(const std::string& text) {
  Outcome outcome = ParseAndRender(text);
  EXPECT_FALSE(outcome.parsed);
  EXPECT_EQ(outcome.diagnostics.size(), 1u);
  return outcome.diagnostics.empty() ? "" : outcome.diagnostics.front();
}

// The single diagnostic of a template that parses but fails to render.
std::string RenderError(const std::string& text,
                        const json& context = TestContext(),
                        const ContentFilter& content = nullptr) {
  Outcome outcome = ParseAndRender(text, context, content);
  EXPECT_TRUE(outcome.parsed);
  EXPECT_FALSE(outcome.output.has_value());
  EXPECT_EQ(outcome.diagnostics.size(), 1u);
  return outcome.diagnostics.empty() ? "" : outcome.diagnostics.front();
}

// --- text and printing ------------------------------------------------------

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
  EXPECT_EQ(Rendered("{{ agpm['deps'] [ 'snippets' ].alpha.content }}"), "A");
}

TEST(AgpmPrintTest, PrintsStringLiteralsInEitherQuote) {
  EXPECT_EQ(Rendered("{{ 'say \"hi\"' }}|{{ \"it's\" }}|{{ '}}' }}"),
            "say \"hi\"|it's|}}");
}

TEST(AgpmPrintTest, PrintsEveryScalarType) {
  EXPECT_EQ(Rendered("{{ agpm.project.ratio }} {{ agpm.project.big }} "
                     "{{ agpm.project.n }} {{ agpm.project.on }} "
                     "{{ agpm.project.t }} [{{ agpm.resource.version }}]"),
            "0.1 100.0 -7 false true []");
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
            "iterate it with '{% for %}'\n"
            "{{agpm.project.tags}}\n"
            "  ^\n");
}

TEST(AgpmPrintScalarTest, PrintsEachTypeAsTeraDoes) {
  EXPECT_EQ(PrintScalar(json("text")), "text");
  EXPECT_EQ(PrintScalar(json(42)), "42");
  EXPECT_EQ(PrintScalar(json(-7)), "-7");
  EXPECT_EQ(PrintScalar(json(18446744073709551615u)), "18446744073709551615");
  EXPECT_EQ(PrintScalar(json(0.1)), "0.1");
  EXPECT_EQ(PrintScalar(json(2.5)), "2.5");
  EXPECT_EQ(PrintScalar(json(100.0)), "100.0");
  EXPECT_EQ(PrintScalar(json(-0.5)), "-0.5");
  EXPECT_EQ(PrintScalar(json(1.0 / 3.0)), "0.3333333333333333");
  EXPECT_EQ(PrintScalar(json(true)), "true");
  EXPECT_EQ(PrintScalar(json(false)), "false");
  EXPECT_EQ(PrintScalar(json(nullptr)), "");
  EXPECT_EQ(PrintScalar(json(std::numeric_limits<double>::infinity())), "inf");
  EXPECT_EQ(PrintScalar(json(std::nan(""))), "NaN");
}

TEST(AgpmPrintScalarTest, ListsAndTablesDoNotPrint) {
  EXPECT_EQ(PrintScalar(json::array()), std::nullopt);
  EXPECT_EQ(PrintScalar(json::array({1})), std::nullopt);
  EXPECT_EQ(PrintScalar(json::object()), std::nullopt);
}

TEST(AgpmIsTruthyTest, FalsyValues) {
  EXPECT_FALSE(IsTruthy(json(nullptr)));
  EXPECT_FALSE(IsTruthy(json(false)));
  EXPECT_FALSE(IsTruthy(json(0)));
  EXPECT_FALSE(IsTruthy(json(0u)));
  EXPECT_FALSE(IsTruthy(json(0.0)));
  EXPECT_FALSE(IsTruthy(json("")));
  EXPECT_FALSE(IsTruthy(json::array()));
  EXPECT_FALSE(IsTruthy(json::object()));
}

TEST(AgpmIsTruthyTest, TruthyValues) {
  EXPECT_TRUE(IsTruthy(json(true)));
  EXPECT_TRUE(IsTruthy(json(-1)));
  EXPECT_TRUE(IsTruthy(json(3u)));
  EXPECT_TRUE(IsTruthy(json(0.5)));
  EXPECT_TRUE(IsTruthy(json("false")));
  EXPECT_TRUE(IsTruthy(json(" ")));
  EXPECT_TRUE(IsTruthy(json::array({0})));
  EXPECT_TRUE(IsTruthy(json::object({{"a", nullptr}})));
}

// --- undefined names --------------------------------------------------------

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

// --- filters ----------------------------------------------------------------

struct ContentCall {
  std::string path;
  int line;
  int column;
};

ContentFilter RecordingContent(std::vector<ContentCall>* calls) {
  return
      [calls](const std::string& path, const Location& where, DiagnosticSink&) {
        calls->push_back({path, where.line, where.column});
        return std::optional<std::string>("<" + path + ">");
      };
}

TEST(AgpmFilterTest, ContentReadsTheStringAndIsLocatedAtTheExpression) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("x\n- {{ agpm.project.styleguide | content }}\n"
                     "{{ 'docs/a.md' | content }}",
                     TestContext(), RecordingContent(&calls)),
            "x\n- <docs/style.md>\n<docs/a.md>");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].path, "docs/style.md");
  EXPECT_EQ(calls[0].line, 2);
  EXPECT_EQ(calls[0].column, 6);
  EXPECT_EQ(calls[1].path, "docs/a.md");
  EXPECT_EQ(calls[1].line, 3);
  EXPECT_EQ(calls[1].column, 4);
}

TEST(AgpmFilterTest, AFailedContentFailsTheRender) {
  ContentFilter failing = [](const std::string&, const Location&,
                             DiagnosticSink&) {
    return std::optional<std::string>();
  };
  Outcome outcome =
      ParseAndRender("{{ 'a.md' | content }}", TestContext(), failing);
  EXPECT_TRUE(outcome.parsed);
  EXPECT_FALSE(outcome.output.has_value());
}

TEST(AgpmFilterTest, ContentNeedsAString) {
  EXPECT_EQ(RenderError("{{ agpm.project.n | content }}"),
            "a.md:1:21: error: filter 'content' needs a string (a file "
            "path), not an integer\n"
            "{{ agpm.project.n | content }}\n"
            "                    ^\n");
}

TEST(AgpmFilterTest, DefaultStandsInForAnUndefinedPathOnly) {
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value=\"dev\") }}/"
                     "{{ agpm.project.language | default(value='x') }}/"
                     "[{{ agpm.resource.version | default(value='x') }}]"),
            "dev/rust/[]");
}

TEST(AgpmFilterTest, DefaultTakesAPath) {
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value=project.language) "
                     "}}"),
            "rust");
}

TEST(AgpmFilterTest, AnUndefinedDefaultIsReportedAtItsPath) {
  EXPECT_EQ(RenderError("{{ a.b | default(value=c.d) }}"),
            "a.md:1:24: error: undefined name 'c.d'\n"
            "{{ a.b | default(value=c.d) }}\n"
            "                       ^\n");
}

TEST(AgpmFilterTest, FiltersChainLeftToRight) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value='d.md') | content "
                     "}}|{{ agpm.project.env | content | default(value='u') "
                     "}}",
                     TestContext(), RecordingContent(&calls)),
            "<d.md>|u");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].path, "d.md");
}

TEST(AgpmFilterTest, ContentWorksInConditions) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{% if 'x.md' | content %}yes{% endif %}", TestContext(),
                     RecordingContent(&calls)),
            "yes");
  EXPECT_EQ(calls.size(), 1u);
}

// --- if ---------------------------------------------------------------------

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
  EXPECT_EQ(test("not (" + f + " and " + f + ")"), "Y");
  EXPECT_EQ(test("not not " + t), "Y");
  EXPECT_EQ(test("not not not " + t), "N");
  EXPECT_EQ(test(f + " or " + f + " or " + t), "Y");
  EXPECT_EQ(test(t + " and " + t + " and " + f), "N");
  EXPECT_EQ(test("((" + t + "))"), "Y");
}

TEST(AgpmIfTest, OrStopsAtTheFirstTrueOperand) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{% if agpm.project.t or 'x.md' | content %}Y{% endif %}",
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
            "a.md:1:13: error: cannot iterate a string "
            "('agpm.project.language')\n"
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
  EXPECT_EQ(Rendered("```literal\n```"), "```\n```");
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

TEST(AgpmLiteralFenceTest, AnUnclosedFenceIsOrdinaryText) {
  EXPECT_EQ(Rendered("```literal\n{{ project.language }}\n"),
            "```literal\nrust\n");
}

TEST(AgpmLiteralFenceTest, ATagCannotSpanAFence) {
  EXPECT_EQ(ParseError("{{ project.language\n```literal\n}}\n```\n}}"),
            "a.md:2:1: error: a '```literal' block cannot be inside a tag\n"
            "```literal\n"
            "^\n");
}

// --- parse errors -----------------------------------------------------------

TEST(AgpmParseErrorTest, UnterminatedDelimiters) {
  EXPECT_EQ(ParseError("a\nb {{ project.language\n"),
            "a.md:2:3: error: '{{' is not closed (missing '}}')\n"
            "b {{ project.language\n"
            "  ^\n");
  EXPECT_EQ(ParseError("{% if x }}"),
            "a.md:1:1: error: '{%' is not closed (missing '%}')\n"
            "{% if x }}\n"
            "^\n");
  EXPECT_EQ(ParseError("ok {# note"),
            "a.md:1:4: error: '{#' is not closed (missing '#}')\n"
            "ok {# note\n"
            "   ^\n");
}

TEST(AgpmParseErrorTest, UnclosedBlocksAreReportedAtTheirOpeningTag) {
  EXPECT_EQ(ParseError("x\n{% if agpm.project.x %}\nopen\n"),
            "a.md:2:1: error: 'if' is not closed (missing '{% endif %}')\n"
            "{% if agpm.project.x %}\n"
            "^\n");
  EXPECT_EQ(ParseError("{% if a %}{% else %} {% for x in y %}"),
            "a.md:1:22: error: 'for' is not closed (missing '{% endfor %}')\n"
            "{% if a %}{% else %} {% for x in y %}\n"
            "                     ^\n");
  EXPECT_EQ(ParseError("a {% raw %}{{ x }}"),
            "a.md:1:3: error: 'raw' is not closed (missing '{% endraw %}')\n"
            "a {% raw %}{{ x }}\n"
            "  ^\n");
}

TEST(AgpmParseErrorTest, ACloserOfAnOuterBlockLeavesTheInnerOneUnclosed) {
  EXPECT_EQ(ParseError("{% for x in y %}\n  {% if x %}\n{% endfor %}"),
            "a.md:2:3: error: 'if' is not closed (missing '{% endif %}')\n"
            "  {% if x %}\n"
            "  ^\n");
}

TEST(AgpmParseErrorTest, StrayClosers) {
  EXPECT_EQ(ParseError("a\n{% endif %}"),
            "a.md:2:1: error: 'endif' has no matching 'if'\n"
            "{% endif %}\n"
            "^\n");
  EXPECT_EQ(ParseError("{% if a %}{% endfor %}{% endif %}"),
            "a.md:1:11: error: 'endfor' has no matching 'for'\n"
            "{% if a %}{% endfor %}{% endif %}\n"
            "          ^\n");
  EXPECT_EQ(ParseError("{% for x in y %}{% else %}{% endfor %}"),
            "a.md:1:17: error: 'else' has no matching 'if'\n"
            "{% for x in y %}{% else %}{% endfor %}\n"
            "                ^\n");
  EXPECT_EQ(ParseError("{%- elif a %}"),
            "a.md:1:1: error: 'elif' has no matching 'if'\n"
            "{%- elif a %}\n"
            "^\n");
  EXPECT_EQ(ParseError(" {% endraw %}"),
            "a.md:1:2: error: 'endraw' has no matching 'raw'\n"
            " {% endraw %}\n"
            " ^\n");
}

TEST(AgpmParseErrorTest, NothingFollowsElse) {
  EXPECT_EQ(ParseError("{% if a %}{% else %}{% elif b %}{% endif %}"),
            "a.md:1:21: error: 'elif' cannot follow 'else'\n"
            "{% if a %}{% else %}{% elif b %}{% endif %}\n"
            "                    ^\n");
  EXPECT_EQ(ParseError("{% if a %}{% else %}{% else %}{% endif %}"),
            "a.md:1:21: error: 'else' cannot follow 'else'\n"
            "{% if a %}{% else %}{% else %}{% endif %}\n"
            "                    ^\n");
}

TEST(AgpmParseErrorTest, UnsupportedTags) {
  EXPECT_EQ(ParseError("ok\n{% set x = 1 %}\n"),
            "a.md:2:4: error: 'set' is not supported in the AGPM dialect\n"
            "{% set x = 1 %}\n"
            "   ^\n");
  for (const char* tag :
       {"macro", "include", "extends", "block", "filter", "import", "break"}) {
    EXPECT_EQ(ParseError(std::string("{% ") + tag + " x %}"),
              std::string("a.md:1:4: error: '") + tag +
                  "' is not supported in the AGPM dialect\n{% " + tag +
                  " x %}\n   ^\n");
  }
}

TEST(AgpmParseErrorTest, UnsupportedFilters) {
  EXPECT_EQ(ParseError("{{ project.language | upper }}"),
            "a.md:1:23: error: filter 'upper' is not supported (only "
            "'content' and 'default')\n"
            "{{ project.language | upper }}\n"
            "                      ^\n");
  EXPECT_EQ(ParseError("{{ x | content(1) }}"),
            "a.md:1:15: error: filter 'content' takes no arguments\n"
            "{{ x | content(1) }}\n"
            "              ^\n");
  EXPECT_EQ(ParseError("{{ x | default('a') }}"),
            "a.md:1:16: error: expected 'default(value=...)'\n"
            "{{ x | default('a') }}\n"
            "               ^\n");
  EXPECT_EQ(ParseError("{{ x | default }}"),
            "a.md:1:16: error: expected 'default(value=...)'\n"
            "{{ x | default }}\n"
            "               ^\n");
  EXPECT_EQ(ParseError("{{ x | }}"),
            "a.md:1:8: error: expected a filter name after '|', found '}}'\n"
            "{{ x | }}\n"
            "       ^\n");
}

TEST(AgpmParseErrorTest, UnsupportedExpressions) {
  EXPECT_EQ(ParseError("{{ range(end=3) }}"),
            "a.md:1:4: error: function call 'range' is not supported in the "
            "AGPM dialect\n"
            "{{ range(end=3) }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{% if a == 'b' %}{% endif %}"),
            "a.md:1:9: error: comparison '==' is not supported in the AGPM "
            "dialect\n"
            "{% if a == 'b' %}{% endif %}\n"
            "        ^\n");
  EXPECT_EQ(ParseError("{% if (a >= b) %}{% endif %}"),
            "a.md:1:10: error: comparison '>=' is not supported in the AGPM "
            "dialect\n"
            "{% if (a >= b) %}{% endif %}\n"
            "         ^\n");
  EXPECT_EQ(ParseError("{{ a + b }}"),
            "a.md:1:6: error: operator '+' is not supported in the AGPM "
            "dialect\n"
            "{{ a + b }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{{ a ~ 'x' }}"),
            "a.md:1:6: error: operator '~' is not supported in the AGPM "
            "dialect\n"
            "{{ a ~ 'x' }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{% if 'a' in b %}{% endif %}"),
            "a.md:1:11: error: 'in' tests are not supported in the AGPM "
            "dialect\n"
            "{% if 'a' in b %}{% endif %}\n"
            "          ^\n");
  EXPECT_EQ(ParseError("{% if a is defined %}{% endif %}"),
            "a.md:1:9: error: 'is' tests are not supported in the AGPM "
            "dialect\n"
            "{% if a is defined %}{% endif %}\n"
            "        ^\n");
  EXPECT_EQ(ParseError("{{ 42 }}"),
            "a.md:1:4: error: number '42' is not supported in the AGPM "
            "dialect\n"
            "{{ 42 }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{{ a.0 }}"),
            "a.md:1:6: error: number '0' is not supported in the AGPM "
            "dialect\n"
            "{{ a.0 }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{% for x in [1] %}{% endfor %}"),
            "a.md:1:13: error: list literals are not supported in the AGPM "
            "dialect\n"
            "{% for x in [1] %}{% endfor %}\n"
            "            ^\n");
  EXPECT_EQ(ParseError("{% if true %}{% endif %}"),
            "a.md:1:7: error: literal 'true' is not supported in the AGPM "
            "dialect\n"
            "{% if true %}{% endif %}\n"
            "      ^\n");
}

TEST(AgpmParseErrorTest, LogicIsOnlyForConditions) {
  EXPECT_EQ(ParseError("{{ a or b }}"),
            "a.md:1:6: error: 'or' is only supported in '{% if %}'\n"
            "{{ a or b }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{{ not a }}"),
            "a.md:1:4: error: 'not' is only supported in '{% if %}'\n"
            "{{ not a }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{{ (a) }}"),
            "a.md:1:4: error: parentheses are only supported in '{% if %}'\n"
            "{{ (a) }}\n"
            "   ^\n");
}

TEST(AgpmParseErrorTest, MalformedExpressions) {
  EXPECT_EQ(ParseError("{{ }}"),
            "a.md:1:4: error: expected an expression, found '}}'\n"
            "{{ }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{% if %}{% endif %}"),
            "a.md:1:7: error: expected an expression, found '%}'\n"
            "{% if %}{% endif %}\n"
            "      ^\n");
  EXPECT_EQ(ParseError("{% %}"),
            "a.md:1:4: error: expected a tag name, found '%}'\n"
            "{% %}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{{ a b }}"),
            "a.md:1:6: error: expected '}}', found 'b'\n"
            "{{ a b }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{% endif x %}"),
            "a.md:1:1: error: 'endif' has no matching 'if'\n"
            "{% endif x %}\n"
            "^\n");
  EXPECT_EQ(ParseError("{% if (a %}{% endif %}"),
            "a.md:1:10: error: expected ')', found '%}'\n"
            "{% if (a %}{% endif %}\n"
            "         ^\n");
  EXPECT_EQ(ParseError("{{ a[b] }}"),
            "a.md:1:6: error: only string literals are supported inside "
            "'[ ]'\n"
            "{{ a[b] }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{{ a. }}"),
            "a.md:1:7: error: expected a name after '.', found '}}'\n"
            "{{ a. }}\n"
            "      ^\n");
  EXPECT_EQ(ParseError("{{ 'open }}"),
            "a.md:1:4: error: string is not closed\n"
            "{{ 'open }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{{ a @ }}"),
            "a.md:1:6: error: unexpected character '@'\n"
            "{{ a @ }}\n"
            "     ^\n");
}

TEST(AgpmParseErrorTest, MalformedLoops) {
  EXPECT_EQ(ParseError("{% for %}{% endfor %}"),
            "a.md:1:8: error: expected a loop variable name, found '%}'\n"
            "{% for %}{% endfor %}\n"
            "       ^\n");
  EXPECT_EQ(ParseError("{% for x of y %}{% endfor %}"),
            "a.md:1:10: error: expected 'in', found 'of'\n"
            "{% for x of y %}{% endfor %}\n"
            "         ^\n");
  EXPECT_EQ(ParseError("{% for x in y if x %}{% endfor %}"),
            "a.md:1:15: error: expected '%}', found 'if'\n"
            "{% for x in y if x %}{% endfor %}\n"
            "              ^\n");
}

TEST(AgpmParseErrorTest, AParseErrorStopsTheFile) {
  Outcome outcome = ParseAndRender("{{ a + b }}\n{% set x %}\n{{ ");
  EXPECT_FALSE(outcome.parsed);
  EXPECT_EQ(outcome.diagnostics.size(), 1u);
}

std::string Nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{% if a %}";
  for (int i = 0; i < depth; ++i) text += "{% endif %}";
  return text;
}

TEST(AgpmParseErrorTest, BlocksNestSixtyFourDeep) {
  json context = {{"a", true}};
  EXPECT_EQ(Rendered(Nested(64) + "x", context), "x");
  std::string text = Nested(65);
  EXPECT_EQ(ParseError(text),
            "a.md:1:641: error: nesting is too deep (more "
            "than 64 levels)\n" +
                text + "\n" + std::string(640, ' ') + "^\n");
  std::string loops;
  for (int i = 0; i < 65; ++i) loops += "{% for x in a %}\n";
  Outcome outcome = ParseAndRender(loops);
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  EXPECT_EQ(outcome.diagnostics[0],
            "a.md:65:1: error: nesting is too deep (more than 64 levels)\n"
            "{% for x in a %}\n"
            "^\n");
}

TEST(AgpmParseErrorTest, ParenthesesNestSixtyFourDeep) {
  json context = {{"a", true}};
  std::string ok = "{% if " + std::string(64, '(') + "a" +
                   std::string(64, ')') + " %}x{% endif %}";
  EXPECT_EQ(Rendered(ok, context), "x");
  std::string deep = "{% if " + std::string(65, '(') + "a" +
                     std::string(65, ')') + " %}x{% endif %}";
  EXPECT_EQ(ParseError(deep),
            "a.md:1:71: error: nesting is too deep (more "
            "than 64 levels)\n" +
                deep + "\n" + std::string(70, ' ') + "^\n");
}

// --- offsets, reuse ---------------------------------------------------------

TEST(AgpmOffsetMapTest, MapsCopiedRunsLinearlyAndProducedRunsToTheTag) {
  OffsetMap map;
  map.AddCopied(0, 0);
  map.AddProduced(5, 5);
  map.AddCopied(9, 20);
  EXPECT_EQ(map.ToInput(0), 0u);
  EXPECT_EQ(map.ToInput(4), 4u);
  EXPECT_EQ(map.ToInput(5), 5u);
  EXPECT_EQ(map.ToInput(8), 5u);
  EXPECT_EQ(map.ToInput(9), 20u);
  EXPECT_EQ(map.ToInput(12), 23u);
}

TEST(AgpmOffsetMapTest, RenderRecordsWhereOutputCameFrom) {
  // Template offsets:  0 "ab\n", 3 "{{ project.language }}", 25 "\ncd",
  // 28 "{# c #}", 35 "ef\n", 38 the fence.
  const std::string text =
      "ab\n{{ project.language }}\ncd{# c #}ef\n```literal\nin\n```\nz";
  OffsetMap map;
  Outcome outcome = ParseAndRender(text, TestContext(), nullptr, &map);
  ASSERT_EQ(outcome.output, "ab\nrust\ncdef\n```\nin\n```\nz");
  EXPECT_EQ(map.ToInput(1), 1u);    // b
  EXPECT_EQ(map.ToInput(3), 3u);    // r of rust: the tag
  EXPECT_EQ(map.ToInput(6), 3u);    // t of rust
  EXPECT_EQ(map.ToInput(7), 25u);   // newline after the tag
  EXPECT_EQ(map.ToInput(9), 27u);   // d
  EXPECT_EQ(map.ToInput(10), 35u);  // e, after the comment
  EXPECT_EQ(map.ToInput(13), 38u);  // the opening fence
  EXPECT_EQ(map.ToInput(17), 49u);  // i, inside the fence
  EXPECT_EQ(map.ToInput(20), 52u);  // the closing fence
  EXPECT_EQ(map.ToInput(24), 56u);  // z
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

namespace agentgen {
namespace {

// The first line of the only diagnostic a failed render reported.
std::string OnlyError(const DiagnosticSink& sink) {
  if (sink.diagnostics().size() != 1) return "(not one diagnostic)";
  std::string message = FormatDiagnostic(sink.diagnostics()[0]);
  return message.substr(0, message.find('\n'));
}

// Found by fuzzing: nested loops multiply, and loops that print nothing are
// not stopped by the output limit. Every iteration is a step, and the limit
// is reported at the outermost loop, where the repetition starts.
TEST(AgpmLimitsTest, NestedLoopsStopAtTheOutermostLoop) {
  std::string text = "text\n  ";
  for (int i = 0; i < 40; ++i) text += "{% for x in agpm.project.l %}";
  for (int i = 0; i < 40; ++i) text += "{% endfor %}";
  nlohmann::json context = {{"agpm", {{"project", {{"l", {1, 2}}}}}}};
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed);
  WorkBudget budget(1000, kMaxMstchOperations);
  EXPECT_FALSE(
      parsed->Render(context, ContentFilter(), sink, nullptr, &budget));
  EXPECT_EQ(OnlyError(sink),
            "a.md:2:3: error: rendering takes more than 1000 steps (loop "
            "iterations, section repetitions, partials, interpolations and "
            "filter calls), the limit on one render");
}

TEST(AgpmLimitsTest, TheDefaultLimitIsTenMillionSteps) {
  EXPECT_EQ(WorkBudget().max_steps(), 10000000u);
  EXPECT_EQ(kMaxRenderSteps, 10000000u);
}

// Prints and filter calls are steps too; outside a loop the limit is
// reported at the construct that crossed it.
TEST(AgpmLimitsTest, PrintsAndFilterCallsAreSteps) {
  std::string text = "{{ a }}{{ a }}{{ a | default(value='x') }}";
  nlohmann::json context = {{"a", "y"}};
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed);
  WorkBudget enough(4, kMaxMstchOperations);
  EXPECT_EQ(parsed->Render(context, ContentFilter(), sink, nullptr, &enough),
            "yyy");
  EXPECT_EQ(enough.spent().steps, 4u);

  WorkBudget two_prints(2, kMaxMstchOperations);
  EXPECT_FALSE(
      parsed->Render(context, ContentFilter(), sink, nullptr, &two_prints));
  EXPECT_EQ(OnlyError(sink),
            "a.md:1:15: error: rendering takes more than 2 steps (loop "
            "iterations, section repetitions, partials, interpolations and "
            "filter calls), the limit on one render");

  DiagnosticSink filter_sink;
  WorkBudget three(3, kMaxMstchOperations);
  EXPECT_FALSE(
      parsed->Render(context, ContentFilter(), filter_sink, nullptr, &three));
  EXPECT_EQ(OnlyError(filter_sink).substr(0, 29),
            "a.md:1:22: error: rendering t");
}

// One budget serves every template of a render.
TEST(AgpmLimitsTest, RendersDrawOnOneBudget) {
  std::string text = "{% for x in l %}{{ x }}{% endfor %}";
  nlohmann::json context = {{"l", {1, 2, 3}}};
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed);
  WorkBudget budget(10, kMaxMstchOperations);
  EXPECT_EQ(parsed->Render(context, ContentFilter(), sink, nullptr, &budget),
            "123");
  EXPECT_EQ(budget.spent().steps, 6u);
  EXPECT_FALSE(
      parsed->Render(context, ContentFilter(), sink, nullptr, &budget));
  EXPECT_EQ(OnlyError(sink).substr(0, 40),
            "a.md:1:1: error: rendering takes more th");
}

}  // namespace
}  // namespace agentgen
