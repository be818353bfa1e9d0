// SPDX-License-Identifier: MIT
// The list filters, with Tera 1.20.1's results (array.rs, filter_utils.rs)
// and the conformance cases that use them.
#include "engines/agpm/builtins/array_filters.h"

#include <gtest/gtest.h>

#include <cmath>
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

TEST(ArrayFiltersTest, FirstLastNth) {
  // up-f-first-last-nth
  json xyz = {"x", "y", "z"};
  EXPECT_EQ(Apply("first", xyz), "x");
  EXPECT_EQ(Apply("last", xyz), "z");
  EXPECT_EQ(Apply("nth", xyz, {{"n", 1}}), "y");
  EXPECT_EQ(Apply("nth", xyz, {{"n", 9}}), "");
  EXPECT_EQ(Apply("first", json::array()), "");
  EXPECT_EQ(Apply("last", json::array()), "");
  EXPECT_EQ(Apply("nth", json::array(), {{"n", 0}}), "");
  EXPECT_EQ(Apply("nth", xyz, {{"n", kUint64Max}}), "");
  EXPECT_EQ(Apply("first", json::array({json::array({1, 2}), 3})),
            json::array({1, 2}));
}

TEST(ArrayFiltersTest, FirstLastNthErrors) {
  EXPECT_EQ(ApplyError("first", "abc").message,
            "filter 'first' needs a list, not a string");
  EXPECT_EQ(ApplyError("last", json::object()).message,
            "filter 'last' needs a list, not a table");
  BuiltinError text = ApplyError("nth", json::array({1}), {{"n", "1"}});
  EXPECT_EQ(text.argument, "n");
  EXPECT_EQ(text.message,
            "filter 'nth' needs 'n' to be a non-negative integer, not a "
            "string");
  EXPECT_EQ(ApplyError("nth", json::array({1}), {{"n", -1}}).message,
            "filter 'nth' needs 'n' to be a non-negative integer, not an "
            "integer (-1)");
  EXPECT_EQ(ApplyError("nth", json::array({1}), {{"n", 1.0}}).argument, "n");
  // Checked even on an empty list (Tera returns "" before reading `n`).
  EXPECT_EQ(ApplyError("nth", json::array(), {{"n", kInt64Min}}).argument, "n");
  EXPECT_EQ(ApplyError("nth", json::array({1})).message,
            "filter 'nth' needs the argument 'n'");
}

TEST(ArrayFiltersTest, JoinPrintsItemsAsTeraDoes) {
  // up-tera-join-lockfile-tests
  EXPECT_EQ(Apply("join", json::array({"fast", "safe"}), {{"sep", ", "}}),
            "fast, safe");
  // up-f-split-join: \n in `sep` is a newline.
  EXPECT_EQ(Apply("join", json::array({"x", "y"}), {{"sep", "\\n"}}), "x\ny");
  EXPECT_EQ(Apply("join", json::array({"", "a", "b", ""}), {{"sep", "|"}}),
            "|a|b|");
  EXPECT_EQ(Apply("join", json::array({"x", "y"}), {{"sep", "\\t"}}), "x\ty");
  EXPECT_EQ(Apply("join", json::array({"x", "y"})), "xy");
  EXPECT_EQ(Apply("join", json::array(), {{"sep", ","}}), "");
  EXPECT_EQ(Apply("join", json::array({1, 2.5, 100.0, true, nullptr, "s"}),
                  {{"sep", ","}}),
            "1,2.5,100,true,,s");
  EXPECT_EQ(
      Apply("join", json::array({kInt64Min, kUint64Max, -0.0, 1e21, 1.5e-7}),
            {{"sep", " "}}),
      "-9223372036854775808 18446744073709551615 -0 "
      "1000000000000000000000 0.00000015");
  EXPECT_EQ(
      Apply("join", json::array({json::array({1, "a", json::array({2.0})}), 3}),
            {{"sep", ";"}}),
      "[1, a, [2]];3");
  EXPECT_EQ(Apply("join", json::array({json::array()})), "[]");
}

