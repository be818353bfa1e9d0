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

}  // namespace
}  // namespace agentgen
