// SPDX-License-Identifier: MIT
// The string filters, with Tera 1.20.1's results (string.rs and its tests)
// and the conformance cases up-f-*, up-b-* that use them.
#include "engines/agpm/builtins/string_filters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "engines/agpm/builtins/builtins_test_support.h"

namespace agentgen::agpm {
namespace {

using nlohmann::json;
using testing::Apply;
using testing::ApplyError;

constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t kUint64Max = std::numeric_limits<std::uint64_t>::max();

TEST(StringFiltersTest, LowerAndUpperMapCaseFully) {
  // up-f-lower-upper
  EXPECT_EQ(Apply("lower", "HeLLo"), "hello");
  EXPECT_EQ(Apply("upper", "straße"), "STRASSE");
  EXPECT_EQ(Apply("lower", "ΟΔΟΣ"), "οδος");
  EXPECT_EQ(Apply("lower", ""), "");
  EXPECT_EQ(Apply("upper", ""), "");
  EXPECT_EQ(Apply("lower", "ΌΣΟΣ ΚΑΙ"), "όσος και");
  EXPECT_EQ(Apply("upper", "ﬀ 1 ǳ"), "FF 1 Ǳ");
}

TEST(StringFiltersTest, CaseFiltersNeedAString) {
  for (const char* name : {"lower", "upper", "capitalize", "title", "trim",
                           "trim_start", "trim_end", "wordcount", "slugify"}) {
    BuiltinError error = ApplyError(name, 5);
    EXPECT_EQ(error.argument, "");
    EXPECT_EQ(error.message, "filter '" + std::string(name) +
                                 "' needs a string, not an integer (5)");
  }
  EXPECT_EQ(ApplyError("lower", json::array()).message,
            "filter 'lower' needs a string, not a list");
  EXPECT_EQ(ApplyError("upper", nullptr).message,
            "filter 'upper' needs a string, not null");
}

TEST(StringFiltersTest, Capitalize) {
  EXPECT_EQ(Apply("capitalize", "rUST"), "Rust");  // up-b-capitalize
  EXPECT_EQ(Apply("capitalize", ""), "");
  EXPECT_EQ(Apply("capitalize", "ßIG"), "SSig");
  EXPECT_EQ(Apply("capitalize", "éCOLE"), "École");
  EXPECT_EQ(Apply("capitalize", "1ABC"), "1abc");
  // The rest is lowercased as a string of its own: its last sigma is final.
  EXPECT_EQ(Apply("capitalize", "ΟΔΟΣ"), "Οδος");
  EXPECT_EQ(Apply("capitalize", "hello world"), "Hello world");
}

TEST(StringFiltersTest, TitleCapitalizesEachWordBetweenApostrophes) {
  // up-f-title
  EXPECT_EQ(Apply("title", "o'NEIL mc-donald 3rd_place 'quoted'"),
            "O'neil Mc-Donald 3rd_place 'Quoted'");
  EXPECT_EQ(Apply("title", ""), "");
  EXPECT_EQ(Apply("title", "foo bar"), "Foo Bar");
  EXPECT_EQ(Apply("title", "  x  "), "  X  ");
  EXPECT_EQ(Apply("title", "''"), "''");
  EXPECT_EQ(Apply("title", "a''b'"), "A''b'");
  EXPECT_EQ(Apply("title", "HELLO,WORLD.x"), "Hello,World.X");
  EXPECT_EQ(Apply("title", "élan ÜBER straße"), "Élan Über Straße");
  EXPECT_EQ(Apply("title", "ßa"), "SSa");
  EXPECT_EQ(Apply("title", "ΟΔΟΣ ΟΔΟΣ"), "Οδος Οδος");
  // Marks and connector punctuation are word characters.
  EXPECT_EQ(Apply("title", "e\u0301TE a‿B"), "E\u0301te A‿b");
}

TEST(StringFiltersTest, TrimUsesUnicodeWhiteSpace) {
  // up-b-trim
  EXPECT_EQ(Apply("trim", "  x  "), "x");
  EXPECT_EQ(Apply("trim_start", "  x"), "x");
  EXPECT_EQ(Apply("trim_end", "x  "), "x");
  EXPECT_EQ(Apply("trim", ""), "");
  EXPECT_EQ(Apply("trim", " \t\r\n "), "");
  EXPECT_EQ(Apply("trim", "\u00a0\u3000x y\u2029"), "x y");
  EXPECT_EQ(Apply("trim_start", "\u2003 x "), "x ");
  EXPECT_EQ(Apply("trim_end", " x \u0085"), " x");
  // A zero-width space is not White_Space.
  EXPECT_EQ(Apply("trim", "\u200bx"), "\u200bx");
}

TEST(StringFiltersTest, Replace) {
  // up-f-replace
  EXPECT_EQ(Apply("replace", "a-b-c", {{"from", "-"}, {"to", "+"}}), "a+b+c");
  EXPECT_EQ(Apply("replace", "ab", {{"from", ""}, {"to", "|"}}), "|a|b|");
  EXPECT_EQ(Apply("replace", "", {{"from", ""}, {"to", "|"}}), "|");
  EXPECT_EQ(Apply("replace", "", {{"from", "x"}, {"to", "|"}}), "");
  EXPECT_EQ(Apply("replace", "aaa", {{"from", "aa"}, {"to", "b"}}), "ba");
  EXPECT_EQ(Apply("replace", "héé", {{"from", ""}, {"to", "."}}), ".h.é.é.");
  EXPECT_EQ(Apply("replace", "x\\ny", {{"from", "\\n"}, {"to", "-"}}), "x-y");
  EXPECT_EQ(Apply("replace", "abc", {{"from", "b"}, {"to", ""}}), "ac");
}

TEST(StringFiltersTest, ReplaceArguments) {
  // up-f-replace-missing-argument: `to` is required.
  BuiltinError missing = ApplyError("replace", "a", {{"from", "a"}});
  EXPECT_NE(missing.message.find("'to'"), std::string::npos);
  BuiltinError wrong = ApplyError("replace", "a", {{"from", 1}, {"to", "b"}});
  EXPECT_EQ(wrong.argument, "from");
  EXPECT_EQ(wrong.message,
            "filter 'replace' needs 'from' to be a string, not an integer (1)");
  EXPECT_EQ(ApplyError("replace", "a", {{"from", "a"}, {"to", true}}).message,
            "filter 'replace' needs 'to' to be a string, not a boolean (true)");
}

TEST(StringFiltersTest, TruncateCountsGraphemeClusters) {
  // up-f-truncate-graphemes: e + combining acute is one cluster.
  EXPECT_EQ(
      Apply("truncate", "e\u0301e\u0301e\u0301", {{"length", 2}, {"end", ""}}),
      "e\u0301e\u0301");
  EXPECT_EQ(Apply("truncate", "hello", {{"length", 2}}), "he…");
  EXPECT_EQ(Apply("truncate", "hello", {{"length", 5}}), "hello");
  EXPECT_EQ(Apply("truncate", "hello", {{"length", 0}}), "…");
  EXPECT_EQ(Apply("truncate", "", {{"length", 0}}), "");
  EXPECT_EQ(Apply("truncate", "a\r\nb", {{"length", 2}, {"end", "."}}),
            "a\r\n.");
  EXPECT_EQ(Apply("truncate", "日本語の", {{"length", 2}, {"end", "..."}}),
            "日本...");
  EXPECT_EQ(Apply("truncate", "x", {{"length", kUint64Max}}), "x");
  std::string long_text(300, 'a');
  EXPECT_EQ(Apply("truncate", long_text), std::string(255, 'a') + "…");
}

TEST(StringFiltersTest, TruncateArguments) {
  BuiltinError negative = ApplyError("truncate", "x", {{"length", -1}});
  EXPECT_EQ(negative.argument, "length");
  EXPECT_EQ(negative.message,
            "filter 'truncate' needs 'length' to be a non-negative integer, "
            "not an integer (-1)");
  EXPECT_EQ(ApplyError("truncate", "x", {{"length", 2.0}}).message,
            "filter 'truncate' needs 'length' to be a non-negative integer, "
            "not a float (2)");
  EXPECT_EQ(ApplyError("truncate", "x", {{"end", 1}}).argument, "end");
  EXPECT_EQ(ApplyError("truncate", 1).argument, "");
}

TEST(StringFiltersTest, WordcountCountsRunsOfNonWhiteSpace) {
  EXPECT_EQ(Apply("wordcount", "a b  c"), 3);  // up-b-wordcount
  EXPECT_EQ(Apply("wordcount", ""), 0);
  EXPECT_EQ(Apply("wordcount", " \n\t "), 0);
  EXPECT_EQ(Apply("wordcount", "a\u00a0b\u3000c-d"), 3);
  EXPECT_EQ(Apply("wordcount", "\u200b"), 1);
}

TEST(StringFiltersTest, Indent) {
  // up-f-indent: the body "one\n\ntwo\n".
  EXPECT_EQ(Apply("indent", "one\n\ntwo\n", {{"prefix", "> "}}),
            "one\n\n> two");
  EXPECT_EQ(Apply("indent", "one\n\ntwo\n",
                  {{"prefix", "> "}, {"first", true}, {"blank", true}}),
            "> one\n> \n> two");
  EXPECT_EQ(Apply("indent", "a\nb"), "a\n    b");
  EXPECT_EQ(Apply("indent", ""), "");
  EXPECT_EQ(Apply("indent", "", {{"first", true}}), "");
  EXPECT_EQ(Apply("indent", "\n", {{"first", true}}), "    ");
  EXPECT_EQ(Apply("indent", "a\r\nb\r\n"), "a\n    b");
  EXPECT_EQ(Apply("indent", "a\n \t\nb\n\u3000"), "a\n \t\n    b\n\u3000");
  EXPECT_EQ(Apply("indent", "a\rb"), "a\rb");
  EXPECT_EQ(ApplyError("indent", "a", {{"first", "yes"}}).message,
            "filter 'indent' needs 'first' to be a boolean, not a string");
  EXPECT_EQ(ApplyError("indent", "a", {{"blank", 1}}).argument, "blank");
  EXPECT_EQ(ApplyError("indent", "a", {{"prefix", 2}}).argument, "prefix");
}

TEST(StringFiltersTest, Split) {
  // up-f-split-join
  EXPECT_EQ(Apply("split", "a,b,,c", {{"pat", ","}}),
            json::array({"a", "b", "", "c"}));
  EXPECT_EQ(Apply("split", "ab", {{"pat", ""}}),
            json::array({"", "a", "b", ""}));
  EXPECT_EQ(Apply("split", "x y", {{"pat", " "}}), json::array({"x", "y"}));
  EXPECT_EQ(Apply("split", "", {{"pat", ""}}), json::array({"", ""}));
  EXPECT_EQ(Apply("split", "", {{"pat", ","}}), json::array({""}));
  EXPECT_EQ(Apply("split", "é😀", {{"pat", ""}}),
            json::array({"", "é", "😀", ""}));
  EXPECT_EQ(Apply("split", ",", {{"pat", ","}}), json::array({"", ""}));
  EXPECT_EQ(Apply("split", "aaa", {{"pat", "aa"}}), json::array({"", "a"}));
  // The two characters \n and \t in `pat` are LF and a tab.
  EXPECT_EQ(Apply("split", "a\nb\tc", {{"pat", "\\n"}}),
            json::array({"a", "b\tc"}));
  EXPECT_EQ(Apply("split", "a\nb\tc", {{"pat", "\\t"}}),
            json::array({"a\nb", "c"}));
  EXPECT_EQ(ApplyError("split", "a", {{"pat", 1}}).argument, "pat");
  EXPECT_EQ(ApplyError("split", "a").message,
            "filter 'split' needs the argument 'pat'");
}

TEST(StringFiltersTest, Slugify) {
  // up-f-slugify
  EXPECT_EQ(Apply("slugify", "  Hello, World! 2024_x "), "hello-world-2024-x");
  EXPECT_EQ(Apply("slugify", ""), "");
  EXPECT_EQ(Apply("slugify", "---"), "");
  EXPECT_EQ(Apply("slugify", "A--B__C"), "a-b-c");
  EXPECT_EQ(Apply("slugify", "-x-"), "x");
  BuiltinError error = ApplyError("slugify", "café");
  EXPECT_EQ(error.argument, "");
  EXPECT_NE(error.message.find("unsupported"), std::string::npos);
}

TEST(StringFiltersTest, IntReadsStrings) {
  // up-f-int
  EXPECT_EQ(Apply("int", "42"), 42);
  EXPECT_EQ(Apply("int", " 0x1F ", {{"base", 16}}), 31);
  EXPECT_EQ(Apply("int", "-3.9"), -3);
  EXPECT_EQ(Apply("int", "abc", {{"default", 7}}), 7);
  EXPECT_EQ(Apply("int", "99999999999999999999"), 0);
  EXPECT_EQ(Apply("int", ""), 0);
  EXPECT_EQ(Apply("int", "+5"), 5);
  EXPECT_EQ(Apply("int", "-"), 0);
  EXPECT_EQ(Apply("int", "1_000"), 0);
  EXPECT_EQ(Apply("int", "9223372036854775807"), kInt64Max);
  EXPECT_EQ(Apply("int", "-9223372036854775808"), kInt64Min);
  EXPECT_EQ(Apply("int", "9223372036854775808"), 0);
  EXPECT_EQ(Apply("int", "18446744073709551615", {{"default", -1}}), -1);
  EXPECT_EQ(Apply("int", "\u00a012\u3000"), 12);
  EXPECT_EQ(Apply("int", "0b101", {{"base", 2}}), 5);
  EXPECT_EQ(Apply("int", "0b0b11", {{"base", 2}}), 3);
  EXPECT_EQ(Apply("int", "0o17", {{"base", 8}}), 15);
  EXPECT_EQ(Apply("int", "ff", {{"base", 16}}), 255);
  EXPECT_EQ(Apply("int", "FF", {{"base", 16}}), 255);
  EXPECT_EQ(Apply("int", "-0x10", {{"base", 16}}), 0);
  EXPECT_EQ(Apply("int", "zz", {{"base", 36}}), 1295);
  EXPECT_EQ(Apply("int", "0x10"), 0);  // base 10 keeps the prefix
  EXPECT_EQ(Apply("int", "12", {{"base", 2}}), 0);
  // With a point, read as a double and truncated (saturating).
  EXPECT_EQ(Apply("int", "1e3.5"), 0);
  EXPECT_EQ(Apply("int", "2.5e3"), 2500);
  EXPECT_EQ(Apply("int", ".5"), 0);
  EXPECT_EQ(Apply("int", "-.5"), 0);
  EXPECT_EQ(Apply("int", "7."), 7);
  EXPECT_EQ(Apply("int", "1e30."), 0);
  EXPECT_EQ(Apply("int", "1.5e30"), kInt64Max);
  EXPECT_EQ(Apply("int", "-1.5e30"), kInt64Min);
  EXPECT_EQ(Apply("int", "1.5", {{"base", 16}}), 1);
  EXPECT_EQ(Apply("int", ".", {{"default", 4}}), 4);
}

TEST(StringFiltersTest, IntTruncatesNumbersThroughADouble) {
  EXPECT_EQ(Apply("int", 2.9), 2);  // up-f-int
  EXPECT_EQ(Apply("int", -2.9), -2);
  EXPECT_EQ(Apply("int", 5), 5);
  EXPECT_EQ(Apply("int", kInt64Min), kInt64Min);
  EXPECT_EQ(Apply("int", kInt64Max), kInt64Max);  // 2^63 saturates
  EXPECT_EQ(Apply("int", kUint64Max), kInt64Max);
  EXPECT_EQ(Apply("int", 1e300), kInt64Max);
  EXPECT_EQ(Apply("int", 9007199254740993), 9007199254740992);
}

TEST(StringFiltersTest, IntArguments) {
  BuiltinError base = ApplyError("int", "1", {{"base", 37}});
  EXPECT_EQ(base.argument, "base");
  EXPECT_NE(base.message.find("unsupported"), std::string::npos);
  EXPECT_NE(ApplyError("int", "1", {{"base", 1}}).message.find("unsupported"),
            std::string::npos);
  EXPECT_NE(ApplyError("int", "1", {{"base", -16}}).message.find("unsupported"),
            std::string::npos);
  EXPECT_NE(ApplyError("int", "1", {{"base", kUint64Max}})
                .message.find("unsupported"),
            std::string::npos);
  EXPECT_EQ(ApplyError("int", "1", {{"base", "16"}}).message,
            "filter 'int' needs 'base' to be an integer from 2 to 36, not a "
            "string");
  EXPECT_EQ(ApplyError("int", "1", {{"default", 1.5}}).argument, "default");
  EXPECT_EQ(ApplyError("int", "1", {{"default", kUint64Max}}).argument,
            "default");
  EXPECT_EQ(ApplyError("int", true).message,
            "filter 'int' needs a string or a number, not a boolean (true)");
  EXPECT_EQ(ApplyError("int", json::array()).argument, "");
}

TEST(StringFiltersTest, Float) {
  EXPECT_EQ(Apply("float", "1.25"), 1.25);  // up-b-float
  EXPECT_EQ(Apply("float", " -3 "), -3.0);
  EXPECT_EQ(Apply("float", "1e3"), 1000.0);
  EXPECT_EQ(Apply("float", "1E-3"), 0.001);
  EXPECT_EQ(Apply("float", ".5"), 0.5);
  EXPECT_EQ(Apply("float", "5."), 5.0);
  EXPECT_EQ(Apply("float", "+0.1"), 0.1);
  EXPECT_EQ(Apply("float", "abc"), 0.0);
  EXPECT_EQ(Apply("float", ""), 0.0);
  EXPECT_EQ(Apply("float", "."), 0.0);
  EXPECT_EQ(Apply("float", "1e"), 0.0);
  EXPECT_EQ(Apply("float", "0x10"), 0.0);
  EXPECT_EQ(Apply("float", "1,5", {{"default", 2}}), 2.0);
  EXPECT_EQ(Apply("float", "x", {{"default", -0.5}}), -0.5);
  EXPECT_TRUE(Apply("float", "x").is_number_float());
  EXPECT_EQ(Apply("float", 3), 3.0);
  EXPECT_TRUE(Apply("float", 3).is_number_float());
  EXPECT_EQ(Apply("float", kInt64Min), -9223372036854775808.0);
  EXPECT_EQ(Apply("float", kUint64Max), 18446744073709551615.0);
  // Non-finite results are null (serde_json has no infinity or NaN).
  EXPECT_TRUE(Apply("float", "inf").is_null());
  EXPECT_TRUE(Apply("float", "-Infinity").is_null());
  EXPECT_TRUE(Apply("float", "NaN").is_null());
  EXPECT_TRUE(Apply("float", "1e400").is_null());
  EXPECT_EQ(Apply("float", "1e-400"), 0.0);
  EXPECT_EQ(ApplyError("float", "1", {{"default", "0"}}).message,
            "filter 'float' needs 'default' to be a number, not a string");
  EXPECT_EQ(ApplyError("float", nullptr).message,
            "filter 'float' needs a string or a number, not null");
}

TEST(StringFiltersTest, RustFloatGrammar) {
  EXPECT_EQ(ParseRustFloat("1"), 1.0);
  EXPECT_EQ(ParseRustFloat("-0"), -0.0);
  EXPECT_TRUE(std::signbit(*ParseRustFloat("-0")));
  EXPECT_EQ(ParseRustFloat("1.e5"), 1e5);
  EXPECT_EQ(ParseRustFloat("INF"), HUGE_VAL);
  EXPECT_EQ(ParseRustFloat("-inFinity"), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(*ParseRustFloat("nan")));
  EXPECT_EQ(ParseRustFloat("0.1"), 0.1);
  for (const char* bad : {"", "+", "-", ".", "e5", "1e+", "1 ", " 1", "1.2.3",
                          "0x1p3", "infinit", "nana", "1d", "١"}) {
    EXPECT_FALSE(ParseRustFloat(bad).has_value()) << bad;
  }
}

// Cases from Tera 1.20.1's own tests (string.rs).
TEST(StringFiltersTest, TerasOwnCases) {
  for (const auto& [input, expected] :
       std::vector<std::pair<const char*, const char*>>{
           {"foo\tbar", "Foo\tBar"},
           {"f bar f", "F Bar F"},
           {"foo-bar", "Foo-Bar"},
           {"FOO\tBAR", "Foo\tBar"},
           {"foo (bar) ", "Foo (Bar) "},
           {"foo {bar}", "Foo {Bar}"},
           {"foo <bar>", "Foo <Bar>"},
           {"\tfoo\tbar\t", "\tFoo\tBar\t"},
           {"foo's bar", "Foo's Bar"}}) {
    EXPECT_EQ(Apply("title", input), expected);
  }
  EXPECT_EQ(Apply("indent", "one\n\ntwo\nthree"), "one\n\n    two\n    three");
  EXPECT_EQ(Apply("indent", "one\n\ntwo\nthree",
                  {{"first", true}, {"prefix", " "}, {"blank", true}}),
            " one\n \n two\n three");
  EXPECT_EQ(Apply("truncate", "日本語", {{"length", 2}}), "日本…");
  EXPECT_EQ(
      Apply("truncate", "👨‍👩‍👧‍👦 family", {{"length", 5}}),
      "👨‍👩‍👧‍👦 fam…");
  EXPECT_EQ(Apply("wordcount", "Joel is a slug"), 4);
  EXPECT_EQ(Apply("int", "0b1010"), 0);
  EXPECT_EQ(Apply("int", "1.23"), 1);
  EXPECT_EQ(Apply("int", 1.23), 1);
  for (const auto& [input, expected] : std::vector<std::pair<const char*, int>>{
           {"0", 0}, {"-3", 5}, {"1010", 10}, {"0b1010", 10}, {"0xF00", 5}}) {
    EXPECT_EQ(Apply("int", input, {{"default", 5}, {"base", 2}}), expected)
        << input;
  }
}

}  // namespace
}  // namespace agentgen::agpm
