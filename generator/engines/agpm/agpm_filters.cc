// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_filters.h"

namespace agentgen::agpm {

using nlohmann::json;

const char kFilterNames[] = "'content' and 'default'";

std::optional<Filter::Kind> FindFilter(std::string_view name) {
  if (name == "content") return Filter::Kind::kContent;
  if (name == "default") return Filter::Kind::kDefault;
  return std::nullopt;
}

std::string Describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a float";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "a table";
    default:
      return "a binary value";
  }
}

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
