// SPDX-License-Identifier: MIT
// What sync prints for people and build systems (docs/sync.md, "sync
// --check" and "sync --list"): the findings of `--check` as a patch and as
// one line each, and the rows of `--list` as JSON lines or tab-separated
// fields.
#ifndef AGENTGEN_SYNC_SYNC_REPORT_H_
#define AGENTGEN_SYNC_SYNC_REPORT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sync/update_protocol.h"

namespace agentgen {

/// The unified diffs (three lines of context) of `findings`, in order,
/// paths relative to the destination (`--- P` / `+++ P`; `/dev/null` for
/// an absent side), so that `cd D && patch -p0` applies them.
std::string CheckPatch(const std::vector<SyncFinding>& findings);

/// One line per finding, `agentgen: <kind>: P`, then `agentgen: sync
/// --check: N of M outputs differ` (N the findings, M `outputs`).
std::string CheckSummary(const std::vector<SyncFinding>& findings,
                         size_t outputs);

/// One row of `--list`.
struct ListRow {
  std::optional<std::string> output;  ///< relative to the destination
  std::string action;  ///< `render`, `copy`, `merge`, `state`, `skip`
  std::optional<std::string> type;
  std::optional<std::string> tool;
  std::optional<std::string> source;  ///< root-relative
  std::optional<std::string> install_path;
  std::optional<std::string> entry;      ///< manifest key, `key[match]`; null
  std::vector<std::string> required_by;  ///< transitive: entries or chains
  std::vector<std::string> args;         ///< render rows only
  nlohmann::json vars;                   ///< the entry's template_vars; null
  std::optional<std::string> reason;     ///< skip rows only
};

/// `--list` (jsonl): one JSON object per row (sorted keys, no spaces
/// outside strings), rows sorted by output then source, skips (null
/// output) first in their given order.
std::string ListJsonLines(std::vector<ListRow> rows);

/// `--list=tsv`: the rows less the skips, sorted as above, fields `output
/// action type tool source install_path` then each of `args`, separated by
/// tabs; `-` for an empty or null field; tab, newline and backslash
/// written `\t`, `\n`, `\\`. No header.
std::string ListTabSeparated(std::vector<ListRow> rows);

}  // namespace agentgen

#endif  // AGENTGEN_SYNC_SYNC_REPORT_H_
