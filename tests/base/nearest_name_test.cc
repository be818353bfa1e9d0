// SPDX-License-Identifier: MIT
#include "base/nearest_name.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

const std::vector<std::string> kKeys = {"name", "description", "maxTurns",
                                        "permissionMode", "tools"};

TEST(NearestNameTest, CaseAndSeparatorsDoNotCount) {
  EXPECT_EQ(NearestName("max_turns", kKeys), "maxTurns");
  EXPECT_EQ(NearestName("Permission-Mode", kKeys), "permissionMode");
}

TEST(NearestNameTest, ATypoWithinAThirdOfTheLength) {
  EXPECT_EQ(NearestName("descripton", kKeys), "description");
  EXPECT_EQ(NearestName("tool", kKeys), "tools");
}

TEST(NearestNameTest, NothingCloseEnough) {
  EXPECT_EQ(NearestName("colour_scheme", kKeys), std::nullopt);
  EXPECT_EQ(NearestName("name", kKeys), std::nullopt);
}

}  // namespace
}  // namespace agentgen
