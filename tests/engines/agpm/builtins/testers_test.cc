// SPDX-License-Identifier: MIT
// The tests (`x is odd`) with Tera 1.20.1's answers (testers.rs) and the
// conformance cases up-t-*, up-b-string-number, up-b-divisibleby,
// up-b-containing.
#include "engines/agpm/builtins/testers.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "engines/agpm/builtins/builtins_test_support.h"

namespace agentgen::agpm {
namespace {

using nlohmann::json;
using testing::Ask;
using testing::AskError;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::uint64_t kUint64Max = std::numeric_limits<std::uint64_t>::max();

TEST(TestersTest, StringAndNumber) {
  // up-b-string-number
  EXPECT_TRUE(Ask("string", "x"));
  EXPECT_FALSE(Ask("number", "x"));
  EXPECT_TRUE(Ask("string", ""));
  EXPECT_FALSE(Ask("string", 1));
  EXPECT_TRUE(Ask("number", 1));
  EXPECT_TRUE(Ask("number", -0.5));
  EXPECT_TRUE(Ask("number", kUint64Max));
  EXPECT_FALSE(Ask("number", "1"));
  EXPECT_FALSE(Ask("number", nullptr));
  EXPECT_FALSE(Ask("string", json::array({"x"})));
}

TEST(TestersTest, OddAndEvenUseTheFloatingRemainder) {
  // up-t-odd-even: loop.index 1, 2, 3 and 2.5.
  EXPECT_TRUE(Ask("odd", 1));
  EXPECT_FALSE(Ask("odd", 2));
  EXPECT_TRUE(Ask("odd", 3));
  EXPECT_TRUE(Ask("odd", 2.5));
  EXPECT_FALSE(Ask("even", 2.5));
  EXPECT_TRUE(Ask("even", 0));
  EXPECT_TRUE(Ask("odd", -1));
  EXPECT_TRUE(Ask("even", -2));
  EXPECT_TRUE(Ask("even", kInt64Min));
  // Through a double, u64 max is 2^64: even.
  EXPECT_TRUE(Ask("even", kUint64Max));
  EXPECT_TRUE(Ask("even", 1e300));
  BuiltinError error = AskError("odd", "1");
  EXPECT_EQ(error.argument, "");
  EXPECT_EQ(error.message, "test 'odd' needs a number, not a string");
  EXPECT_EQ(AskError("even", nullptr).message,
            "test 'even' needs a number, not null");
}

TEST(TestersTest, DivisibleBy) {
  EXPECT_TRUE(Ask("divisibleby", 9, {3}));  // up-b-divisibleby
  EXPECT_FALSE(Ask("divisibleby", 10, {3}));
  EXPECT_TRUE(Ask("divisibleby", 7.5, {2.5}));
  EXPECT_TRUE(Ask("divisibleby", -9, {3}));
  EXPECT_TRUE(Ask("divisibleby", 0, {5}));
  EXPECT_FALSE(Ask("divisibleby", 5, {0}));  // NaN is not 0
  EXPECT_FALSE(Ask("divisibleby", 0, {0}));
  BuiltinError argument = AskError("divisibleby", 9, {"3"});
  EXPECT_EQ(argument.argument, "0");
  EXPECT_EQ(argument.message,
            "test 'divisibleby' needs a number as its argument, not a string");
  EXPECT_EQ(AskError("divisibleby", "9", {3}).argument, "");
  EXPECT_EQ(AskError("divisibleby", 9).message,
            "test 'divisibleby' takes 1 argument, not 0");
}

TEST(TestersTest, IterableAndObject) {
  // up-t-iterable-object
  json list = json::array({1});
  json table = json::parse(R"({"k":1})");
  EXPECT_TRUE(Ask("iterable", list));
  EXPECT_TRUE(Ask("iterable", table));
  EXPECT_FALSE(Ask("iterable", "x"));
  EXPECT_TRUE(Ask("object", table));
  EXPECT_FALSE(Ask("object", list));
  EXPECT_TRUE(Ask("iterable", json::array()));
  EXPECT_TRUE(Ask("object", json::object()));
  EXPECT_FALSE(Ask("object", nullptr));
  EXPECT_EQ(AskError("object", table, {1}).message,
            "test 'object' takes 0 arguments, not 1");
}

TEST(TestersTest, StartingAndEndingWith) {
  // up-t-starting-ending-with
  EXPECT_TRUE(Ask("starting_with", "docs/a.md", {"docs/"}));
  EXPECT_TRUE(Ask("ending_with", "docs/a.md", {".md"}));
  EXPECT_FALSE(Ask("ending_with", "docs/a.md", {".txt"}));
  EXPECT_TRUE(Ask("starting_with", "", {""}));
  EXPECT_TRUE(Ask("ending_with", "x", {""}));
  EXPECT_FALSE(Ask("starting_with", "", {"x"}));
  EXPECT_FALSE(Ask("ending_with", "a", {"ba"}));
  EXPECT_TRUE(Ask("starting_with", "éa", {"é"}));
  EXPECT_EQ(AskError("starting_with", 1, {"1"}).message,
            "test 'starting_with' needs a string, not an integer (1)");
  BuiltinError argument = AskError("ending_with", "x", {1});
  EXPECT_EQ(argument.argument, "0");
  EXPECT_EQ(argument.message,
            "test 'ending_with' needs a string as its argument, not an "
            "integer (1)");
}

TEST(TestersTest, Containing) {
  EXPECT_TRUE(Ask("containing", "abc", {"b"}));  // up-b-containing
  EXPECT_TRUE(Ask("containing", "abc", {""}));
  EXPECT_FALSE(Ask("containing", "", {"a"}));
  EXPECT_TRUE(Ask("containing", json::array({1, "a"}), {"a"}));
  EXPECT_TRUE(Ask("containing", json::array({1, "a"}), {1}));
  // Inside a list an integer never equals a float.
  EXPECT_FALSE(Ask("containing", json::array({1.0}), {1}));
  EXPECT_FALSE(Ask("containing", json::array({1}), {1.0}));
  EXPECT_TRUE(
      Ask("containing", json::array({json::array({1})}), {json::array({1})}));
  EXPECT_FALSE(
      Ask("containing", json::array({json::array({1})}), {json::array({1.0})}));
  EXPECT_TRUE(Ask("containing", json::array({nullptr}), {nullptr}));
  EXPECT_FALSE(Ask("containing", json::array(), {1}));
  EXPECT_TRUE(Ask("containing", json::parse(R"({"k":1})"), {"k"}));
  EXPECT_FALSE(Ask("containing", json::parse(R"({"k":1})"), {"1"}));
  EXPECT_EQ(AskError("containing", json::object(), {1}).argument, "0");
  EXPECT_EQ(AskError("containing", "abc", {1}).message,
            "test 'containing' needs a string as its argument, not an "
            "integer (1)");
  EXPECT_EQ(AskError("containing", 5, {"5"}).message,
            "test 'containing' needs a string, a list or a table, not an "
            "integer (5)");
}

TEST(TestersTest, TheRendererAnswersDefinedAndUndefined) {
  EXPECT_NE(AskError("defined", 1).message.find("renderer"), std::string::npos);
  EXPECT_NE(AskError("matching", "x", {"x"}).message.find("no test"),
            std::string::npos);
}

}  // namespace
}  // namespace agentgen::agpm
