// SPDX-License-Identifier: MIT
// What every built-in filter and test shares: the call (name, input,
// arguments, where to put an error), reading an argument of the kind it
// needs, and the messages for a value of the wrong kind.
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTIN_CALL_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTIN_CALL_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engines/agpm/builtins/builtins.h"

namespace agentgen::agpm {

struct FilterCall {
  std::string_view name;
  const nlohmann::json& input;
  const FilterArguments& arguments;
  BuiltinError* error;
};

using FilterFunction = std::optional<nlohmann::json> (*)(const FilterCall&);

struct TesterCall {
  std::string_view name;
  const nlohmann::json& subject;
  const std::vector<nlohmann::json>& arguments;
  BuiltinError* error;
};

using TesterFunction = std::optional<bool> (*)(const TesterCall&);

/// How a message names a value given: its kind, and for a scalar other
/// than a string its value ("an integer (-1)", "a string", "null").
std::string DescribeGiven(const nlohmann::json& value);

/// Sets "filter 'f' needs <wanted>, not <given>" (the input at fault).
void WrongInput(const FilterCall& call, std::string_view wanted);

/// Sets "filter 'f' needs 'a' to be <wanted>, not <given>".
void WrongArgument(const FilterCall& call, std::string_view argument,
                   std::string_view wanted, const nlohmann::json& given);

/// Sets `message` with `argument` (empty: the input) at fault.
void Fail(const FilterCall& call, std::string_view argument,
          std::string message);

/// The argument given, or nullptr when it was not.
const nlohmann::json* FindArgument(const FilterCall& call,
                                   std::string_view argument);

// Each reads an optional argument into `*value` (left as it is when the
// argument is absent); false, with the error set, on one of the wrong kind.
bool ReadString(const FilterCall& call, std::string_view argument,
                std::string* value);
bool ReadBool(const FilterCall& call, std::string_view argument, bool* value);
/// An integer within the signed 64-bit range.
bool ReadInt64(const FilterCall& call, std::string_view argument,
               std::int64_t* value);
/// A non-negative integer (within 64 bits).
bool ReadUint64(const FilterCall& call, std::string_view argument,
                std::uint64_t* value);
/// Any number, as a double.
bool ReadDouble(const FilterCall& call, std::string_view argument,
                double* value);

/// Tera's Display of a value (what `join` and `as_str` print): scalars as
/// PrintScalar, lists as `[a, b]` with items printed the same way. A table
/// anywhere is nullopt (Tera writes `[object]`, which the dialect refuses).
std::optional<std::string> DisplayValue(const nlohmann::json& value);

/// `text` with the two characters `\n` made LF and `\t` a tab (what `split`
/// and `join` do to `pat` and `sep`, in that order).
std::string UnescapeNewlineAndTab(std::string_view text);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTIN_CALL_H_
