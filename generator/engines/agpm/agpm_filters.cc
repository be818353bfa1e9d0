// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_filters.h"

#include "engines/agpm/agpm_values.h"

namespace agentgen::agpm {

using nlohmann::json;

std::optional<std::string> ApplyContentFilter(
    const json& path, const ContentFilter& content, const Location& where,
    size_t filter_offset, DiagnosticSink& sink,
    std::optional<FilterError>* error) {
  if (!path.is_string()) {
    *error = FilterError{
        filter_offset,
        "filter 'content' needs a string (a file path), not " + Describe(path)};
    return std::nullopt;
  }
  if (!content) {
    *error =
        FilterError{filter_offset, "filter 'content' is not available here"};
    return std::nullopt;
  }
  return content(path.get_ref<const std::string&>(), where, sink);
}

}  // namespace agentgen::agpm
