// SPDX-License-Identifier: MIT
// The number filters of the AGPM dialect, as Tera 1.20.1's
// src/builtins/filters/number.rs has them: `abs`, `round`, `pluralize`.
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_NUMBER_FILTERS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_NUMBER_FILTERS_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "engines/agpm/builtins/builtin_call.h"

namespace agentgen::agpm {

std::optional<nlohmann::json> FilterAbs(const FilterCall& call);
std::optional<nlohmann::json> FilterRound(const FilterCall& call);
std::optional<nlohmann::json> FilterPluralize(const FilterCall& call);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_NUMBER_FILTERS_H_
