// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/builtins.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "engines/agpm/agpm_values.h"
#include "engines/agpm/builtins/builtins_test_support.h"

namespace agentgen::agpm {
namespace {

TEST(BuiltinsTest, ListsTheDialectsFiltersInCodePointOrder) {
  const std::vector<std::string_view>& names = FilterNames();
  EXPECT_EQ(names.size(), 31u);  // 29 of Tera's, plus content and default
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  ASSERT_NE(FindFilter("replace"), nullptr);
  EXPECT_EQ(FindFilter("replace")->parameters.size(), 2u);
  EXPECT_TRUE(FindFilter("replace")->parameters[0].required);
  EXPECT_EQ(FindFilter("date"), nullptr);
  EXPECT_TRUE(IsUnsupportedTeraFilter("date"));
  EXPECT_FALSE(IsUnsupportedTeraFilter("lenght"));
}

TEST(BuiltinsTest, ListsTheDialectsTests) {
  const std::vector<std::string_view>& names = TesterNames();
  EXPECT_EQ(names.size(), 12u);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  ASSERT_NE(FindTester("divisibleby"), nullptr);
  EXPECT_EQ(FindTester("divisibleby")->arguments, 1u);
  EXPECT_EQ(FindTester("matching"), nullptr);
  EXPECT_TRUE(IsUnsupportedTeraTester("matching"));
}

using nlohmann::json;
using testing::Apply;
using testing::ApplyError;
using testing::AskError;

TEST(BuiltinsTest, AppliesEveryFilterButTheRenderersOwn) {
  for (std::string_view name : FilterNames()) {
    BuiltinError error;
    ApplyFilter(name, json(), {}, &error);
    bool renderers = name == "default" || name == "content";
    EXPECT_EQ(
        error.message.find("applied by the renderer") != std::string::npos,
        renderers)
        << name << ": " << error.message;
    EXPECT_EQ(error.message.find("there is no filter"), std::string::npos);
  }
  EXPECT_EQ(ApplyError("date", "x").message, "there is no filter 'date'");
}

TEST(BuiltinsTest, AnswersEveryTestButDefinedAndUndefined) {
  for (std::string_view name : TesterNames()) {
    BuiltinError error;
    ApplyTester(name, json(),
                std::vector<json>(FindTester(name)->arguments, json()), &error);
    bool renderers = name == "defined" || name == "undefined";
    EXPECT_EQ(
        error.message.find("answered by the renderer") != std::string::npos,
        renderers)
        << name << ": " << error.message;
    EXPECT_EQ(error.message.find("there is no test"), std::string::npos);
  }
  EXPECT_EQ(AskError("matching", "x", {"x"}).message,
            "there is no test 'matching'");
}

TEST(BuiltinsTest, ArgumentsMustBeTheFiltersOwn) {
  BuiltinError unknown = ApplyError("truncate", "abc", {{"len", 5}});
  EXPECT_EQ(unknown.argument, "len");
  EXPECT_EQ(unknown.message, "filter 'truncate' has no argument 'len'");
  BuiltinError missing = ApplyError("nth", json::array({1}));
  EXPECT_EQ(missing.argument, "");
  EXPECT_EQ(missing.message, "filter 'nth' needs the argument 'n'");
  EXPECT_EQ(ApplyError("lower", "A", {{"x", 1}}).argument, "x");
}

// The filter chains of the conformance cases, applied one after the other.
TEST(BuiltinsTest, ConformanceChains) {
  // up-f-split-join
  EXPECT_EQ(Apply("length", Apply("split", "a,b,,c", {{"pat", ","}})), 4);
  EXPECT_EQ(Apply("join", Apply("split", "ab", {{"pat", ""}}), {{"sep", "|"}}),
            "|a|b|");
  // The template's "\n" is a backslash and an n, which `join` makes LF.
  EXPECT_EQ(
      Apply("join", Apply("split", "x y", {{"pat", " "}}), {{"sep", "\\n"}}),
      "x\ny");
  // A backslash before the two characters stays.
  EXPECT_EQ(Apply("join", json::array({"x", "y"}), {{"sep", "\\\\n"}}),
            "x\\\ny");
  // up-f-as-str: 1.0 prints as 1, one character.
  EXPECT_EQ(Apply("length", Apply("as_str", 1.0)), 1);
  // up-f-sort and up-f-unique, printed with join(sep=",").
  EXPECT_EQ(Apply("join", Apply("sort", json::array({3, 10, -1, 2.5})),
                  {{"sep", ","}}),
            "-1,2.5,3,10");
  EXPECT_EQ(Apply("join", Apply("sort", json::array({"b", "a", "B"})),
                  {{"sep", ","}}),
            "B,a,b");
  json letters = json::array({"a", "A", "b", "a"});
  EXPECT_EQ(Apply("join", Apply("unique", letters), {{"sep", ","}}), "a,b");
  EXPECT_EQ(Apply("join", Apply("unique", letters, {{"case_sensitive", true}}),
                  {{"sep", ","}}),
            "a,A,b");
  EXPECT_EQ(
      Apply("join", Apply("unique", json::array({1, 2, 1})), {{"sep", ","}}),
      "1,2");
  // up-f-sort-attribute
  json people = json::parse(
      R"([{"name":"a","age":30},{"name":"b","age":40},{"name":"c","age":20}])");
  std::string names;
  for (const json& person : Apply("sort", people, {{"attribute", "age"}})) {
    names += person["name"].get<std::string>();
  }
  EXPECT_EQ(names, "cab");
  // up-f-round, as printed.
  EXPECT_EQ(PrintScalar(Apply("round", 1234, {{"precision", -2}})), "1200");
  // up-f-pluralize
  EXPECT_EQ("file" + Apply("pluralize", 1).get<std::string>(), "file");
  EXPECT_EQ(
      "entr" + Apply("pluralize", 2, {{"singular", "y"}, {"plural", "ies"}})
                   .get<std::string>(),
      "entries");
}

}  // namespace
}  // namespace agentgen::agpm
