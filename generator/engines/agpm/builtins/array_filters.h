// SPDX-License-Identifier: MIT
// The list filters of the AGPM dialect, as Tera 1.20.1's
// src/builtins/filters/array.rs and src/filter_utils.rs have them: `first`,
// `last`, `nth`, `join`, `sort`, `unique`.
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_ARRAY_FILTERS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_ARRAY_FILTERS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "engines/agpm/builtins/builtin_call.h"

namespace agentgen::agpm {

std::optional<nlohmann::json> FilterFirst(const FilterCall& call);
std::optional<nlohmann::json> FilterLast(const FilterCall& call);
std::optional<nlohmann::json> FilterNth(const FilterCall& call);
std::optional<nlohmann::json> FilterJoin(const FilterCall& call);
std::optional<nlohmann::json> FilterSort(const FilterCall& call);
std::optional<nlohmann::json> FilterUnique(const FilterCall& call);

/// The value at the dotted `path` inside `value` (Tera's `dotted_pointer`):
/// segments separated by `.` or in brackets, quoted with `"` or `'` to hold
/// a dot; a segment indexes a list when it is a decimal index without
/// leading zeros. The empty path is `value` itself; nullptr when missing.
const nlohmann::json* FindDottedPath(const nlohmann::json& value,
                                     std::string_view path);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_ARRAY_FILTERS_H_
