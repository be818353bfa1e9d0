// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_renderer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

TEST(AgpmPrintScalarTest, PrintsEachTypeAsTeraDoes) {
  EXPECT_EQ(PrintScalar(json("text")), "text");
  EXPECT_EQ(PrintScalar(json(42)), "42");
  EXPECT_EQ(PrintScalar(json(-7)), "-7");
  EXPECT_EQ(PrintScalar(json(18446744073709551615u)), "18446744073709551615");
  EXPECT_EQ(PrintScalar(json(0.1)), "0.1");
  EXPECT_EQ(PrintScalar(json(2.5)), "2.5");
  EXPECT_EQ(PrintScalar(json(100.0)), "100");  // Rust writes no ".0"
  EXPECT_EQ(PrintScalar(json(1.5e-7)), "0.00000015");
  EXPECT_EQ(PrintScalar(json(1e21)), "1000000000000000000000");
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
