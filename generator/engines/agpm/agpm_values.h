// SPDX-License-Identifier: MIT
// What the AGPM dialect does with a value wherever it appears (docs/
// templates.md, "Values" and "Printing"): how `{{ }}` prints it, whether a
// condition takes it as true, how messages name its kind, and when two values
// are equal. Values are JSON values; the dialect has no others.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_VALUES_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_VALUES_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace agentgen {

/// Prints a scalar as a template prints it: strings as they are, integers in
/// decimal, floats as Rust's `{}` (`100.0` → `100`, `1.5e-7` →
/// `0.00000015`), booleans as true/false, null as nothing. Lists and tables:
/// nullopt.
std::optional<std::string> PrintScalar(const nlohmann::json& value);

/// Truthiness of `{% if %}`: null, false, 0, 0.0, "", [] and {} are false.
bool IsTruthy(const nlohmann::json& value);

}  // namespace agentgen

namespace agentgen::agpm {

/// How messages name what a value is: "a string", "a list", "null", ...
std::string Describe(const nlohmann::json& value);

/// True for an integer or a float.
bool IsNumber(const nlohmann::json& value);

/// `==` of the dialect (Tera's): two numbers compare as doubles (`1 == 1.0`);
/// otherwise structural equality, where inside lists and tables an integer
/// and a float are never equal. A number against a non-number is unequal
/// (and `!=` is then false as well: the caller handles that case).
bool ValuesEqual(const nlohmann::json& left, const nlohmann::json& right);

/// serde_json's equality, which `==` uses inside lists and tables and `in`
/// and `containing` use for list items: an integer never equals a float.
bool ItemsEqual(const nlohmann::json& left, const nlohmann::json& right);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_VALUES_H_
