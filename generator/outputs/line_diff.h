// SPDX-License-Identifier: MIT
// A small line diff: the longest common subsequence of two texts' lines, and
// the unified diff built on it (for `agentgen render --check`).
#ifndef AGENTGEN_OUTPUTS_LINE_DIFF_H_
#define AGENTGEN_OUTPUTS_LINE_DIFF_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agentgen {

/// The lines of `text`, each with its '\n' (a last line without one keeps
/// none, so a missing final newline is a difference like any other).
std::vector<std::string_view> SplitLines(std::string_view text);

/// Pairs (i, j) of equal lines a[i] == b[j] forming a longest common
/// subsequence, in increasing order. Equal leading and trailing lines are
/// matched directly; when what remains between them is too large for the
/// quadratic table, none of it is matched (the diff is then correct but not
/// minimal).
std::vector<std::pair<size_t, size_t>> MatchLines(
    const std::vector<std::string_view>& a,
    const std::vector<std::string_view>& b);

/// The unified diff turning `old_text` into `new_text` with `context` lines
/// around each change, headed `--- old_label` / `+++ new_label`, in the form
/// GNU diff and patch use; empty when the texts are equal.
std::string UnifiedDiff(std::string_view old_text, std::string_view new_text,
                        const std::string& old_label,
                        const std::string& new_label, size_t context = 3);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_LINE_DIFF_H_
