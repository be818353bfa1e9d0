// SPDX-License-Identifier: MIT
#include "engines/agpm/offset_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

// --- offsets -----------------------------------------------------------------

TEST(AgpmOffsetMapTest, MapsCopiedRunsLinearlyAndProducedRunsToTheTag) {
  OffsetMap map;
  map.AddCopied(0, 0);
  map.AddProduced(5, 5);
  map.AddCopied(9, 20);
  EXPECT_EQ(map.ToInput(0), 0u);
  EXPECT_EQ(map.ToInput(4), 4u);
  EXPECT_EQ(map.ToInput(5), 5u);
  EXPECT_EQ(map.ToInput(8), 5u);
  EXPECT_EQ(map.ToInput(9), 20u);
  EXPECT_EQ(map.ToInput(12), 23u);
}

TEST(AgpmOffsetMapTest, RenderRecordsWhereOutputCameFrom) {
  // Template offsets:  0 "ab\n", 3 "{{ project.language }}", 25 "\ncd",
  // 28 "{# c #}", 35 "ef\n", 38 the fence.
  const std::string text =
      "ab\n{{ project.language }}\ncd{# c #}ef\n```literal\nin\n```\nz";
  OffsetMap map;
  Outcome outcome = ParseAndRender(text, TestContext(), nullptr, &map);
  ASSERT_EQ(outcome.output, "ab\nrust\ncdef\n```\nin\n```\nz");
  EXPECT_EQ(map.ToInput(1), 1u);    // b
  EXPECT_EQ(map.ToInput(3), 3u);    // r of rust: the tag
  EXPECT_EQ(map.ToInput(6), 3u);    // t of rust
  EXPECT_EQ(map.ToInput(7), 25u);   // newline after the tag
  EXPECT_EQ(map.ToInput(9), 27u);   // d
  EXPECT_EQ(map.ToInput(10), 35u);  // e, after the comment
  EXPECT_EQ(map.ToInput(13), 38u);  // the opening fence
  EXPECT_EQ(map.ToInput(17), 49u);  // i, inside the fence
  EXPECT_EQ(map.ToInput(20), 52u);  // the closing fence
  EXPECT_EQ(map.ToInput(24), 56u);  // z
}

}  // namespace
}  // namespace agentgen
