// SPDX-License-Identifier: MIT
// "Did you mean ...?" for names a person typed: frontmatter keys, tool names.
#ifndef AGENTGEN_BASE_NEAREST_NAME_H_
#define AGENTGEN_BASE_NEAREST_NAME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// The candidate `typed` most likely meant: one that differs only in case,
/// `-` and `_` (`max_turns` for `maxTurns`), else the nearest by edit
/// distance when that is at most a third of the name's length (at least 1).
/// Ties go to the first candidate in sorted order.
std::optional<std::string> NearestName(
    std::string_view typed, const std::vector<std::string>& candidates);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_NEAREST_NAME_H_
