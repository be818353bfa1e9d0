// SPDX-License-Identifier: MIT
// Applying a built-in filter or test in a unit test: the result, or the
// error it gives.
#ifndef AGENTGEN_TESTS_ENGINES_AGPM_BUILTINS_BUILTINS_TEST_SUPPORT_H_
#define AGENTGEN_TESTS_ENGINES_AGPM_BUILTINS_BUILTINS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engines/agpm/builtins/builtins.h"

namespace agentgen::agpm::testing {

using nlohmann::json;

/// The filter's result; a failed test (and null) when it gives an error.
inline json Apply(std::string_view name, const json& input,
                  const FilterArguments& arguments = {}) {
  BuiltinError error;
  std::optional<json> result = ApplyFilter(name, input, arguments, &error);
  EXPECT_TRUE(result.has_value())
      << name << " on " << input.dump() << ": " << error.message;
  return result.value_or(json());
}

/// The filter's error; a failed test when it gives a result.
inline BuiltinError ApplyError(std::string_view name, const json& input,
                               const FilterArguments& arguments = {}) {
  BuiltinError error;
  std::optional<json> result = ApplyFilter(name, input, arguments, &error);
  EXPECT_FALSE(result.has_value())
      << name << " on " << input.dump() << " gave " << result->dump();
  return error;
}

/// The test's answer; a failed test (and false) when it gives an error.
inline bool Ask(std::string_view name, const json& subject,
                const std::vector<json>& arguments = {}) {
  BuiltinError error;
  std::optional<bool> result = ApplyTester(name, subject, arguments, &error);
  EXPECT_TRUE(result.has_value())
      << name << " on " << subject.dump() << ": " << error.message;
  return result.value_or(false);
}

inline BuiltinError AskError(std::string_view name, const json& subject,
                             const std::vector<json>& arguments = {}) {
  BuiltinError error;
  std::optional<bool> result = ApplyTester(name, subject, arguments, &error);
  EXPECT_FALSE(result.has_value()) << name << " on " << subject.dump();
  return error;
}

}  // namespace agentgen::agpm::testing

#endif  // AGENTGEN_TESTS_ENGINES_AGPM_BUILTINS_BUILTINS_TEST_SUPPORT_H_
