// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

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

// The whole diagnostic as the tests write it: message, line, caret.
std::string At(int column, const std::string& message,
               const std::string& line) {
  return "a.md:1:" + std::to_string(column) + ": error: " + message + "\n" +
         line + "\n" + std::string(static_cast<size_t>(column - 1), ' ') +
         "^\n";
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
  EXPECT_EQ(ParseError("{% else %}"),
            At(1, "'else' has no matching 'if' or 'for'", "{% else %}"));
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
  EXPECT_EQ(
      ParseError("{% macro m() %}"),
      At(4, "macros are unsupported in the AGPM dialect", "{% macro m() %}"));
  EXPECT_EQ(ParseError("{% include \"b.md\" %}"),
            At(4,
               "'{% include %}' is unsupported in the AGPM dialect (one "
               "template per render; embed a file with '| content')",
               "{% include \"b.md\" %}"));
  for (const char* tag : {"extends", "import"}) {
    std::string line = std::string("{% ") + tag + " x %}";
    EXPECT_EQ(ParseError(line),
              At(4,
                 std::string("'{% ") + tag +
                     " %}' is unsupported in the AGPM dialect (one template "
                     "per render; embed a file with '| content')",
                 line));
  }
  EXPECT_EQ(ParseError("{% block b %}"),
            At(4,
               "blocks are unsupported in the AGPM dialect (no template "
               "inheritance)",
               "{% block b %}"));
  EXPECT_EQ(ParseError("{% filter upper %}x{% endfilter %}"),
            At(4,
               "'{% filter %}' blocks are unsupported in the AGPM dialect; "
               "apply the filter to a value with '|'",
               "{% filter upper %}x{% endfilter %}"));
  EXPECT_EQ(ParseError("{% bogus %}"),
            At(4,
               "unknown tag 'bogus' (the AGPM dialect has if, elif, else, "
               "for, set, set_global, break, continue and raw)",
               "{% bogus %}"));
  EXPECT_EQ(ParseError("{% break %}"),
            At(4, "'break' is only allowed in a loop body", "{% break %}"));
  EXPECT_EQ(ParseError("{% for x in a %}{% else %}{% continue %}{% endfor %}"),
            At(30,
               "'continue' is only allowed in a loop body (not in its 'else' "
               "part)",
               "{% for x in a %}{% else %}{% continue %}{% endfor %}"));
}

TEST(AgpmParseErrorTest, ForElseWhitespaceControlIsUnsupported) {
  const std::string kElse =
      "whitespace control ('-') on a loop's 'else' is unsupported (Tera "
      "trims the loop body instead)";
  EXPECT_EQ(ParseError("{% for x in a %}x{%- else %}n{% endfor %}"),
            At(18, kElse, "{% for x in a %}x{%- else %}n{% endfor %}"));
  EXPECT_EQ(ParseError("{% for x in a %}x{% else -%}n{% endfor %}"),
            At(18, kElse, "{% for x in a %}x{% else -%}n{% endfor %}"));
  EXPECT_EQ(
      ParseError("{% for x in a %}x{% else %}n{%- endfor %}"),
      At(29,
         "whitespace control ('-') on the left of a loop's 'endfor' after "
         "its 'else' is unsupported (Tera trims the loop body instead)",
         "{% for x in a %}x{% else %}n{%- endfor %}"));
  EXPECT_EQ(ParseError("{% for x in a %}x{% else %}{{- n }}{% endfor %}"),
            At(28,
               "whitespace control ('-') inside a loop's 'else' part is "
               "unsupported (Tera ignores it there)",
               "{% for x in a %}x{% else %}{{- n }}{% endfor %}"));
  EXPECT_EQ(
      ParseError(
          "{% for x in a %}{% else %}{% if b %}c{%- endif %}{% endfor %}"),
      At(38,
         "whitespace control ('-') inside a loop's 'else' part is "
         "unsupported (Tera ignores it there)",
         "{% for x in a %}{% else %}{% if b %}c{%- endif %}{% endfor %}"));
  EXPECT_EQ(ParseError("{% for x in a %}x{% else %}a{% else %}b{% endfor %}"),
            At(29,
               "a second 'else' in a loop is unsupported (Tera renders "
               "each); keep one",
               "{% for x in a %}x{% else %}a{% else %}b{% endfor %}"));
  // `-` on the loop's own tags and inside its body stays supported.
  EXPECT_EQ(Rendered("{% for x in [] -%} {{ x }} {% else %}none{% endfor %}"),
            "none");
  EXPECT_EQ(
      Rendered("{% for x in [1, 2] -%} {{ x }} {% else %}none{% endfor %}"),
      "1 2 ");
}

