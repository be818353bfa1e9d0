// SPDX-License-Identifier: MIT
// The compiled-in formats.toml: it parses, and its readers return what the
// file says.
#include "validation/formats_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace agentgen {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(FormatsDataTest, TheFileSaysWhenItWasTaken) {
  EXPECT_THAT(std::string(FormatsDataText()), HasSubstr("[meta]"));
  EXPECT_EQ(FormatsString("meta.taken").size(), 10u);  // YYYY-MM-DD
}

TEST(FormatsDataTest, ListsAndMapsReadBack) {
  EXPECT_THAT(FormatsList("example.list"), ElementsAre("a", "b"));
  EXPECT_EQ(FormatsMap("example.replaced").at("Old"), "New");
  EXPECT_TRUE(FormatsHas("example.list"));
  EXPECT_FALSE(FormatsHas("example.missing"));
}

TEST(FormatsDataDeathTest, AMissingListIsABugThatNamesItsPath) {
  EXPECT_DEATH(FormatsList("example.missing"), "example.missing");
  EXPECT_DEATH(FormatsList("example.replaced"), "is not an array");
}

}  // namespace
}  // namespace agentgen
