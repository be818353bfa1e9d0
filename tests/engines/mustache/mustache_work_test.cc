// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_work.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "engines/mustache/mustache_template.h"

namespace agentgen {
namespace {

using nlohmann::json;

const json& Context() {
  static const json context = json::parse(R"({
    "agpm": {"project": {"team": "core", "n": 3, "f": 0.5, "on": true,
                         "off": false, "empty": "", "none": null,
                         "list": [1, 2, 3], "none_list": [],
                         "nested": [[1, 2], [3]],
                         "table": {"k": "v", "inner": {"x": "y"}}}},
    "project": {"team": "core"},
    "items": [{"name": "x", "tags": ["a", "b"]}, {"name": "y"}, "plain",
              false, null, ""]})");
  return context;
}

WorkBudget Unlimited() {
  return WorkBudget(~uint64_t{0} >> 1, ~uint64_t{0} >> 1);
}

// What mstch really writes, unchecked and unescaped, over Context().
std::string MstchOutput(const std::string& text,
                        const std::map<std::string, std::string>& partials) {
  MustacheOptions options;
  options.strict = false;
  WorkBudget budget = Unlimited();
  options.budget = &budget;
  DiagnosticSink sink;
  std::optional<std::string> out = RenderMustache(
      text, Context(), partials, SliceLocator("m.md", text, 0), sink, options);
  EXPECT_TRUE(out) << text;
  return out.value_or("");
}

// The model plays mstch's render through without writing: where no partial
// is indented and nothing is escaped, the length it predicts is the length
// mstch writes, which shows it repeats, skips and looks up as mstch does.
TEST(MustacheWorkTest, PredictsTheLengthMstchWrites) {
  const std::vector<std::string> templates = {
      "plain text\nand more\n",
      "{{agpm.project.team}} {{project.team}} {{agpm.project.n}}",
      "{{#agpm.project.list}}<{{.}}>{{/agpm.project.list}}",
      "{{#items}}[{{name}}|{{.}}]{{/items}}",
      "{{#items}}{{#tags}}{{.}}{{name}}{{/tags}}{{/items}}",
      "{{#agpm.project.nested}}({{#.}}{{.}}{{/.}}){{/agpm.project.nested}}",
      "{{#agpm.project.table}}{{k}}{{inner.x}}{{.}}{{/agpm.project.table}}",
      "{{^agpm.project.none_list}}none{{/agpm.project.none_list}}",
      "{{^agpm.project.list}}never{{/agpm.project.list}}",
      ("{{#agpm.project.off}}no{{/agpm.project.off}}"
       "{{#agpm.project.empty}}no{{/agpm.project.empty}}"
       "{{#agpm.project.none}}no{{/agpm.project.none}}"
       "{{#missing}}no{{/missing}}{{^missing}}yes{{/missing}}"),
      ("{{#agpm.project.n}}n is {{.}}{{/agpm.project.n}}"
       "{{#agpm.project.team}}{{.}}!{{/agpm.project.team}}"),
      "line\n{{#agpm.project.on}}\n  inside\n{{/agpm.project.on}}\nafter\n",
      "  {{! standalone comment }}  \nnext\n{{#items}}\n{{name}}\n{{/items}}",
      ("{{=<% %>=}}<% agpm.project.team %> {{not a tag}}<%={{ "
       "}}=%>{{project.team}}"),
      "{{{agpm.project.team}}}{{&agpm.project.team}}",
      "{{..}}{{.x}}{{x.}}{{agpm..project}}{{a.b.c}}",
      ("{{#agpm.project.list}}{{#agpm.project.list}}{{.}}{{/agpm.project.list}}"
       "{{/agpm.project.list}}"),
      // Unbalanced, as only the unchecked mode lets through.
      "{{#agpm.project.list}}open{{/other}}{{/agpm.project.list}}tail",
      "{{/agpm.project.list}}stray{{#agpm.project.list}}unclosed",
      "{{#agpm.project.list}}a{{#items}}b{{/agpm.project.list}}c{{/items}}d",
      "{{>p}} and {{>q}} and {{>missing}}\n",
      "{{#items}}{{>p}}{{/items}}",
  };
  const std::map<std::string, std::string> partials = {
      {"p", "<{{name}}{{agpm.project.team}}>"}, {"q", "{{#items}}q{{/items}}"}};
  for (const std::string& text : templates) {
    WorkBudget budget = Unlimited();
    uint64_t predicted = 0;
    EXPECT_FALSE(
        PlayMstchRender(text, Context(), partials, false, budget, &predicted))
        << text;
    EXPECT_EQ(predicted, MstchOutput(text, partials).size()) << text;
  }
}

// An indented standalone partial is written with its indentation before
// every line; the model bounds that from above.
TEST(MustacheWorkTest, BoundsIndentedPartialsFromAbove) {
  std::string text = "{{#items}}\n    {{>p}}\n{{/items}}\n";
  std::map<std::string, std::string> partials = {{"p", "a\n{{name}}\nb\n"}};
  WorkBudget budget = Unlimited();
  uint64_t predicted = 0;
  EXPECT_FALSE(
      PlayMstchRender(text, Context(), partials, false, budget, &predicted));
  EXPECT_GE(predicted, MstchOutput(text, partials).size());
}

// Steps: each section repetition, inverted-section render, interpolation
// and partial expansion counts one.
TEST(MustacheWorkTest, CountsTheRendersSteps) {
  struct Case {
    std::string text;
    uint64_t steps;
  };
  const std::vector<Case> cases = {
      {"text only", 0},
      {"{{agpm.project.team}}{{missing}}", 2},
      {"{{#agpm.project.list}}x{{/agpm.project.list}}", 3},
      {"{{#agpm.project.list}}{{.}}{{/agpm.project.list}}", 6},
      {"{{^agpm.project.none_list}}{{.}}{{/agpm.project.none_list}}", 2},
      {"{{#agpm.project.off}}{{.}}{{/agpm.project.off}}", 0},
      {"{{>p}}{{>p}}", 4},
      {"{{>missing}}", 0},
  };
  for (const Case& test : cases) {
    WorkBudget budget = Unlimited();
    EXPECT_FALSE(
        PlayMstchRender(test.text, Context(), {{"p", "{{x}}"}}, false, budget))
        << test.text;
    EXPECT_EQ(budget.spent().steps, test.steps) << test.text;
  }
}

// The operations grow with what makes mstch slow: a standalone tag line
// moves every token after it, so lines of them grow quadratically.
TEST(MustacheWorkTest, StandaloneLinesCostQuadratically) {
  auto cost = [](int lines) {
    std::string text;
    for (int i = 0; i < lines; ++i) text += "{{! c }}\n";
    WorkBudget budget = Unlimited();
    EXPECT_FALSE(PlayMstchRender(text, Context(), {}, false, budget));
    return budget.spent().mstch_operations;
  };
  uint64_t thousand = cost(1000);
  uint64_t four_thousand = cost(4000);
  EXPECT_GT(four_thousand, 12 * thousand);
}

// Limits are reported at the outermost section or partial of the template
// being rendered, whatever nests inside it.
TEST(MustacheWorkTest, ReportsLimitsAtTheOutermostConstruct) {
  std::string text = "{{agpm.project.team}}\n{{>p}}";
  WorkBudget budget(3, ~uint64_t{0} >> 1);
  std::optional<TemplateError> error = PlayMstchRender(
      text, Context(), {{"p", "{{#items}}{{name}}{{/items}}"}}, false, budget);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, text.find("{{>p}}"));
  EXPECT_EQ(error->message, StepLimitMessage(budget));
}

// A template the tag reader refuses is not handed to mstch in either mode.
TEST(MustacheWorkTest, RefusesWhatMstchWouldMisread) {
  WorkBudget budget = Unlimited();
  std::optional<TemplateError> error =
      PlayMstchRender("ok {{=ab=}} then", Context(), {}, false, budget);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 3u);
  EXPECT_EQ(error->message, "bad set-delimiter tag");

  std::optional<TemplateError> in_partial = PlayMstchRender(
      "a {{>p}}", Context(), {{"p", "{{unclosed"}}, false, budget);
  ASSERT_TRUE(in_partial);
  EXPECT_EQ(in_partial->offset, 2u);
  EXPECT_EQ(in_partial->message, "in partial 'p': unterminated tag");
}

}  // namespace
}  // namespace agentgen
