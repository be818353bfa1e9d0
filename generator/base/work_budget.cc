// SPDX-License-Identifier: MIT
#include "base/work_budget.h"

namespace agentgen {

std::string StepLimitMessage(const WorkBudget& budget) {
  return "rendering takes more than " + std::to_string(budget.max_steps()) +
         " steps (loop iterations, section repetitions, partials, "
         "interpolations and filter calls), the limit on one render";
}

std::string MstchOperationLimitMessage(const WorkBudget& budget) {
  return "the Mustache renderer would need more than " +
         std::to_string(budget.max_mstch_operations()) +
         " operations for this render, the limit on one render (sections "
         "nested over lists and long runs of standalone tag lines cost the "
         "most)";
}

std::string RenderedSizeLimitMessage() {
  return "the rendered text would exceed " +
         std::to_string(kMaxRenderedSize >> 20) +
         " MiB, the limit on one render's output";
}

}  // namespace agentgen