TEST(ArrayFiltersTest, JoinErrors) {
  BuiltinError table = ApplyError("join", json::array({json::object()}));
  EXPECT_EQ(table.argument, "");
  EXPECT_NE(table.message.find("table"), std::string::npos);
  EXPECT_EQ(
      ApplyError("join", json::array({json::array({json::object()})})).argument,
      "");
  EXPECT_EQ(ApplyError("join", json::array({1}), {{"sep", 1}}).message,
            "filter 'join' needs 'sep' to be a string, not an integer (1)");
  EXPECT_EQ(ApplyError("join", "ab").message,
            "filter 'join' needs a list, not a string");
}

TEST(ArrayFiltersTest, SortByTheFirstKeysKind) {
  // up-f-sort: numbers by value, integers and floats together.
  EXPECT_EQ(Apply("sort", json::array({3, 10, -1, 2.5})),
            json::array({-1, 2.5, 3, 10}));
  // Strings by code point (uppercase first).
  EXPECT_EQ(Apply("sort", json::array({"b", "a", "B"})),
            json::array({"B", "a", "b"}));
  EXPECT_EQ(Apply("sort", json::array({"é", "z", "e"})),
            json::array({"e", "z", "é"}));
  EXPECT_EQ(Apply("sort", json::array()), json::array());
  EXPECT_EQ(Apply("sort", json::array({true, false, true})),
            json::array({false, true, true}));
  EXPECT_EQ(
      Apply("sort", json::array({json::array({1, 2}), json::array(),
                                 json::array({3})})),
      json::array({json::array(), json::array({3}), json::array({1, 2})}));
  // -0 before 0, in total order; stable otherwise.
  json zeros = Apply("sort", json::array({0.0, -0.0, 0}));
  EXPECT_TRUE(std::signbit(zeros[0].get<double>()));
  EXPECT_EQ(Apply("sort", json::array({kUint64Max, kInt64Min, 0})),
            json::array({kInt64Min, 0, kUint64Max}));
  EXPECT_EQ(Apply("sort", json::array({1e308, -1e308, 5e-324})),
            json::array({-1e308, 5e-324, 1e308}));
}

TEST(ArrayFiltersTest, SortByAttribute) {
  // up-f-sort-attribute: stable, by a field of each table.
  json people = json::parse(
      R"([{"name":"a","age":30},{"name":"b","age":40},{"name":"c","age":20},
          {"name":"d","age":30}])");
  json sorted = Apply("sort", people, {{"attribute", "age"}});
  std::string names;
  for (const json& person : sorted) names += person["name"].get<std::string>();
  EXPECT_EQ(names, "cadb");
  json nested = json::parse(R"([{"a":{"b":[5,2]}},{"a":{"b":[1,1]}}])");
  EXPECT_EQ(Apply("sort", nested, {{"attribute", "a.b.1"}})[0]["a"]["b"][0], 1);
  EXPECT_EQ(
      Apply("sort", nested, {{"attribute", "a[\"b\"].0"}})[0]["a"]["b"][0], 1);
}

TEST(ArrayFiltersTest, SortErrors) {
  EXPECT_EQ(ApplyError("sort", json::array({nullptr, 1})).message,
            "filter 'sort' needs keys that are numbers, strings, booleans or "
            "lists, not null");
  EXPECT_EQ(ApplyError("sort", json::array({json::object()})).argument, "");
  EXPECT_EQ(ApplyError("sort", json::array({1, "a"})).message,
            "filter 'sort' needs every key to be a number like the first, "
            "not a string");
  EXPECT_EQ(ApplyError("sort", json::array({"a", 1})).message,
            "filter 'sort' needs every key to be a string like the first, "
            "not an integer (1)");
  json people = json::parse(R"([{"age":1},{"name":"x"}])");
  BuiltinError missing = ApplyError("sort", people, {{"attribute", "age"}});
  EXPECT_EQ(missing.argument, "attribute");
  EXPECT_EQ(missing.message,
            "filter 'sort': attribute 'age' is missing from an item");
  EXPECT_EQ(ApplyError("sort", json::array({1}), {{"attribute", 1}}).argument,
            "attribute");
  EXPECT_EQ(ApplyError("sort", "ba").message,
            "filter 'sort' needs a list, not a string");
}

