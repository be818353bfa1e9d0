// SPDX-License-Identifier: MIT
// Numbers as Rust's `{}` and serde_json write them, and serde_json's text.
#include "base/number_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

namespace agentgen {
namespace {

TEST(RustDisplayTest, ShortestDigitsWrittenOutInFull) {
  EXPECT_EQ(RustDisplay(100.0), "100");
  EXPECT_EQ(RustDisplay(0.1), "0.1");
  EXPECT_EQ(RustDisplay(2.5), "2.5");
  EXPECT_EQ(RustDisplay(1.5e-7), "0.00000015");
  EXPECT_EQ(RustDisplay(1e21), "1000000000000000000000");
  EXPECT_EQ(RustDisplay(-0.0), "-0");
  EXPECT_EQ(RustDisplay(0.0), "0");
  EXPECT_EQ(RustDisplay(-12.375), "-12.375");
  EXPECT_EQ(RustDisplay(0.30000000000000004), "0.30000000000000004");
  EXPECT_EQ(RustDisplay(123456789.0), "123456789");
  EXPECT_EQ(RustDisplay(std::numeric_limits<double>::denorm_min()),
            "0." + std::string(323, '0') + "5");
}

TEST(SerdeJsonNumberTest, RyuForms) {
  EXPECT_EQ(SerdeJsonNumber(100.0), "100.0");
  EXPECT_EQ(SerdeJsonNumber(1e15), "1000000000000000.0");
  EXPECT_EQ(SerdeJsonNumber(0.0), "0.0");
  EXPECT_EQ(SerdeJsonNumber(-0.0), "-0.0");
  EXPECT_EQ(SerdeJsonNumber(12.34), "12.34");
  EXPECT_EQ(SerdeJsonNumber(1e-5), "0.00001");
  EXPECT_EQ(SerdeJsonNumber(1e16), "1e16");
  EXPECT_EQ(SerdeJsonNumber(1e21), "1e21");
  EXPECT_EQ(SerdeJsonNumber(1.5e-7), "1.5e-7");
  EXPECT_EQ(SerdeJsonNumber(1e-6), "1e-6");
  EXPECT_EQ(SerdeJsonNumber(-2.5e20), "-2.5e20");
  EXPECT_EQ(SerdeJsonNumber(1234567890123456.7), "1234567890123456.8");
}

// Both forms read back as the very same double, over doubles of every
// magnitude (a fixed seed: the same numbers every run).
TEST(NumberTextTest, EveryFormReadsBackAsTheSameDouble) {
  std::mt19937_64 random(20261203);
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = random();
    double number = 0;
    std::memcpy(&number, &bits, sizeof number);
    if (!std::isfinite(number)) continue;
    for (const std::string& text :
         {RustDisplay(number), SerdeJsonNumber(number)}) {
      double back = std::strtod(text.c_str(), nullptr);
      uint64_t back_bits = 0;
      std::memcpy(&back_bits, &back, sizeof back);
      ASSERT_EQ(back_bits, bits) << text;
    }
    std::string rust = RustDisplay(number);
    ASSERT_EQ(rust.find_first_of("eE+"), std::string::npos) << rust;
  }
}

TEST(SerdeJsonTextTest, PrettyAndCompact) {
  nlohmann::json value = nlohmann::json::parse(
      R"({"b": [1, 2.0, {}, []], "a": {"x": "q\"\\\n\u0001é/"}, "c": 1e21})");
  EXPECT_EQ(SerdeJsonText(value, true),
            "{\n"
            "  \"a\": {\n"
            "    \"x\": \"q\\\"\\\\\\n\\u0001é/\"\n"
            "  },\n"
            "  \"b\": [\n"
            "    1,\n"
            "    2.0,\n"
            "    {},\n"
            "    []\n"
            "  ],\n"
            "  \"c\": 1e21\n"
            "}");
  EXPECT_EQ(SerdeJsonText(value, false),
            "{\"a\":{\"x\":\"q\\\"\\\\\\n\\u0001é/\"},\"b\":[1,2.0,{},[]],"
            "\"c\":1e21}");
  EXPECT_EQ(SerdeJsonText(nlohmann::json::parse("18446744073709551615"), true),
            "18446744073709551615");
  EXPECT_EQ(SerdeJsonText(nlohmann::json::parse("18446744073709551616"), true),
            "1.8446744073709552e19");
}

}  // namespace
}  // namespace agentgen
