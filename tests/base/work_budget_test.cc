// SPDX-License-Identifier: MIT
#include "base/work_budget.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

TEST(WorkBudgetTest, TakesUntilTheLimitAndFailsAfter) {
  WorkBudget budget(3, 100);
  EXPECT_TRUE(budget.TakeSteps());
  EXPECT_TRUE(budget.TakeSteps(2));
  EXPECT_FALSE(budget.TakeSteps());
  // Once over, it stays over.
  EXPECT_FALSE(budget.TakeSteps(0));
  EXPECT_TRUE(budget.TakeMstchOperations(100));
  EXPECT_FALSE(budget.TakeMstchOperations(1));
}

TEST(WorkBudgetTest, ChargesWhatWasRecorded) {
  WorkBudget budget(10, 100);
  WorkCost before = budget.spent();
  budget.TakeSteps(4);
  budget.TakeMstchOperations(30);
  WorkCost cost = budget.SpentSince(before);
  EXPECT_EQ(cost.steps, 4u);
  EXPECT_EQ(cost.mstch_operations, 30u);
  EXPECT_TRUE(budget.Take(cost));
  EXPECT_EQ(budget.spent().steps, 8u);
  EXPECT_FALSE(budget.Take(cost));
  // Operations alone can fail a take too.
  WorkBudget operations(100, 50);
  EXPECT_FALSE(operations.Take({1, 51}));
}

TEST(WorkBudgetTest, DefaultsAreTheDocumentedLimits) {
  WorkBudget budget;
  EXPECT_EQ(budget.max_steps(), 10u * 1000 * 1000);
  EXPECT_EQ(budget.max_mstch_operations(), kMaxMstchOperations);
  EXPECT_EQ(kMaxRenderedSize, 64u * 1024 * 1024);
}

}  // namespace
}  // namespace agentgen
