// SPDX-License-Identifier: MIT
// Numbers as AGPM's Rust writes them (docs/templates.md, "Printing" and
// "Dependency content"): Tera prints a double with Rust's `{}`, and JSON
// text is serde_json's, whose doubles are ryu's.
#ifndef AGENTGEN_BASE_NUMBER_TEXT_H_
#define AGENTGEN_BASE_NUMBER_TEXT_H_

#include <nlohmann/json.hpp>
#include <string>

namespace agentgen {

/// A finite double as Rust's `{}` writes it: the shortest decimal that
/// reads back as the same double, in full, without exponent, and without
/// fractional part when integral (`100`, `0.00000015`, `-0`).
std::string RustDisplay(double number);

/// A finite double as serde_json (ryu) writes it: `100.0`, `12.34`,
/// `0.00001`, `1e16`, `1.5e-7`.
std::string SerdeJsonNumber(double number);

/// `value` as serde_json writes it: keys in code point order; `pretty` with
/// a two-space indent and one member or item a line, else without spaces.
/// Strings escape `"`, `\` and control characters only. Doubles must be
/// finite (JSON has no other).
std::string SerdeJsonText(const nlohmann::json& value, bool pretty);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_NUMBER_TEXT_H_
