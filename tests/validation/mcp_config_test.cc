// SPDX-License-Identifier: MIT
#include "validation/mcp_config.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

McpServerConfig Server(const std::string& name, const std::string& command,
                       const std::string& relative) {
  return {name,
          {{"command", command}, {"args", {"-y"}}},
          relative,
          relative,
          LocateOffset("agents/a.md", "    - path: x.json\n", 12)};
}

class McpConfigTest : public ::testing::Test {
 protected:
  std::optional<MergedMcpConfig> Merge(
      std::optional<std::string> config, std::optional<std::string> record,
      const std::vector<McpServerConfig>& servers) {
    sink_ = DiagnosticSink();
    return MergeMcpConfig({".mcp.json", std::move(config)},
                          {".mcp.json.agentgen", std::move(record)}, servers,
                          sink_);
  }
  std::string Messages() const {
    std::string text;
    for (const Diagnostic& diagnostic : sink_.diagnostics())
      text += FormatDiagnostic(diagnostic);
    return text;
  }
  DiagnosticSink sink_;
};

TEST_F(McpConfigTest, AFreshFile) {
  std::optional<MergedMcpConfig> merged =
      Merge(std::nullopt, std::nullopt,
            {Server("context7", "npx", "mcp/context7.json"),
             Server("a", "run", "mcp/a.json")});
  ASSERT_TRUE(merged) << Messages();
  EXPECT_EQ(merged->config,
            "{\n  \"mcpServers\": {\n    \"a\": {\n      \"args\": [\n"
            "        \"-y\"\n      ],\n      \"command\": \"run\"\n    },\n"
            "    \"context7\": {\n      \"args\": [\n        \"-y\"\n      ],\n"
            "      \"command\": \"npx\"\n    }\n  }\n}\n");
  EXPECT_EQ(merged->ownership,
            "{\n  \"about\": \"The servers of .mcp.json that agentgen mcp "
            "writes; commit this file with it.\",\n  \"servers\": {\n"
            "    \"a\": \"mcp/a.json\",\n"
            "    \"context7\": \"mcp/context7.json\"\n  }\n}\n");
}

TEST_F(McpConfigTest, KeepsWhatItDidNotWriteAndDropsWhatItNoLongerWrites) {
  std::optional<MergedMcpConfig> merged = Merge(
      R"({"mcpServers": {"mine": {"command": "me"},
            "old": {"command": "gone"}, "context7": {"command": "stale"}},
          "otherSetting": [1, 2]})",
      R"({"servers": {"old": "mcp/old.json", "context7": "mcp/c.json"}})",
      {Server("context7", "npx", "mcp/c.json")});
  ASSERT_TRUE(merged) << Messages();
  EXPECT_EQ(nlohmann::json::parse(merged->config),
            nlohmann::json::parse(R"({"mcpServers": {"mine": {"command": "me"},
                "context7": {"command": "npx", "args": ["-y"]}},
                "otherSetting": [1, 2]})"));
  EXPECT_EQ(nlohmann::json::parse(merged->ownership)["servers"],
            nlohmann::json::parse(R"({"context7": "mcp/c.json"})"));
}

TEST_F(McpConfigTest, AClashWithAServerItDidNotWriteNamesBoth) {
  EXPECT_FALSE(Merge(R"({"mcpServers": {"context7": {"command": "mine"}}})",
                     std::nullopt, {Server("context7", "npx", "mcp/c.json")}));
  EXPECT_EQ(Messages(),
            "agents/a.md:1:13: error: MCP server 'context7' from "
            "'mcp/c.json' clashes with the server 'context7' in '.mcp.json', "
            "which agentgen did not write; give the dependency another "
            "'name:' or remove that server from '.mcp.json'\n"
            "    - path: x.json\n"
            "            ^\n");
}

TEST_F(McpConfigTest, AnIdenticalServerIsTakenOver) {
  // A clone whose ownership record was not committed.
  std::optional<MergedMcpConfig> merged =
      Merge(R"({"mcpServers": {"c": {"command": "npx", "args": ["-y"]}}})",
            std::nullopt, {Server("c", "npx", "mcp/c.json")});
  ASSERT_TRUE(merged) << Messages();
  EXPECT_EQ(nlohmann::json::parse(merged->ownership)["servers"],
            nlohmann::json::parse(R"({"c": "mcp/c.json"})"));
}

TEST_F(McpConfigTest, TwoFilesUnderOneName) {
  EXPECT_FALSE(Merge(
      std::nullopt, std::nullopt,
      {Server("c", "npx", "mcp/c.json"), Server("c", "npx", "other/c.json"),
       Server("c", "npx", "mcp/c.json")}));
  EXPECT_EQ(Messages(),
            "agents/a.md:1:13: error: MCP server name 'c' is claimed by both "
            "'mcp/c.json' and 'other/c.json'; give one of them another "
            "'name:'\n"
            "    - path: x.json\n"
            "            ^\n");
}

TEST_F(McpConfigTest, TheOutputIsTheSameWhateverTheOrder) {
  std::optional<MergedMcpConfig> one = Merge(
      R"({"z": 1, "mcpServers": {"u": {"url": "x", "type": "http"}}})",
      std::nullopt, {Server("b", "x", "b.json"), Server("a", "y", "a.json")});
  std::optional<MergedMcpConfig> two = Merge(
      R"({"mcpServers": {"u": {"type": "http", "url": "x"}}, "z": 1})",
      std::nullopt, {Server("a", "y", "a.json"), Server("b", "x", "b.json")});
  ASSERT_TRUE(one && two);
  EXPECT_EQ(one->config, two->config);
  EXPECT_EQ(one->ownership, two->ownership);
}

TEST_F(McpConfigTest, ABrokenExistingFileIsLocated) {
  EXPECT_FALSE(Merge("{\n  \"mcpServers\": {,}\n}\n", std::nullopt, {}));
  EXPECT_EQ(Messages(),
            ".mcp.json:2:18: error: invalid JSON: syntax error while parsing "
            "object key - unexpected ','; expected string literal\n"
            "  \"mcpServers\": {,}\n"
            "                 ^\n");
  EXPECT_FALSE(Merge("{\"mcpServers\": []}", std::nullopt, {}));
  EXPECT_EQ(Messages(),
            ".mcp.json:1:2: error: 'mcpServers' must be a JSON object\n"
            "{\"mcpServers\": []}\n"
            " ^\n");
  EXPECT_FALSE(Merge("[]", std::nullopt, {}));
  EXPECT_EQ(Messages(),
            ".mcp.json:1:1: error: '.mcp.json' must hold a JSON object\n"
            "[]\n"
            "^\n");
}

}  // namespace
}  // namespace agentgen
