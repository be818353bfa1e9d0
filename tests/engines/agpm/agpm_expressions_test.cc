// SPDX-License-Identifier: MIT
// Literals, names, operators and tests of the AGPM dialect, rendered whole.
#include <gtest/gtest.h>

#include <string>

#include "base/work_budget.h"
#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

json Numbers() {
  return json::parse(R"({"n": 10, "f": 2.0, "s": "x", "a": [1, 2],
    "t": {"b": 1, "a": 2}, "k": "b", "i": 1, "nothing": null, "yes": true})");
}

TEST(AgpmLiteralTest, PrintsEachKind) {
  EXPECT_EQ(Rendered("{{ 42 }} {{ -7 }} {{ 2.0 }} {{ 0.5 }} {{ true }} "
                     "{{ False }} {{ \"a'b\" }} {{ 'a\"b' }} {{ `a\\b` }}"),
            "42 -7 2 0.5 true false a'b a\"b a\\b");
  EXPECT_EQ(Rendered("{{ 'two\nlines' }}"), "two\nlines");
}

TEST(AgpmNameTest, SubscriptsAndIndexes) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ a.0 }}{{ a[1] }}{{ t[\"a\"] }}{{ t[k] }}{{ a[i] }}",
                     context),
            "12212");
  EXPECT_EQ(RenderError("{{ a.2 }}", context),
            "a.md:1:4: error: undefined name 'a.2'; 'a' is a list of 2 items "
            "(index it with a number below that)\n"
            "{{ a.2 }}\n"
            "   ^\n");
  EXPECT_EQ(RenderError("{{ t[yes] }}", context),
            "a.md:1:6: error: a subscript must hold a string or a number, not "
            "a boolean ('yes')\n"
            "{{ t[yes] }}\n"
            "     ^\n");
}

TEST(AgpmUndefinedTest, FalseInConditionsAndLogic) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{% if nope %}y{% else %}n{% endif %}"
                     "{% if nope | length %}y{% else %}n{% endif %}"
                     "{{ nope or yes }} {{ not nope }} {{ nope and yes }}",
                     context),
            "nntrue true false");
  EXPECT_EQ(Rendered("{{ nope | default(value=n + 1) }} "
                     "{{ nothing | default(value='null') }} "
                     "{{ s | default(value=undefined_is_not_evaluated) }}",
                     context),
            "11 null x");
  // A comparison with an undefined operand stays an error.
  EXPECT_EQ(RenderError("{% if nope == 1 %}{% endif %}", context),
            "a.md:1:7: error: undefined name 'nope'\n"
            "{% if nope == 1 %}{% endif %}\n"
            "      ^\n");
  // So does a subscript's undefined name, even in a condition.
  EXPECT_EQ(RenderError("{% if t[nope] %}{% endif %}", context),
            "a.md:1:9: error: undefined name 'nope'\n"
            "{% if t[nope] %}{% endif %}\n"
            "        ^\n");
}

TEST(AgpmOperatorTest, ArithmeticAndPrecedence) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 10 - 4 - 3 }} "
                     "{{ n / 4 }} {{ n / 0 }} {{ -7 % 3 }} {{ 7.5 % 2 }}",
                     context),
            "7 9 3 2.5 NaN -1 1.5");
  // Arithmetic's "NaN" is false as a condition, as Tera takes it a number.
  EXPECT_EQ(
      Rendered("{% if n / 0 %}y{% else %}n{% endif %}{{ n / 0 }}", context),
      "nNaN");
  EXPECT_EQ(RenderError("{{ s + 1 }}", context),
            "a.md:1:6: error: '+' needs numbers, not a string ('s + 1')\n"
            "{{ s + 1 }}\n"
            "     ^\n");
}