TEST(AgpmParseErrorTest, UnknownAndUnsupportedFilters) {
  Outcome typo = ParseAndRender("{{ project.language | uper }}");
  ASSERT_EQ(typo.diagnostics.size(), 1u);
  EXPECT_EQ(typo.diagnostics[0],
            At(23, "unknown filter 'uper'; did you mean 'upper'?",
               "{{ project.language | uper }}"));
  EXPECT_EQ(ParseError("{{ d | zzzzzz }}"),
            At(8,
               "unknown filter 'zzzzzz' (known: abs, as_str, capitalize, "
               "content, default, first, float, indent, int, join, "
               "json_encode, last, length, lower, nth, pluralize, replace, "
               "reverse, round, safe, slugify, sort, split, title, trim, "
               "trim_end, trim_start, truncate, unique, upper, wordcount)",
               "{{ d | zzzzzz }}"));
  EXPECT_EQ(ParseError("{{ d | date }}"),
            At(8, "filter 'date' is unsupported in the AGPM dialect",
               "{{ d | date }}"));
  EXPECT_EQ(
      ParseError("{{ x | content(1) }}"),
      At(16, "filter 'content' takes no arguments", "{{ x | content(1) }}"));
  EXPECT_EQ(ParseError("{{ x | default('a') }}"),
            At(16, "filter arguments are named: write 'default(value=...)'",
               "{{ x | default('a') }}"));
  EXPECT_EQ(ParseError("{{ x | default }}"),
            At(8,
               "filter 'default' needs argument 'value': write "
               "'default(value=...)'",
               "{{ x | default }}"));
  EXPECT_EQ(ParseError("{{ x | truncate(len=5) }}"),
            At(17,
               "unknown argument of filter 'truncate': 'len'; did you mean "
               "'length'?",
               "{{ x | truncate(len=5) }}"));
  EXPECT_EQ(
      ParseError("{{ x | replace(from='a') }}"),
      At(8, "filter 'replace' needs argument 'to': write 'replace(to=...)'",
         "{{ x | replace(from='a') }}"));
  EXPECT_EQ(ParseError("{{ x | join(sep=',', sep=';') }}"),
            At(22, "argument 'sep' is given twice",
               "{{ x | join(sep=',', sep=';') }}"));
  EXPECT_EQ(ParseError("{{ x | }}"),
            At(8, "expected a filter name after '|', found '}}'", "{{ x | }}"));
  // Checked even where the branch is never taken.
  EXPECT_EQ(ParseError("{% if false %}{{ x | uper }}{% endif %}"),
            At(22, "unknown filter 'uper'; did you mean 'upper'?",
               "{% if false %}{{ x | uper }}{% endif %}"));
}

TEST(AgpmParseErrorTest, DefaultOnlyFirstOnAName) {
  const std::string kMessage =
      "'default' is unsupported other than as the first filter on a name "
      "(Tera ignores it there); put it first: 'name | default(value=...) | "
      "...'";
  EXPECT_EQ(ParseError("{{ x | upper | default(value='n') }}"),
            At(16, kMessage, "{{ x | upper | default(value='n') }}"));
  EXPECT_EQ(ParseError("{{ 'a' | default(value='n') }}"),
            At(10, kMessage, "{{ 'a' | default(value='n') }}"));
}