TEST(ArrayFiltersTest, Unique) {
  // up-f-unique
  json letters = {"a", "A", "b", "a"};
  EXPECT_EQ(Apply("unique", letters), json::array({"a", "b"}));
  EXPECT_EQ(Apply("unique", letters, {{"case_sensitive", true}}),
            json::array({"a", "A", "b"}));
  EXPECT_EQ(Apply("unique", json::array({1, 2, 1})), json::array({1, 2}));
  EXPECT_EQ(Apply("unique", json::array()), json::array());
  EXPECT_EQ(Apply("unique", json::array({true, false, true})),
            json::array({true, false}));
  // Lowercased in full: ΣΑΣ and σας agree.
  EXPECT_EQ(Apply("unique", json::array({"ΣΑΣ", "σας", "STRASSE", "strasse"})),
            json::array({"ΣΑΣ", "STRASSE"}));
  EXPECT_EQ(Apply("unique", json::array({kUint64Max, kInt64Min, kUint64Max})),
            json::array({kUint64Max, kInt64Min}));
  json people = json::parse(
      R"([{"n":"a","k":1},{"n":"b"},{"n":"c","k":1},{"n":"d","k":2}])");
  json kept = Apply("unique", people, {{"attribute", "k"}});
  ASSERT_EQ(kept.size(), 2u);  // b has no `k`: dropped
  EXPECT_EQ(kept[0]["n"], "a");
  EXPECT_EQ(kept[1]["n"], "d");
}

TEST(ArrayFiltersTest, UniqueErrors) {
  for (const json& first :
       {json(1.5), json(nullptr), json::array(), json::object()}) {
    BuiltinError error = ApplyError("unique", json::array({first}));
    EXPECT_EQ(error.argument, "");
    EXPECT_EQ(error.message.rfind("filter 'unique' needs keys that are "
                                  "strings, integers or booleans, not ",
                                  0),
              0u)
        << error.message;
  }
  EXPECT_EQ(ApplyError("unique", json::array({1, 2.5})).message,
            "filter 'unique' needs every key to be an integer like the "
            "first, not a float (2.5)");
  EXPECT_EQ(ApplyError("unique", json::array({"a", nullptr})).message,
            "filter 'unique' needs every key to be a string like the first, "
            "not null");
  EXPECT_EQ(ApplyError("unique", json::array({1}), {{"case_sensitive", "yes"}})
                .argument,
            "case_sensitive");
  EXPECT_EQ(
      ApplyError("unique", json::parse(R"([{"x":1}])"), {{"attribute", "k"}})
          .message,
      "filter 'unique': attribute 'k' is missing from an item");
  EXPECT_EQ(ApplyError("unique", 1).message,
            "filter 'unique' needs a list, not an integer (1)");
}

TEST(ArrayFiltersTest, DottedPaths) {
  json value = json::parse(R"({"a":{"b.c":[10,{"d":true}]},"0":"zero"})");
  EXPECT_EQ(*FindDottedPath(value, ""), value);
  EXPECT_EQ(*FindDottedPath(value, "a.\"b.c\".0"), 10);
  EXPECT_EQ(*FindDottedPath(value, "a['b.c'][1].d"), true);
  EXPECT_EQ(*FindDottedPath(value, "0"), "zero");
  EXPECT_EQ(FindDottedPath(value, "a.\"b.c\".01"), nullptr);
  EXPECT_EQ(FindDottedPath(value, "a.\"b.c\".2"), nullptr);
  EXPECT_EQ(FindDottedPath(value, "a.x"), nullptr);
  EXPECT_EQ(FindDottedPath(value, "0.0"), nullptr);
}

}  // namespace
}  // namespace agentgen::agpm
