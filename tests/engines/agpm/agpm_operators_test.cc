// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_operators.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace agentgen::agpm {
namespace {

using nlohmann::json;

json Math(const char* op, const json& left, const json& right) {
  std::string error;
  std::optional<json> result = Arithmetic(op, left, right, &error);
  return result ? *result : json("error: " + error);
}

TEST(AgpmOperatorsTest, IntegersStayIntegers) {
  EXPECT_EQ(Math("+", 2, 3).dump(), "5");
  EXPECT_EQ(Math("-", 2, 3).dump(), "-1");
  EXPECT_EQ(Math("*", 4, 3).dump(), "12");
  EXPECT_EQ(Math("%", 7, 3).dump(), "1");
  EXPECT_EQ(Math("%", -7, 3).dump(), "-1");  // the dividend's sign
  EXPECT_EQ(Math("%", std::numeric_limits<std::int64_t>::min(), -1).dump(),
            "0");
  EXPECT_EQ(Math("+", std::uint64_t{18446744073709551614u}, 1).dump(),
            "18446744073709551615");
}

TEST(AgpmOperatorsTest, IntegerOverflowAndZeroRemainderAreErrors) {
  EXPECT_EQ(Math("+", std::numeric_limits<std::int64_t>::max(), 1),
            "error: '9223372036854775807 + 1' overflows");
  EXPECT_EQ(Math("*", std::numeric_limits<std::int64_t>::min(), 2),
            "error: '-9223372036854775808 * 2' overflows");
  EXPECT_EQ(Math("%", 7, 0), "error: '7 % 0' divides by zero");
}

TEST(AgpmOperatorsTest, DoublesFollowTera) {
  EXPECT_EQ(Math("*", 2, 3.0).dump(), "6.0");
  EXPECT_EQ(Math("+", 0.5, 1).dump(), "1.5");
  EXPECT_EQ(Math("%", 7.5, 2).dump(), "1.5");
  EXPECT_EQ(Math("%", 7.5, 0), "NaN");
  EXPECT_EQ(Math("*", 1e300, 1e300), "NaN");
  EXPECT_EQ(Math("+", 1.7e308, 1.7e308),
            "error: '1.7e+308 + 1.7e+308' overflows");
}

TEST(AgpmOperatorsTest, DivisionGoesThroughDoubles) {
  EXPECT_EQ(Math("/", 10, 2).dump(), "5");
  EXPECT_EQ(Math("/", 10, 4).dump(), "2.5");
  EXPECT_EQ(Math("/", 10.0, 2.0).dump(), "5");
  EXPECT_EQ(Math("/", 1, 0), "NaN");
  EXPECT_EQ(Math("/", 0, 0), "NaN");
  EXPECT_EQ(Math("/", 1e300, 1e-5).dump(), "9223372036854775807");
}

TEST(AgpmOperatorsTest, ArithmeticNeedsNumbers) {
  EXPECT_EQ(Math("+", "1", 1), "error: '+' needs numbers, not a string");
  EXPECT_EQ(Math("*", 1, true), "error: '*' needs numbers, not a boolean");
  EXPECT_EQ(Math("-", json::array(), 1),
            "error: '-' needs numbers, not a list");
}

std::string Cmp(const char* op, const json& left, const json& right) {
  std::string error;
  std::optional<bool> result = Compare(op, left, right, &error);
  return result ? (*result ? "true" : "false") : "error: " + error;
}

TEST(AgpmOperatorsTest, Comparisons) {
  EXPECT_EQ(Cmp("==", 1, 1.0), "true");
  EXPECT_EQ(Cmp("!=", 1, 2), "true");
  EXPECT_EQ(Cmp("==", 1, "1"), "false");
  EXPECT_EQ(Cmp("!=", 1, "1"), "false");  // Tera: neither
  EXPECT_EQ(Cmp("==", json::parse("[1]"), json::parse("[1.0]")), "false");
  EXPECT_EQ(Cmp("==", json::parse("{\"a\":[1]}"), json::parse("{\"a\":[1]}")),
            "true");
  EXPECT_EQ(Cmp("<", 1, 1.5), "true");
  EXPECT_EQ(Cmp(">=", 2, 2.0), "true");
  EXPECT_EQ(Cmp("<", "a", "b"),
            "error: '<' compares numbers only, not a string");
}

std::string In(const json& item, const json& container) {
  std::string error;
  std::optional<bool> result = Contains(container, item, &error);
  return result ? (*result ? "true" : "false") : "error: " + error;
}

TEST(AgpmOperatorsTest, In) {
  EXPECT_EQ(In(1, json::parse("[1, 2]")), "true");
  EXPECT_EQ(In(1, json::parse("[1.0]")), "false");
  EXPECT_EQ(In("ru", "rust"), "true");
  EXPECT_EQ(In("a", json::parse("{\"a\": 1}")), "true");
  EXPECT_EQ(In(1, "1"),
            "error: 'in' a string needs a string on its left, not an integer");
  EXPECT_EQ(In(1, 1),
            "error: 'in' needs a list, a string or a table on its right, not "
            "an integer");
}

TEST(AgpmOperatorsTest, ConcatText) {
  std::string error;
  EXPECT_EQ(ConcatText(2.0, false, &error), "2.0");  // from a name: JSON
  EXPECT_EQ(ConcatText(2.0, true, &error), "2");     // a literal: printed
  EXPECT_EQ(ConcatText(7, true, &error), "7");
  EXPECT_EQ(ConcatText("s", false, &error), "s");
  EXPECT_FALSE(ConcatText(true, false, &error));
  EXPECT_EQ(error, "'~' joins strings and numbers, not a boolean");
}

}  // namespace
}  // namespace agentgen::agpm