TEST(AgpmParseErrorTest, UnsupportedExpressions) {
  EXPECT_EQ(ParseError("{{ range(end=3) }}"),
            At(4, "function call 'range()' is unsupported in the AGPM dialect",
               "{{ range(end=3) }}"));
  EXPECT_EQ(ParseError("{{ super() }}"),
            At(4, "function call 'super()' is unsupported in the AGPM dialect",
               "{{ super() }}"));
  EXPECT_EQ(ParseError("{{ self::m() }}"),
            At(4, "macro call 'self::...' is unsupported in the AGPM dialect",
               "{{ self::m() }}"));
  EXPECT_EQ(ParseError("{{ __tera_context }}"),
            At(4, "'__tera_context' is unsupported in the AGPM dialect",
               "{{ __tera_context }}"));
  EXPECT_EQ(ParseError("{% if a is matching('x') %}{% endif %}"),
            At(12, "test 'matching' is unsupported in the AGPM dialect",
               "{% if a is matching('x') %}{% endif %}"));
  EXPECT_EQ(ParseError("{% if a is strin %}{% endif %}"),
            At(12, "unknown test 'strin'; did you mean 'string'?",
               "{% if a is strin %}{% endif %}"));
  EXPECT_EQ(ParseError("{% if a is divisibleby %}{% endif %}"),
            At(24, "test 'divisibleby' takes 1 argument, not 0",
               "{% if a is divisibleby %}{% endif %}"));
  EXPECT_EQ(ParseError("{% if 'x' | length %}{% endif %}"),
            At(7,
               "a filter on a literal, concatenation or arithmetic used as a "
               "condition is unsupported (Tera takes it as false); compare "
               "it, e.g. '(...) | length > 0'",
               "{% if 'x' | length %}{% endif %}"));
  EXPECT_EQ(ParseError("{{ a or 1 + 2 | abs }}"),
            At(9,
               "a filter on a literal, concatenation or arithmetic used as a "
               "condition is unsupported (Tera takes it as false); compare "
               "it, e.g. '(...) | length > 0'",
               "{{ a or 1 + 2 | abs }}"));
  EXPECT_EQ(ParseError("{% if not 'a' ~ b %}{% endif %}"),
            At(7, "'not' before a concatenation is unsupported in a condition",
               "{% if not 'a' ~ b %}{% endif %}"));
  EXPECT_EQ(ParseError("{{ not a == b }}"),
            At(4,
               "'not' before a comparison outside '{% if %}' is unsupported "
               "(Tera prints the comparison); write '!=' instead",
               "{{ not a == b }}"));
  EXPECT_EQ(ParseError("{{ a < b < c }}"),
            At(10, "comparisons cannot be chained; join two with 'and'",
               "{{ a < b < c }}"));
  EXPECT_EQ(ParseError("{{ a | upper ~ 'x' }}"),
            At(14,
               "'~' joins literals and names only; put the filtered or "
               "computed value in a 'set' first",
               "{{ a | upper ~ 'x' }}"));
  EXPECT_EQ(
      ParseError("{{ -x }}"),
      At(4, "a leading '-' belongs to number literals only; write '0 - x'",
         "{{ -x }}"));
  EXPECT_EQ(ParseError("{{ trueish }}"),
            At(4,
               "a name cannot start with 'true' (Tera reads the literal); "
               "rename 'trueish'",
               "{{ trueish }}"));
  EXPECT_EQ(ParseError("{{ 1 + [2] }}"),
            At(8,
               "a list literal can only be printed, set, looped over, passed "
               "to a filter or test, or stand right of 'in'",
               "{{ 1 + [2] }}"));
  EXPECT_EQ(ParseError("{{ [[1]] }}"),
            At(5, "a list literal cannot hold a list", "{{ [[1]] }}"));
  EXPECT_EQ(ParseError("{{ 01 }}"),
            At(4,
               "malformed number '01' (digits without a leading zero, an "
               "optional '.' and digits; no exponent)",
               "{{ 01 }}"));
  EXPECT_EQ(ParseError("{{ 99999999999999999999 }}"),
            At(4, "integer '99999999999999999999' does not fit 64 bits",
               "{{ 99999999999999999999 }}"));
  EXPECT_EQ(ParseError("{% if not (a or b) %}{% endif %}"),
            At(7,
               "'not' cannot apply to a parenthesized 'and'/'or' in Tera; "
               "negate each operand instead",
               "{% if not (a or b) %}{% endif %}"));
  EXPECT_EQ(ParseError("{{ a[ b] }}"),
            At(6,
               "expected a number, a string or a name inside '[ ]' (no "
               "spaces)",
               "{{ a[ b] }}"));
  EXPECT_EQ(
      ParseError("{{ a[01] }}"),
      At(6, "a list index is decimal without leading zeros", "{{ a[01] }}"));
  EXPECT_EQ(ParseError("{# #}{##}"),
            At(6, "a comment needs at least one character ('{# note #}')",
               "{# #}{##}"));
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
  EXPECT_EQ(ParseError("{{ a. }}"),
            At(5, "expected '}}', found '.'", "{{ a. }}"));
  EXPECT_EQ(ParseError("{{ 'open }}"),
            "a.md:1:4: error: string is not closed\n"
            "{{ 'open }}\n"
            "   ^\n");
  EXPECT_EQ(ParseError("{{ a @ }}"),
            "a.md:1:6: error: unexpected character '@'\n"
            "{{ a @ }}\n"
            "     ^\n");
  EXPECT_EQ(ParseError("{% set = 1 %}"),
            At(8, "expected a variable name, found '='", "{% set = 1 %}"));
  EXPECT_EQ(ParseError("{% for k , v in t %}{% endfor %}"),
            At(10,
               "no space is allowed before ',' in '{% for key, value in ... "
               "%}'",
               "{% for k , v in t %}{% endfor %}"));
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

TEST(AgpmParseErrorTest, AnExpressionHasAtMost256OperatorsAndFilters) {
  std::string sum = "{{ 1";
  for (int i = 0; i < 256; ++i) sum += "+1";
  EXPECT_EQ(Rendered(sum + " }}"), "257");
  Outcome outcome = ParseAndRender(sum + "+1 }}");
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  EXPECT_EQ(outcome.diagnostics[0].substr(0, outcome.diagnostics[0].find('\n')),
            "a.md:1:517: error: expression is too long (more than 256 "
            "operators and filters)");
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

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

TEST(AgpmParseErrorTest, ADidYouMeanIsAnEditOfTheName) {
  DiagnosticSink sink;
  std::string text = "{{ x | uper }}";
  EXPECT_FALSE(AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const Diagnostic& diagnostic = sink.diagnostics()[0];
  EXPECT_EQ(diagnostic.where.column, 8);
  EXPECT_EQ(diagnostic.end.column, 12);
  EXPECT_EQ(diagnostic.replacement, "upper");
  EXPECT_EQ(diagnostic.rule, "template");
}

}  // namespace
}  // namespace agentgen
