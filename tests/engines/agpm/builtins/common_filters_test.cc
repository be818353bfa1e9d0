// SPDX-License-Identifier: MIT
// `length`, `reverse`, `json_encode`, `as_str`, `safe` with Tera 1.20.1's
// results (common.rs) and the conformance cases that use them.
#include "engines/agpm/builtins/common_filters.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "engines/agpm/builtins/builtins_test_support.h"

namespace agentgen::agpm {
namespace {

using nlohmann::json;
using testing::Apply;
using testing::ApplyError;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::uint64_t kUint64Max = std::numeric_limits<std::uint64_t>::max();

TEST(CommonFiltersTest, LengthCountsItemsOrCodePoints) {
  EXPECT_EQ(Apply("length", "x"), 1);  // up-tera-length-filter
  EXPECT_EQ(Apply("length", ""), 0);
  EXPECT_EQ(Apply("length", "e\u0301😀"), 3);
  EXPECT_EQ(Apply("length", json::array({"a", "b", "", "c"})), 4);
  EXPECT_EQ(Apply("length", json::array()), 0);
  EXPECT_EQ(Apply("length", json::parse(R"({"a":1,"b":2})")), 2);
  EXPECT_EQ(Apply("length", json::object()), 0);
  EXPECT_EQ(ApplyError("length", 12).message,
            "filter 'length' needs a list, a table or a string, not an "
            "integer (12)");
  EXPECT_EQ(ApplyError("length", nullptr).argument, "");
}

TEST(CommonFiltersTest, ReverseListsAndCharacters) {
  EXPECT_EQ(Apply("reverse", "abc"), "cba");  // up-b-reverse
  EXPECT_EQ(Apply("reverse", ""), "");
  // Code points: a combining mark moves to the other side of its letter.
  EXPECT_EQ(Apply("reverse", "ae\u0301😀"), "😀\u0301ea");
  EXPECT_EQ(Apply("reverse", json::array({1, "b", json::array({2, 3})})),
            json::array({json::array({2, 3}), "b", 1}));
  EXPECT_EQ(Apply("reverse", json::array()), json::array());
  EXPECT_EQ(ApplyError("reverse", json::object()).message,
            "filter 'reverse' needs a list or a string, not a table");
  EXPECT_EQ(ApplyError("reverse", 1.5).message,
            "filter 'reverse' needs a list or a string, not a float (1.5)");
}

TEST(CommonFiltersTest, JsonEncodeIsSerdeJson) {
  // up-num-json-encode-compact
  json config = json::parse(
      R"({"ratio":0.5,"big":1e21,"whole":100.0,"n":3,"name":"a\"b"})");
  EXPECT_EQ(Apply("json_encode", config),
            R"({"big":1e21,"n":3,"name":"a\"b","ratio":0.5,"whole":100.0})");
  EXPECT_EQ(Apply("json_encode", json::parse(R"({"b":[1,{}],"a":[]})"),
                  {{"pretty", true}}),
            "{\n  \"a\": [],\n  \"b\": [\n    1,\n    {}\n  ]\n}");
  // Any non-boolean `pretty` counts as false.
  EXPECT_EQ(Apply("json_encode", json::array({1, 2}), {{"pretty", "yes"}}),
            "[1,2]");
  EXPECT_EQ(Apply("json_encode", json::array({1, 2}), {{"pretty", false}}),
            "[1,2]");
  EXPECT_EQ(Apply("json_encode", "é\n\u0001/"), "\"é\\n\\u0001/\"");
  EXPECT_EQ(Apply("json_encode", nullptr), "null");
  EXPECT_EQ(Apply("json_encode",
                  json::array({kInt64Min, kUint64Max, -0.0, 1e-7, 1e16})),
            "[-9223372036854775808,18446744073709551615,-0.0,1e-7,1e16]");
  EXPECT_EQ(Apply("json_encode", ""), "\"\"");
}

TEST(CommonFiltersTest, AsStrPrintsAsTeraDoes) {
  // up-f-as-str
  EXPECT_EQ(Apply("as_str", json::array({1, 2})), "[1, 2]");
  EXPECT_EQ(Apply("as_str", 1.0), "1");
  EXPECT_EQ(Apply("as_str", ""), "");
  EXPECT_EQ(Apply("as_str", nullptr), "");
  EXPECT_EQ(Apply("as_str", true), "true");
  EXPECT_EQ(Apply("as_str", kInt64Min), "-9223372036854775808");
  EXPECT_EQ(Apply("as_str", kUint64Max), "18446744073709551615");
  EXPECT_EQ(Apply("as_str", 1e21), "1000000000000000000000");
  EXPECT_EQ(Apply("as_str", -0.0), "-0");
  EXPECT_EQ(Apply("as_str", json::array({"a b", json::array(), nullptr})),
            "[a b, [], ]");
  BuiltinError table = ApplyError("as_str", json::object());
  EXPECT_EQ(table.argument, "");
  EXPECT_NE(table.message.find("table"), std::string::npos);
  EXPECT_EQ(ApplyError("as_str", json::array({json::object()})).argument, "");
}

TEST(CommonFiltersTest, SafeReturnsItsInput) {
  EXPECT_EQ(Apply("safe", "<b>&</b>"), "<b>&</b>");  // up-f-safe
  EXPECT_EQ(Apply("safe", json::array({1})), json::array({1}));
  EXPECT_EQ(Apply("safe", nullptr), nullptr);
}

}  // namespace
}  // namespace agentgen::agpm
