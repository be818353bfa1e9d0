// SPDX-License-Identifier: MIT
#include "outputs/line_diff.h"

#include <algorithm>

namespace agentgen {
namespace {

// Rendered agents are a few hundred lines; a stale one differs in a few. The
// table only covers what lies between the equal head and tail, and beyond
// this many cells (16 MiB of counters) the middle is reported as replaced.
constexpr size_t kMaxTableCells = size_t{4} << 20;

// One line of the diff: ' ' kept, '-' removed, '+' added.
struct Edit {
  char kind;
  size_t old_index;  // the old line for ' ' and '-'
  size_t new_index;  // the new line for ' ' and '+'
};

std::vector<Edit> EditScript(const std::vector<std::string_view>& a,
                             const std::vector<std::string_view>& b) {
  std::vector<Edit> edits;
  size_t i = 0;
  size_t j = 0;
  for (const auto& [match_a, match_b] : MatchLines(a, b)) {
    for (; i < match_a; ++i) edits.push_back({'-', i, j});
    for (; j < match_b; ++j) edits.push_back({'+', i, j});
    edits.push_back({' ', i++, j++});
  }
  for (; i < a.size(); ++i) edits.push_back({'-', i, j});
  for (; j < b.size(); ++j) edits.push_back({'+', i, j});
  return edits;
}

// GNU diff's range: "start,count", "start" for one line, and for an empty
// range the line before it.
std::string Range(size_t first, size_t count) {
  if (count == 0) return std::to_string(first) + ",0";
  if (count == 1) return std::to_string(first + 1);
  return std::to_string(first + 1) + "," + std::to_string(count);
}

void AppendLine(std::string* out, char kind, std::string_view line) {
  *out += kind;
  *out += line;
  if (line.empty() || line.back() != '\n')
    *out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t newline = text.find('\n', begin);
    size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

std::vector<std::pair<size_t, size_t>> MatchLines(
    const std::vector<std::string_view>& a,
    const std::vector<std::string_view>& b) {
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  std::vector<std::pair<size_t, size_t>> matches;
  for (size_t k = 0; k < head; ++k) matches.emplace_back(k, k);

  size_t n = a.size() - head - tail;
  size_t m = b.size() - head - tail;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxTableCells) {
    // lengths[x][y]: the LCS length of a's middle from x and b's from y.
    std::vector<unsigned> lengths((n + 1) * (m + 1), 0);
    auto at = [m](size_t x, size_t y) { return x * (m + 1) + y; };
    for (size_t x = n; x-- > 0;) {
      for (size_t y = m; y-- > 0;) {
        lengths[at(x, y)] =
            a[head + x] == b[head + y]
                ? lengths[at(x + 1, y + 1)] + 1
                : std::max(lengths[at(x + 1, y)], lengths[at(x, y + 1)]);
      }
    }
    size_t x = 0;
    size_t y = 0;
    while (x < n && y < m) {
      if (a[head + x] == b[head + y]) {
        matches.emplace_back(head + x++, head + y++);
      } else if (lengths[at(x + 1, y)] >= lengths[at(x, y + 1)]) {
        ++x;
      } else {
        ++y;
      }
    }
  }
  for (size_t k = tail; k > 0; --k)
    matches.emplace_back(a.size() - k, b.size() - k);
  return matches;
}

std::string UnifiedDiff(std::string_view old_text, std::string_view new_text,
                        const std::string& old_label,
                        const std::string& new_label, size_t context) {
  if (old_text == new_text) return "";
  std::vector<std::string_view> a = SplitLines(old_text);
  std::vector<std::string_view> b = SplitLines(new_text);
  std::vector<Edit> edits = EditScript(a, b);

  std::string out = "--- " + old_label + "\n+++ " + new_label + "\n";
  size_t k = 0;
  while (k < edits.size()) {
    // Find the next change, then grow the hunk while the gap of kept lines
    // to the following change is at most twice the context.
    while (k < edits.size() && edits[k].kind == ' ') ++k;
    if (k == edits.size()) break;
    size_t begin = k >= context ? k - context : 0;
    size_t end = k;
    while (end < edits.size()) {
      size_t last_change = end;
      while (end < edits.size() && edits[end].kind != ' ') last_change = ++end;
      size_t kept = 0;
      while (end < edits.size() && edits[end].kind == ' ') {
        ++kept;
        ++end;
      }
      if (end == edits.size() || kept > 2 * context) {
        end = std::min(last_change + context, edits.size());
        break;
      }
    }
    size_t old_count = 0;
    size_t new_count = 0;
    for (size_t e = begin; e < end; ++e) {
      if (edits[e].kind != '+') ++old_count;
      if (edits[e].kind != '-') ++new_count;
    }
    // An empty side names the line before the hunk, as GNU diff does.
    size_t old_first = edits[begin].old_index;
    size_t new_first = edits[begin].new_index;
    out += "@@ -" + Range(old_first, old_count) + " +" +
           Range(new_first, new_count) + " @@\n";
    for (size_t e = begin; e < end; ++e) {
      const Edit& edit = edits[e];
      AppendLine(&out, edit.kind,
                 edit.kind == '+' ? b[edit.new_index] : a[edit.old_index]);
    }
    k = end;
  }
  return out;
}

}  // namespace agentgen
