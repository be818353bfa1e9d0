// SPDX-License-Identifier: MIT
#include "engines/agpm/offset_map.h"

#include <algorithm>

namespace agentgen {

void OffsetMap::AddCopied(size_t out_begin, size_t in_begin) {
  // A copy that continues the previous one needs no run of its own.
  if (!runs_.empty() && runs_.back().copied &&
      out_begin - runs_.back().out_begin == in_begin - runs_.back().in_begin &&
      out_begin >= runs_.back().out_begin) {
    return;
  }
  runs_.push_back({out_begin, in_begin, true});
}

void OffsetMap::AddProduced(size_t out_begin, size_t in_begin) {
  runs_.push_back({out_begin, in_begin, false});
}

size_t OffsetMap::ToInput(size_t out) const {
  if (runs_.empty()) return out;
  auto after = std::upper_bound(
      runs_.begin(), runs_.end(), out,
      [](size_t offset, const Run& run) { return offset < run.out_begin; });
  if (after == runs_.begin()) return runs_.front().in_begin;
  const Run& run = *(after - 1);
  return run.copied ? run.in_begin + (out - run.out_begin) : run.in_begin;
}

}  // namespace agentgen
