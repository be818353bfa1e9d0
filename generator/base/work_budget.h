// SPDX-License-Identifier: MIT
// The work one render may do, both template dialects together (docs/limits.md,
// "Work budget"): every template a source's render runs (its frontmatter
// pre-passes, its dependencies' contents and its own body) draws on one budget,
// so that no input, however hostile, keeps a build busy for long.
#ifndef AGENTGEN_BASE_WORK_BUDGET_H_
#define AGENTGEN_BASE_WORK_BUDGET_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace agentgen {

/// The most steps one source's render may take: every loop iteration,
/// section or inverted-section repetition, partial expansion, interpolation
/// and filter call counts one.
inline constexpr uint64_t kMaxRenderSteps = 10000000;

/// The most operations mstch may be asked to make for one source's render
/// (reading its templates and rendering them, counted by the Mustache work
/// model in mustache_work.h). mstch cannot be stopped once running and does
/// far more per step than the AGPM dialect, so it has a bound of its own,
/// set so that a render at the bound takes a fraction of a second.
inline constexpr uint64_t kMaxMstchOperations = 3000000;

/// The largest text one template render may produce.
inline constexpr size_t kMaxRenderedSize = size_t{64} << 20;

/// What a render has spent, and what it may still spend.
struct WorkCost {
  uint64_t steps = 0;
  uint64_t mstch_operations = 0;
};

class WorkBudget {
 public:
  WorkBudget() = default;
  /// A budget with other limits, for tests.
  WorkBudget(uint64_t max_steps, uint64_t max_mstch_operations)
      : max_steps_(max_steps), max_mstch_operations_(max_mstch_operations) {}

  /// Takes `count` steps; false when that passes the limit. The steps are
  /// spent either way, so once over the limit every later take fails too.
  bool TakeSteps(uint64_t count = 1) {
    spent_.steps += count;
    return spent_.steps <= max_steps_;
  }
  bool TakeMstchOperations(uint64_t count) {
    spent_.mstch_operations += count;
    return spent_.mstch_operations <= max_mstch_operations_;
  }

  /// Takes what a render recorded earlier cost (a kept dependency's content
  /// reused by a later source of a batch); false when it does not fit.
  bool Take(const WorkCost& cost) {
    bool steps_fit = TakeSteps(cost.steps);
    return TakeMstchOperations(cost.mstch_operations) && steps_fit;
  }

  /// What has been spent so far.
  const WorkCost& spent() const { return spent_; }
  /// What was spent since `before` (an earlier `spent()`).
  WorkCost SpentSince(const WorkCost& before) const {
    return {spent_.steps - before.steps,
            spent_.mstch_operations - before.mstch_operations};
  }

  uint64_t max_steps() const { return max_steps_; }
  uint64_t max_mstch_operations() const { return max_mstch_operations_; }

 private:
  uint64_t max_steps_ = kMaxRenderSteps;
  uint64_t max_mstch_operations_ = kMaxMstchOperations;
  WorkCost spent_;
};

/// The messages of the three limits, naming them.
std::string StepLimitMessage(const WorkBudget& budget);
std::string MstchOperationLimitMessage(const WorkBudget& budget);
std::string RenderedSizeLimitMessage();

}  // namespace agentgen

#endif  // AGENTGEN_BASE_WORK_BUDGET_H_
