// SPDX-License-Identifier: MIT
// The filters of the AGPM dialect (docs/templates.md, "The AGPM dialect" and
// "The content filter"): which there are, and what applying them does.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_FILTERS_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_FILTERS_H_

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace agentgen {

/// Implements the `content` filter: reads `path` (the filter's argument) and
/// returns its processed text, or reports an error at `where` to `sink` and
/// returns nullopt.
using ContentFilter = std::function<std::optional<std::string>(
    const std::string& path, const Location& where, DiagnosticSink& sink)>;

}  // namespace agentgen

namespace agentgen::agpm {

/// A wrong use of a filter, for the caller to report.
struct FilterError {
  size_t offset;
  std::string message;
};

/// `path | content` at `filter_offset`, the value starting at `where`: the
/// file's processed text. nullopt when it fails: with `*error` set when the
/// argument was wrong, or left empty when `content` reported why itself.
std::optional<std::string> ApplyContentFilter(
    const nlohmann::json& path, const ContentFilter& content,
    const Location& where, size_t filter_offset, DiagnosticSink& sink,
    std::optional<FilterError>* error);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_FILTERS_H_
