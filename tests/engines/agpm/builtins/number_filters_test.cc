// SPDX-License-Identifier: MIT
// `abs`, `round`, `pluralize` with Tera 1.20.1's results (number.rs) and the
// conformance cases up-f-round, up-f-pluralize, up-b-abs.
#include "engines/agpm/builtins/number_filters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "engines/agpm/agpm_values.h"
#include "engines/agpm/builtins/builtins_test_support.h"

namespace agentgen::agpm {
namespace {

using nlohmann::json;
using testing::Apply;
using testing::ApplyError;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t kUint64Max = std::numeric_limits<std::uint64_t>::max();

// As `{{ }}` prints the result.
std::string Printed(const json& value) { return *PrintScalar(value); }

TEST(NumberFiltersTest, AbsKeepsTheKind) {
  EXPECT_EQ(Printed(Apply("abs", -4.5)), "4.5");  // up-b-abs
  EXPECT_EQ(Apply("abs", -3), 3);
  EXPECT_TRUE(Apply("abs", -3).is_number_integer());
  EXPECT_EQ(Apply("abs", 0), 0);
  EXPECT_EQ(Apply("abs", kInt64Max), kInt64Max);
  EXPECT_EQ(Apply("abs", kUint64Max), kUint64Max);
  // |i64 min| fits only the unsigned range.
  EXPECT_EQ(Apply("abs", kInt64Min), std::uint64_t{9223372036854775808u});
  EXPECT_FALSE(std::signbit(Apply("abs", -0.0).get<double>()));
  EXPECT_TRUE(Apply("abs", -2.0).is_number_float());
  EXPECT_EQ(Apply("abs", -1e308), 1e308);
  BuiltinError error = ApplyError("abs", "-1");
  EXPECT_EQ(error.argument, "");
  EXPECT_EQ(error.message, "filter 'abs' needs a number, not a string");
}

TEST(NumberFiltersTest, RoundIsAlwaysADouble) {
  // up-f-round
  EXPECT_EQ(Printed(Apply("round", 2.5)), "3");
  EXPECT_EQ(Printed(Apply("round", -2.5)), "-3");
  EXPECT_EQ(Printed(Apply("round", 3.14159, {{"precision", 2}})), "3.14");
  EXPECT_EQ(Printed(Apply("round", 1234, {{"precision", -2}})), "1200");
  EXPECT_EQ(Printed(Apply("round", 2.1, {{"method", "ceil"}})), "3");
  EXPECT_EQ(Printed(Apply("round", 2.9, {{"method", "floor"}})), "2");
  EXPECT_TRUE(Apply("round", 2).is_number_float());
  EXPECT_EQ(Apply("round", -2.1, {{"method", "ceil"}}), -2.0);
  EXPECT_EQ(Apply("round", -2.1, {{"method", "floor"}}), -3.0);
  EXPECT_TRUE(std::signbit(Apply("round", -0.4).get<double>()));
  EXPECT_EQ(Apply("round", 0.5), 1.0);
  EXPECT_EQ(Apply("round", 1.005, {{"precision", 2}}), 1.0);  // 100.49999…
  EXPECT_EQ(Apply("round", 2.675, {{"precision", 2}}), 2.68);
  EXPECT_EQ(Apply("round", 5, {{"precision", -1}}), 10.0);
  EXPECT_EQ(Apply("round", 1.0, {{"precision", 22}}), 1.0);
  EXPECT_EQ(Apply("round", 123.0, {{"precision", -22}}), 0.0);
  EXPECT_EQ(Apply("round", kInt64Max), 9223372036854775808.0);
  EXPECT_EQ(Apply("round", kUint64Max), 18446744073709551615.0);
  // A product beyond the doubles is infinite: null, as serde_json has it.
  EXPECT_TRUE(Apply("round", 1e300, {{"precision", 10}}).is_null());
}

TEST(NumberFiltersTest, RoundArguments) {
  BuiltinError method = ApplyError("round", 1, {{"method", "up"}});
  EXPECT_EQ(method.argument, "method");
  EXPECT_EQ(method.message,
            "filter 'round' needs 'method' to be \"common\", \"ceil\" or "
            "\"floor\", not \"up\"");
  EXPECT_EQ(ApplyError("round", 1, {{"method", 1}}).argument, "method");
  BuiltinError large = ApplyError("round", 1, {{"precision", 23}});
  EXPECT_EQ(large.argument, "precision");
  EXPECT_NE(large.message.find("unsupported"), std::string::npos);
  EXPECT_NE(
      ApplyError("round", 1, {{"precision", -23}}).message.find("unsupported"),
      std::string::npos);
  EXPECT_NE(ApplyError("round", 1, {{"precision", kInt64Min}})
                .message.find("unsupported"),
            std::string::npos);
  EXPECT_NE(ApplyError("round", 1, {{"precision", kUint64Max}})
                .message.find("unsupported"),
            std::string::npos);
  EXPECT_EQ(ApplyError("round", 1, {{"precision", 1.0}}).message,
            "filter 'round' needs 'precision' to be an integer, not a float "
            "(1)");
  EXPECT_EQ(ApplyError("round", "1.5").message,
            "filter 'round' needs a number, not a string");
}

TEST(NumberFiltersTest, Pluralize) {
  // up-f-pluralize
  EXPECT_EQ(Apply("pluralize", 1), "");
  EXPECT_EQ(Apply("pluralize", 2), "s");
  EXPECT_EQ(Apply("pluralize", 2, {{"singular", "y"}, {"plural", "ies"}}),
            "ies");
  EXPECT_EQ(Apply("pluralize", 1, {{"singular", "y"}, {"plural", "ies"}}), "y");
  EXPECT_EQ(Apply("pluralize", -1), "");
  EXPECT_EQ(Apply("pluralize", 1.0), "");
  EXPECT_EQ(Apply("pluralize", 0), "s");
  EXPECT_EQ(Apply("pluralize", 1.0 + std::numeric_limits<double>::epsilon()),
            "");
  EXPECT_EQ(
      Apply("pluralize", 1.0 + 2 * std::numeric_limits<double>::epsilon()),
      "s");
  EXPECT_EQ(Apply("pluralize", kInt64Min), "s");
  EXPECT_EQ(Apply("pluralize", kUint64Max), "s");
  EXPECT_EQ(ApplyError("pluralize", "1").message,
            "filter 'pluralize' needs a number, not a string");
  EXPECT_EQ(ApplyError("pluralize", 1, {{"plural", 2}}).argument, "plural");
  EXPECT_EQ(ApplyError("pluralize", 1, {{"singular", nullptr}}).argument,
            "singular");
}

}  // namespace
}  // namespace agentgen::agpm