TEST(AgpmOperatorTest, ComparisonsAndIn) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ n == 10.0 }} {{ n != 'x' }} {{ f < n }} "
                     "{{ 'x' in s }} {{ 1 in a }} {{ 3 not in a }} "
                     "{{ 'b' in t }} {{ 1 in [1.0] }}",
                     context),
            "true false true true true true true false");
  EXPECT_EQ(Rendered("{% if not n == 2 %}ok{% endif %}", context), "ok");
  EXPECT_EQ(RenderError("{% if 'a' < 'b' %}{% endif %}", context),
            "a.md:1:11: error: '<' compares numbers only, not a string "
            "(''a' < 'b'')\n"
            "{% if 'a' < 'b' %}{% endif %}\n"
            "          ^\n");
}

TEST(AgpmOperatorTest, Concatenation) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ f ~ '|' ~ 2.0 ~ '|' ~ n ~ s }}", context),
            "2.0|2|10x");
  EXPECT_EQ(RenderError("{{ s ~ yes }}", context),
            "a.md:1:8: error: '~' joins strings and numbers, not a boolean "
            "('yes')\n"
            "{{ s ~ yes }}\n"
            "       ^\n");
}

TEST(AgpmOperatorTest, FiltersBindToTheWholeArithmeticBefore) {
  // `safe` passes its input through: `1 + n | safe` is `(1 + n) | safe`.
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ 1 + n | safe * 2 }}", context), "22");
  EXPECT_EQ(Rendered("{{ n | safe + 1 | safe }}", context), "11");
}

TEST(AgpmTestTest, DefinedAndUndefined) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ n is defined }} {{ nope is defined }} "
                     "{{ nope is undefined }} {{ nope is not defined }} "
                     "{{ t.a is defined }} {{ t.z is defined }}",
                     context),
            "true false true true true false");
  EXPECT_EQ(RenderError("{% if nope is string %}{% endif %}", context),
            "a.md:1:7: error: undefined name 'nope'; test 'string' needs a "
            "defined value\n"
            "{% if nope is string %}{% endif %}\n"
            "      ^\n");
}

TEST(AgpmPrintTest, BooleansNullAndLists) {
  json context = Numbers();
  EXPECT_EQ(Rendered("{{ yes }} {{ 1 == 1 }} [{{ nothing }}]", context),
            "true true []");
  EXPECT_EQ(RenderError("{{ [1, 2] }}", context),
            "a.md:1:4: error: cannot print a list ('[1, 2]'); iterate it "
            "with '{% for %}' or join it with '| join(sep=\", \")'\n"
            "{{ [1, 2] }}\n"
            "   ^\n");
}

}  // namespace
}  // namespace agentgen

namespace agentgen {
namespace {

TEST(AgpmFilterPlumbingTest, ArgumentsAreEvaluatedAndErrorsLocated) {
  json context = Numbers();
  // An argument's undefined name is reported at the name.
  EXPECT_EQ(RenderError("{{ a | join(sep=nope) }}", context),
            "a.md:1:17: error: undefined name 'nope'\n"
            "{{ a | join(sep=nope) }}\n"
            "                ^\n");
  // A built-in filter's error about its input is located at its name.
  Outcome outcome = ParseAndRender("{{ n | upper }}", context);
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  EXPECT_EQ(outcome.diagnostics[0].rfind("a.md:1:8: error: ", 0), 0u)
      << outcome.diagnostics[0];
  // On an undefined name in a condition no filter runs: it is false.
  EXPECT_EQ(Rendered("{% if nope | upper %}y{% else %}n{% endif %}", context),
            "n");
}

TEST(AgpmFilterPlumbingTest, EveryFilterCallIsAStep) {
  DiagnosticSink sink;
  std::string text = "{{ s | safe | safe }}{{ nope | default(value=1) }}";
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed);
  WorkBudget budget;
  ASSERT_TRUE(parsed->Render(Numbers(), nullptr, sink, nullptr, &budget));
  EXPECT_EQ(budget.spent().steps, 5u);  // two prints, three filters
}

}  // namespace
}  // namespace agentgen
