// SPDX-License-Identifier: MIT
// The compiled-in formats.toml: it parses, and its readers return what the
// file says.
#include "validation/formats_data.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "validation/schema.h"

namespace agentgen {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(FormatsDataTest, TheFileSaysWhenItWasTaken) {
  EXPECT_THAT(std::string(FormatsDataText()), HasSubstr("[meta]"));
  EXPECT_EQ(FormatsString("meta.taken").size(), 10u);  // YYYY-MM-DD
}

TEST(FormatsDataTest, ListsAndMapsReadBack) {
  EXPECT_THAT(FormatsList("example.list"), ElementsAre("a", "b"));
  EXPECT_EQ(FormatsMap("example.replaced").at("Old"), "New");
  EXPECT_TRUE(FormatsHas("example.list"));
  EXPECT_FALSE(FormatsHas("example.missing"));
}

TEST(FormatsDataTest, ArraysOfTablesAndKeysReadBack) {
  std::vector<FormatsRecord> records = FormatsRecords("example.records");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].text.at("name"), "a");
  EXPECT_TRUE(records[0].flag.at("on"));
  EXPECT_EQ(records[0].number.at("size"), 2);
  EXPECT_EQ(records[1].number.at("ratio"), 0.5);
  EXPECT_THAT(FormatsKeys("example"),
              ElementsAre("list", "records", "replaced"));
}

TEST(FormatsDataDeathTest, AMissingListIsABugThatNamesItsPath) {
  EXPECT_DEATH(FormatsList("example.missing"), "example.missing");
  EXPECT_DEATH(FormatsList("example.replaced"), "is not an array");
  EXPECT_DEATH(FormatsRecords("example.list"), "not an array of tables");
}

// A broken formats.toml fails here, not in a user's check.
TEST(FormatsDataTest, EveryPathTheSchemasReadIsThere) {
  for (const std::string& path : SchemaFormatsPaths())
    EXPECT_TRUE(FormatsHas(path)) << path;
  EXPECT_EQ(AllSchemas().size(), 5u);  // builds every schema from the data
  const ClaudeCodeTools& tools = ClaudeCodeToolNames();
  EXPECT_EQ(tools.aliases.at("Task"), "Agent");
  EXPECT_EQ(tools.removed.at("MultiEdit"), "Edit");
  EXPECT_EQ(tools.renamed.at("BashOutput"), "TaskOutput");
  // An old name still accepted means a current tool.
  for (const auto& [old_name, current] : tools.renamed) {
    EXPECT_EQ(std::count(tools.builtin.begin(), tools.builtin.end(), current),
              1)
        << old_name;
  }
  // A removed name is never a current one, so no did-you-mean offers it.
  for (const auto& [removed, replacement] : tools.removed) {
    EXPECT_EQ(std::count(tools.builtin.begin(), tools.builtin.end(), removed),
              0)
        << removed;
    if (!replacement.empty()) {
      EXPECT_EQ(
          std::count(tools.builtin.begin(), tools.builtin.end(), replacement),
          1)
          << replacement;
    }
  }
  for (const std::vector<std::string>* list :
       {&tools.never_in_subagents, &tools.plan_mode_only}) {
    for (const std::string& tool : *list) {
      EXPECT_EQ(std::count(tools.builtin.begin(), tools.builtin.end(), tool), 1)
          << tool;
    }
  }
}

}  // namespace
}  // namespace agentgen
