// SPDX-License-Identifier: MIT
// The operators of the AGPM dialect on evaluated values (docs/templates.md,
// "Operators"), with Tera 1.20.1's rules (src/renderer/processor.rs):
// arithmetic, comparisons, `in` and the parts of a `~` concatenation. Each
// returns nullopt with `*error` set when Tera would fail.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_OPERATORS_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_OPERATORS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace agentgen::agpm {

/// `left op right` for op one of + - * / %. Two integers stay integers
/// (overflow is an error); `/` goes through doubles and gives an integer
/// when the result is integral; a non-finite `/`, `%` or `*` result is the
/// string "NaN".
std::optional<nlohmann::json> Arithmetic(std::string_view op,
                                         const nlohmann::json& left,
                                         const nlohmann::json& right,
                                         std::string* error);

/// `left op right` for op one of == != < <= > >=.
std::optional<bool> Compare(std::string_view op, const nlohmann::json& left,
                            const nlohmann::json& right, std::string* error);

/// `item in container`: an equal item of a list (an integer never equals a
/// double there), a substring of a string, a key of a table.
std::optional<bool> Contains(const nlohmann::json& container,
                             const nlohmann::json& item, std::string* error);

/// One part of `a ~ b`: a string as it is, a number from a name in its JSON
/// text (`2.0`), a number literal as printed (`2`).
std::optional<std::string> ConcatText(const nlohmann::json& value,
                                      bool is_literal, std::string* error);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_OPERATORS_H_
