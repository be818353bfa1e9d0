// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/builtins.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace agentgen::agpm {
namespace {

TEST(BuiltinsTest, ListsTheDialectsFiltersInCodePointOrder) {
  const std::vector<std::string_view>& names = FilterNames();
  EXPECT_EQ(names.size(), 31u);  // 29 of Tera's, plus content and default
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  ASSERT_NE(FindFilter("replace"), nullptr);
  EXPECT_EQ(FindFilter("replace")->parameters.size(), 2u);
  EXPECT_TRUE(FindFilter("replace")->parameters[0].required);
  EXPECT_EQ(FindFilter("date"), nullptr);
  EXPECT_TRUE(IsUnsupportedTeraFilter("date"));
  EXPECT_FALSE(IsUnsupportedTeraFilter("lenght"));
}

TEST(BuiltinsTest, ListsTheDialectsTests) {
  const std::vector<std::string_view>& names = TesterNames();
  EXPECT_EQ(names.size(), 12u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  ASSERT_NE(FindTester("divisibleby"), nullptr);
  EXPECT_EQ(FindTester("divisibleby")->arguments, 1u);
  EXPECT_EQ(FindTester("matching"), nullptr);
  EXPECT_TRUE(IsUnsupportedTeraTester("matching"));
}

}  // namespace
}  // namespace agentgen::agpm
