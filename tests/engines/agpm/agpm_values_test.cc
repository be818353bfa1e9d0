// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_values.h"

#include <gtest/gtest.h>

namespace agentgen::agpm {
namespace {

using nlohmann::json;

TEST(AgpmValuesTest, DescribeNamesEachKind) {
  EXPECT_EQ(Describe(json()), "null");
  EXPECT_EQ(Describe(json(true)), "a boolean");
  EXPECT_EQ(Describe(json(-1)), "an integer");
  EXPECT_EQ(Describe(json(1u)), "an integer");
  EXPECT_EQ(Describe(json(1.5)), "a float");
  EXPECT_EQ(Describe(json("x")), "a string");
  EXPECT_EQ(Describe(json::array()), "a list");
  EXPECT_EQ(Describe(json::object()), "a table");
}

TEST(AgpmValuesTest, TopLevelNumbersCompareAsDoubles) {
  EXPECT_TRUE(ValuesEqual(json(1), json(1.0)));
  EXPECT_TRUE(ValuesEqual(json(1u), json(1)));
  EXPECT_FALSE(ValuesEqual(json(1), json(1.5)));
  EXPECT_FALSE(ValuesEqual(json(1), json("1")));
  EXPECT_FALSE(ValuesEqual(json(true), json(1)));
}

TEST(AgpmValuesTest, InsideContainersAnIntegerNeverEqualsAFloat) {
  EXPECT_FALSE(ValuesEqual(json::array({1}), json::array({1.0})));
  EXPECT_TRUE(ValuesEqual(json::array({1u}), json::array({1})));
  EXPECT_FALSE(ValuesEqual(json::array({-1}), json::array({1u})));
  EXPECT_FALSE(ValuesEqual(json{{"a", 2}}, json{{"a", 2.0}}));
  EXPECT_TRUE(ValuesEqual(json{{"a", json::array({"x", 2.5})}},
                          json{{"a", json::array({"x", 2.5})}}));
  EXPECT_FALSE(ValuesEqual(json::array({"a"}), json::array({"a", "b"})));
  EXPECT_FALSE(ValuesEqual(json{{"a", 1}}, json{{"b", 1}}));
}

TEST(AgpmValuesTest, StringsCompareByCodePoints) {
  EXPECT_TRUE(ValuesEqual(json("é"), json("é")));
  EXPECT_FALSE(ValuesEqual(json("e\xcc\x81"), json("\xc3\xa9")));
}

}  // namespace
}  // namespace agentgen::agpm
