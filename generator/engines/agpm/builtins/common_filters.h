// SPDX-License-Identifier: MIT
// The filters of the AGPM dialect for any kind of value, as Tera 1.20.1's
// src/builtins/filters/common.rs has them (`length`, `reverse`,
// `json_encode`, `as_str`), and `safe` (processor.rs), which autoescape off
// leaves with nothing to do.
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_COMMON_FILTERS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_COMMON_FILTERS_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "engines/agpm/builtins/builtin_call.h"

namespace agentgen::agpm {

std::optional<nlohmann::json> FilterLength(const FilterCall& call);
std::optional<nlohmann::json> FilterReverse(const FilterCall& call);
std::optional<nlohmann::json> FilterJsonEncode(const FilterCall& call);
std::optional<nlohmann::json> FilterAsStr(const FilterCall& call);
std::optional<nlohmann::json> FilterSafe(const FilterCall& call);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_COMMON_FILTERS_H_
