// SPDX-License-Identifier: MIT
#include "sync/sync_report.h"

#include <algorithm>

#include "outputs/line_diff.h"

namespace agentgen {
namespace {

// `--list`'s order: skips first as given, then by output, then by source
// (the state file's null source first).
void SortRows(std::vector<ListRow>* rows) {
  std::stable_sort(rows->begin(), rows->end(),
                   [](const ListRow& a, const ListRow& b) {
                     if (!a.output || !b.output)
                       return !a.output && b.output;  // skips first
                     if (*a.output != *b.output) return *a.output < *b.output;
                     return a.source < b.source;
                   });
}

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

// Every row has every key, null where it does not apply, so a reader never
// has to ask whether a key is there.
nlohmann::json RowObject(const ListRow& row) {
  return {{"action", row.action},
          {"args", row.args},
          {"entry", OrNull(row.entry)},
          {"install_path", OrNull(row.install_path)},
          {"output", OrNull(row.output)},
          {"reason", OrNull(row.reason)},
          {"required_by", row.required_by},
          {"source", OrNull(row.source)},
          {"tool", OrNull(row.tool)},
          {"type", OrNull(row.type)},
          {"vars", row.vars}};
}

// One tab-separated field: `-` when empty, and the three characters that
// would break the line into other fields or lines escaped.
std::string Field(const std::string& text) {
  if (text.empty()) return "-";
  std::string out;
  for (char c : text) {
    if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\\')
      out += "\\\\";
    else
      out += c;
  }
  return out;
}

std::string Field(const std::optional<std::string>& text) {
  return Field(text.value_or(""));
}

}  // namespace

std::string CheckPatch(const std::vector<SyncFinding>& findings) {
  std::string patch;
  for (const SyncFinding& finding : findings) {
    if (finding.current == finding.wanted) continue;  // nothing to apply
    patch +=
        UnifiedDiff(finding.current.value_or(""), finding.wanted.value_or(""),
                    finding.current ? finding.path : "/dev/null",
                    finding.wanted ? finding.path : "/dev/null");
  }
  return patch;
}

std::string CheckSummary(const std::vector<SyncFinding>& findings,
                         size_t outputs) {
  std::string summary;
  for (const SyncFinding& finding : findings)
    summary += "agentgen: " + finding.kind + ": " + finding.path + "\n";
  return summary +
         "agentgen: sync --check: " + std::to_string(findings.size()) + " of " +
         std::to_string(outputs) + " outputs differ\n";
}

std::string ListJsonLines(std::vector<ListRow> rows) {
  SortRows(&rows);
  std::string out;
  for (const ListRow& row : rows) {
    // Paths come from the disk and need not be UTF-8: such a byte is
    // printed as U+FFFD rather than failing the listing.
    out += RowObject(row).dump(-1, ' ', false,
                               nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string ListTabSeparated(std::vector<ListRow> rows) {
  SortRows(&rows);
  std::string out;
  for (const ListRow& row : rows) {
    if (!row.output) continue;  // a skip
    out += Field(row.output) + '\t' + Field(row.action) + '\t' +
           Field(row.type) + '\t' + Field(row.tool) + '\t' + Field(row.source) +
           '\t' + Field(row.install_path);
    for (const std::string& arg : row.args) out += '\t' + Field(arg);
    out += '\n';
  }
  return out;
}

}  // namespace agentgen
