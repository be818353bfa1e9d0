// SPDX-License-Identifier: MIT
// if, for, set, break and continue of the AGPM dialect, rendered whole.
#include <gtest/gtest.h>

#include <string>

#include "base/work_budget.h"
#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

json Lists() {
  return json::parse(R"({"a": [1, 2, 3], "t": {"é": 1, "b": 2, "Z": 3},
    "empty": [], "s": "str", "n": 5})");
}

TEST(AgpmForTest, LoopVariables) {
  EXPECT_EQ(Rendered("{% for x in ['a', 'b', 'c'] %}{{ loop.index0 }}{{ x }}"
                     "{% if loop.first %}<{% endif %}{% if loop.last %}>"
                     "{% else %},{% endif %}{{ loop.index }}{% endfor %}"),
            "0a<,11b,22c>3");
  EXPECT_EQ(RenderError("{% for a in [1] %}{{ loop.length }}{% endfor %}"),
            "a.md:1:22: error: undefined name 'loop.length'; a loop has "
            "'loop.index', 'loop.index0', 'loop.first' and 'loop.last'\n"
            "{% for a in [1] %}{{ loop.length }}{% endfor %}\n"
            "                     ^\n");
}

TEST(AgpmForTest, TablesInCodePointOrder) {
  EXPECT_EQ(
      Rendered("{% for k, v in t %}{{ k }}={{ v }};{% endfor %}", Lists()),
      "Z=3;b=2;é=1;");
}

TEST(AgpmForTest, NestedLoopsSeeTheirOwnLoop) {
  EXPECT_EQ(
      Rendered("{% for x in [1, 2] %}{% for y in [1, 2, 3] %}"
               "{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}"),
      "1231|1232|");
}

TEST(AgpmForTest, ElseWhenEmpty) {
  EXPECT_EQ(Rendered("{% for x in empty %}{{ x }}{% else %}none{% endfor %}"
                     "{% for x in a %}{{ x }}{% else %}none{% endfor %}",
                     Lists()),
            "none123");
}

TEST(AgpmForTest, BreakAndContinue) {
  EXPECT_EQ(Rendered("{% for x in a %}{% if x == 2 %}{% continue %}{% endif %}"
                     "{{ x }}{% endfor %}|{% for x in a %}{{ x }}"
                     "{% if x == 2 %}{% break %}{% endif %}{% endfor %}",
                     Lists()),
            "13|12");
  // They act on the innermost loop.
  EXPECT_EQ(Rendered("{% for x in [1, 2] %}{% for y in [1, 2] %}{% break %}"
                     "{{ y }}{% endfor %}{{ x }}{% endfor %}"),
            "12");
}

TEST(AgpmForTest, WhatCannotBeIterated) {
  EXPECT_EQ(RenderError("{% for k, v in a %}{% endfor %}", Lists()),
            "a.md:1:16: error: cannot iterate a list with two names ('a'); "
            "write '{% for item in a %}'\n"
            "{% for k, v in a %}{% endfor %}\n"
            "               ^\n");
  EXPECT_EQ(RenderError("{% for c in n %}{% endfor %}", Lists()),
            "a.md:1:13: error: cannot iterate an integer ('n')\n"
            "{% for c in n %}{% endfor %}\n"
            "            ^\n");
}

TEST(AgpmForTest, EveryIterationIsAStep) {
  DiagnosticSink sink;
  std::string text = "{% for x in a %}{% endfor %}";
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  ASSERT_TRUE(parsed);
  WorkBudget budget;
  ASSERT_TRUE(parsed->Render(Lists(), nullptr, sink, nullptr, &budget));
  EXPECT_EQ(budget.spent().steps, 3u);
}

TEST(AgpmSetTest, Scopes) {
  EXPECT_EQ(Rendered("{% set a = 1 %}{% for x in [1, 2] %}{% set b = x %}"
                     "{% set_global a = a + x %}{{ b }}{% endfor %} {{ a }} "
                     "{{ b is defined }}"),
            "12 4 false");
  // A loop's `set` lasts one iteration.
  EXPECT_EQ(Rendered("{% for x in [1, 2] %}{{ y is defined }}{% set y = 1 %}"
                     "{% endfor %}"),
            "falsefalse");
  // A scope answers only when the whole name resolves in it.
  EXPECT_EQ(
      Rendered("{% set agpm = 1 %}{{ agpm }} {{ agpm.project.language }}"),
      "1 rust");
  EXPECT_EQ(Rendered("{% set l = [1, 'a', n] %}{% for x in l %}{{ x }}"
                     "{% endfor %}",
                     Lists()),
            "1a5");
}

TEST(AgpmWhitespaceTest, BlockInternalEdges) {
  EXPECT_EQ(Rendered("[{% if nope -%}\n  A  \n{%- else -%}\n  B  \n"
                     "{%- endif -%}\n]"),
            "[B]");
  EXPECT_EQ(Rendered("{% for x in [1, 2] -%}\n  {{ x }}\n{%- endfor %}\n"),
            "12\n");
  EXPECT_EQ(Rendered("<{% raw -%}\n {{ x }} \n{%- endraw %}>"), "<{{ x }}>");
}

}  // namespace
}  // namespace agentgen
