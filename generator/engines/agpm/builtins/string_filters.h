// SPDX-License-Identifier: MIT
// The string filters of the AGPM dialect, as Tera 1.20.1's
// src/builtins/filters/string.rs has them (docs/templates.md, "Filters and
// tests"): case, trimming, replacing, splitting, indenting, truncating, and
// reading numbers from strings.
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_STRING_FILTERS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_STRING_FILTERS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "engines/agpm/builtins/builtin_call.h"

namespace agentgen::agpm {

std::optional<nlohmann::json> FilterLower(const FilterCall& call);
std::optional<nlohmann::json> FilterUpper(const FilterCall& call);
std::optional<nlohmann::json> FilterCapitalize(const FilterCall& call);
std::optional<nlohmann::json> FilterTitle(const FilterCall& call);
std::optional<nlohmann::json> FilterTrim(const FilterCall& call);
std::optional<nlohmann::json> FilterTrimStart(const FilterCall& call);
std::optional<nlohmann::json> FilterTrimEnd(const FilterCall& call);
std::optional<nlohmann::json> FilterReplace(const FilterCall& call);
std::optional<nlohmann::json> FilterTruncate(const FilterCall& call);
std::optional<nlohmann::json> FilterWordcount(const FilterCall& call);
std::optional<nlohmann::json> FilterIndent(const FilterCall& call);
std::optional<nlohmann::json> FilterSplit(const FilterCall& call);
std::optional<nlohmann::json> FilterInt(const FilterCall& call);
std::optional<nlohmann::json> FilterFloat(const FilterCall& call);
std::optional<nlohmann::json> FilterSlugify(const FilterCall& call);

/// `text` read as Rust's `str::parse::<f64>` reads it: a sign, then `inf`,
/// `infinity` or `nan` (any case) or digits with an optional point (at least
/// one digit on a side) and an optional exponent; nullopt otherwise.
std::optional<double> ParseRustFloat(std::string_view text);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_STRING_FILTERS_H_
