// SPDX-License-Identifier: MIT
#include "validation/mcp_server.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

struct Validated {
  std::optional<nlohmann::json> config;
  std::string messages;
};

Validated Validate(const std::string& text, bool is_json = true) {
  McpServerDependency server;
  server.name = "s";
  server.display = "mcp/s.json";
  server.bytes = text;
  server.is_json = is_json;
  if (is_json) server.value = nlohmann::json::parse(text);
  server.declared_at = LocateOffset("agents/a.md", "    - path: s.json\n", 12);
  DiagnosticSink sink;
  Validated result;
  result.config = ValidateMcpServer(server, sink);
  for (const Diagnostic& diagnostic : sink.diagnostics())
    result.messages += FormatDiagnostic(diagnostic);
  return result;
}

std::string At(int line, int column, const std::string& severity,
               const std::string& message, const std::string& line_text) {
  return "mcp/s.json:" + std::to_string(line) + ":" + std::to_string(column) +
         ": " + severity + ": " + message + "\n" + line_text + "\n" +
         std::string(static_cast<size_t>(column - 1), ' ') + "^\n";
}

TEST(McpServerTest, ALocalServerKeepsAllButTheAgpmMetadata) {
  Validated result = Validate(
      "{\"command\": \"npx\", \"args\": [\"-y\", \"x\"], \"env\": {\"K\": "
      "\"v\"}, \"type\": \"stdio\", \"agpm\": {\"version\": \"1\"}}");
  EXPECT_EQ(result.messages, "");
  EXPECT_EQ(result.config,
            nlohmann::json::parse(R"({"command": "npx", "args": ["-y", "x"],
                "env": {"K": "v"}, "type": "stdio"})"));
}

TEST(McpServerTest, ARemoteServer) {
  Validated result = Validate(
      "{\"type\": \"http\", \"url\": \"https://x/mcp\", \"headers\": "
      "{\"Authorization\": \"Bearer ${TOKEN}\"}}");
  EXPECT_EQ(result.messages, "");
  ASSERT_TRUE(result.config);
  EXPECT_EQ((*result.config)["url"], "https://x/mcp");
}

TEST(McpServerTest, EveryProblemAtItsLine) {
  const std::pair<const char*, std::string> cases[] = {
      {"[1]", At(1, 1, "error",
                 "an MCP server must be a JSON object describing one server; "
                 "got a list",
                 "[1]")},
      {"{\"mcpServers\": {}}",
       At(1, 2, "error",
          "this file holds a whole 'mcpServers' configuration, but an "
          "mcp-servers dependency describes one server: give each server a "
          "file of its own",
          "{\"mcpServers\": {}}")},
      {"{}", At(1, 1, "error",
                "this JSON describes no MCP server: give 'command' (a local "
                "program) or 'type' and 'url' (a remote server)",
                "{}")},
      {"{\"command\": \"\"}",
       At(1, 2, "error",
          "'command' must be a non-empty string (the program that starts the "
          "server); got the string \"\"",
          "{\"command\": \"\"}")},
      {"{\"command\": \"x\",\n \"args\": \"-y\"}",
       At(2, 2, "error",
          "'args' must be a list of strings; got the string "
          "\"-y\"",
          " \"args\": \"-y\"}")},
      {"{\"command\": \"x\",\n \"args\": [\"-y\", 5]}",
       At(2, 17, "error", "each entry of 'args' must be a string; got 5",
          " \"args\": [\"-y\", 5]}")},
      {"{\"command\": \"x\",\n \"env\": {\"K\": true}}",
       At(2, 10, "error", "'env' values must be strings; got true for 'K'",
          " \"env\": {\"K\": true}}")},
      {"{\"command\": \"x\",\n \"env\": []}",
       At(2, 2, "error", "'env' must be an object of strings; got a list",
          " \"env\": []}")},
      {"{\"command\": \"x\",\n \"type\": \"http\"}",
       At(2, 2, "error",
          "'type' must be \"stdio\" for a server started by 'command'; got "
          "the string \"http\"",
          " \"type\": \"http\"}")},
      {"{\"command\": \"x\",\n \"url\": \"https://x\"}",
       At(2, 2, "error",
          "'url' belongs to a remote server (\"type\": \"http\" or \"sse\"), "
          "not to a server started by 'command'",
          " \"url\": \"https://x\"}")},
      {"{\"type\": \"stdio\"}",
       At(1, 2, "error", "a \"stdio\" server needs a 'command'",
          "{\"type\": \"stdio\"}") +
           At(1, 2, "error", "a remote server needs a 'url'",
              "{\"type\": \"stdio\"}")},
      {"{\"type\": \"websocket\", \"url\": \"x\"}",
       At(1, 2, "error",
          "'type' must be \"http\" or \"sse\" for a remote server (or give "
          "'command' for a local one); got the string \"websocket\"",
          "{\"type\": \"websocket\", \"url\": \"x\"}")},
      {"{\"type\": \"sse\", \"url\": 3}",
       At(1, 17, "error", "'url' must be a non-empty string; got 3",
          "{\"type\": \"sse\", \"url\": 3}")},
      {"{\"type\": \"http\", \"url\": \"u\",\n \"args\": []}",
       At(2, 2, "error",
          "'args' belongs to a server started by 'command', not to a remote "
          "server",
          " \"args\": []}")},
      {"{\"type\": \"http\", \"url\": \"u\",\n \"headers\": {\"A\": 1}}",
       At(2, 14, "error", "'headers' values must be strings; got 1 for 'A'",
          " \"headers\": {\"A\": 1}}")},
      {"{\"url\": \"https://x\"}",
       At(1, 2, "error",
          "'url' needs a 'type' (\"http\" or \"sse\"); Claude Code rejects a "
          "server without one",
          "{\"url\": \"https://x\"}")},
  };
  for (const auto& [text, expected] : cases) {
    Validated result = Validate(text);
    EXPECT_EQ(result.messages, expected) << text;
    EXPECT_FALSE(result.config) << text;
  }
}

TEST(McpServerTest, AnUnknownKeyIsAWarningAndKept) {
  Validated result = Validate("{\"command\": \"x\", \"arg\": []}");
  EXPECT_EQ(result.messages,
            At(1, 18, "warning",
               "unknown key 'arg' in an MCP server; did you mean 'args'?",
               "{\"command\": \"x\", \"arg\": []}"));
  ASSERT_TRUE(result.config);
  EXPECT_TRUE(result.config->contains("arg"));
}

TEST(McpServerTest, ADependencyThatIsNotJson) {
  Validated result = Validate("command: x\n", false);
  EXPECT_EQ(result.messages,
            "agents/a.md:1:13: error: MCP server dependency 'mcp/s.json' must "
            "be a JSON file describing one server\n"
            "    - path: s.json\n"
            "            ^\n");
}

}  // namespace
}  // namespace agentgen
