// SPDX-License-Identifier: MIT
#include "validation/mcp_server.h"

#include <gtest/gtest.h>

#include "inputs/yaml_frontmatter.h"
#include "support/printed.h"
#include "validation/formats_data.h"

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
          "'url' belongs to a remote server (\"type\": \"http\", \"sse\" or "
          "\"ws\"), not to a server started by 'command'",
          " \"url\": \"https://x\"}")},
      {"{\"type\": \"stdio\"}",
       At(1, 2, "error", "a \"stdio\" server needs a 'command'",
          "{\"type\": \"stdio\"}")},
      {"{\"type\": \"websocket\", \"url\": \"x\"}",
       At(1, 2, "error",
          "'type' must be \"http\", \"streamable-http\", \"sse\" or \"ws\" for "
          "a remote server (or give 'command' for a local one); got the "
          "string \"websocket\"",
          "{\"type\": \"websocket\", \"url\": \"x\"}")},
      {"{\"type\": \"sse\", \"url\": 3}",
       At(1, 17, "error", "'url' must be a string; got 3",
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
          "'url' needs a 'type' (\"http\", \"sse\" or \"ws\"): Claude Code "
          "reads a server without one as a local server and skips it",
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

TEST(McpServerTest, EveryPathOfFormatsTomlReads) {
  for (const char* path :
       {"mcp.remote_types", "mcp.types_without_oauth", "mcp.local_keys",
        "mcp.remote_keys", "mcp.common_keys", "mcp.oauth_keys"})
    EXPECT_FALSE(FormatsList(path).empty()) << path;
  EXPECT_EQ(FormatsString("mcp.least_timeout_ms"), "1000");
}

TEST(McpServerTest, EveryTypeAndKeyClaudeCodeKnows) {
  const char* valid[] = {
      R"({"type": "ws", "url": "wss://x/socket", "headers": {"A": "b"},)"
      R"( "headersHelper": "./token.sh", "timeout": 600000,)"
      R"( "alwaysLoad": true})",
      R"({"type": "streamable-http", "url": "https://x/mcp"})",
      R"({"type": "http", "url": "https://x/mcp", "oauth": {"clientId": "c",)"
      R"( "callbackPort": 8080, "authServerMetadataUrl": "https://a/m",)"
      R"( "scopes": "read write"}})",
      R"({"type": "sse", "url": "https://x/sse", "oauth": {}})",
      R"({"command": "npx", "timeout": 1000, "alwaysLoad": false})",
  };
  for (const char* text : valid) {
    Validated result = Validate(text);
    EXPECT_EQ(result.messages, "") << text;
    EXPECT_TRUE(result.config) << text;
  }
}

TEST(McpServerTest, NewKeysChecked) {
  const std::pair<const char*, std::string> errors[] = {
      {"{\"type\": \"ws\", \"url\": \"wss://x\",\n \"oauth\": {}}",
       At(2, 2, "error",
          "'oauth' belongs to an \"http\" or \"sse\" server, not to a \"ws\" "
          "one (it authenticates by 'headers' or 'headersHelper')",
          " \"oauth\": {}}")},
      {"{\"type\": \"http\", \"url\": \"u\",\n \"oauth\": \"c\"}",
       At(2, 2, "error", "'oauth' must be an object; got the string \"c\"",
          " \"oauth\": \"c\"}")},
      {"{\"type\": \"http\", \"url\": \"u\",\n \"oauth\": {\"callbackPort\": "
       "\"80\", \"scopes\": [\"a\"]}}",
       At(2, 12, "error",
          "'oauth.callbackPort' must be a port number; got the string \"80\"",
          " \"oauth\": {\"callbackPort\": \"80\", \"scopes\": [\"a\"]}}") +
           At(2, 34, "error", "'oauth.scopes' must be a string; got a list",
              " \"oauth\": {\"callbackPort\": \"80\", \"scopes\": [\"a\"]}}")},
      {"{\"type\": \"ws\", \"url\": \"u\",\n \"headersHelper\": \"\"}",
       At(2, 2, "error",
          "'headersHelper' must be a non-empty string (a command that prints "
          "the headers as JSON); got the string \"\"",
          " \"headersHelper\": \"\"}")},
      {"{\"command\": \"x\",\n \"timeout\": \"60s\",\n \"alwaysLoad\": 1}",
       At(2, 2, "error",
          "'timeout' must be a number of milliseconds; got the string \"60s\"",
          " \"timeout\": \"60s\",") +
           At(3, 2, "error", "'alwaysLoad' must be true or false; got 1",
              " \"alwaysLoad\": 1}")},
      {"{\"command\": \"x\",\n \"headersHelper\": \"h\"}",
       At(2, 2, "error",
          "'headersHelper' belongs to a remote server (\"type\": \"http\", "
          "\"sse\" or \"ws\"), not to a server started by 'command'",
          " \"headersHelper\": \"h\"}")},
      {"{\"type\": \"htp\", \"url\": \"u\"}",
       At(1, 10, "error",
          "'type' must be \"http\", \"streamable-http\", \"sse\" or \"ws\" for "
          "a remote server (or give 'command' for a local one); got the "
          "string \"htp\" (did you mean 'http'?)",
          "{\"type\": \"htp\", \"url\": \"u\"}")},
  };
  for (const auto& [text, expected] : errors) {
    Validated result = Validate(text);
    EXPECT_EQ(result.messages, expected) << text;
    EXPECT_FALSE(result.config) << text;
  }
  const std::pair<const char*, std::string> warnings[] = {
      {"{\"type\": \"http\", \"url\": \"\"}",
       At(1, 18, "warning",
          "'url' is empty: Claude Code lists the server as not configured and "
          "does not connect to it",
          "{\"type\": \"http\", \"url\": \"\"}")},
      {"{\"command\": \"x\", \"timeout\": 30}",
       At(1, 18, "warning",
          "'timeout' is in milliseconds, and Claude Code ignores one below "
          "1000; got 30",
          "{\"command\": \"x\", \"timeout\": 30}")},
      {"{\"type\": \"http\", \"url\": \"u\", \"oauth\": {\"clientID\": \"c\"}}",
       At(1, 40, "warning",
          "unknown key 'clientID' in 'oauth'; did you mean 'clientId'?",
          "{\"type\": \"http\", \"url\": \"u\", \"oauth\": {\"clientID\": "
          "\"c\"}}")},
  };
  for (const auto& [text, expected] : warnings) {
    Validated result = Validate(text);
    EXPECT_EQ(result.messages, expected) << text;
    EXPECT_TRUE(result.config) << text;
  }
}

TEST(McpServerTest, ATypoInTypeIsAnEditOfTheValue) {
  McpServerDependency server;
  server.display = "s.json";
  server.bytes = "{\"type\": \"htp\", \"url\": \"u\"}";
  server.is_json = true;
  server.value = nlohmann::json::parse(server.bytes);
  DiagnosticSink sink;
  ValidateMcpServer(server, sink);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].rule, "mcp-server.type");
  EXPECT_EQ(sink.diagnostics()[0].end.column, 15);
  EXPECT_EQ(sink.diagnostics()[0].replacement, "\"http\"");
}

// Checks the `mcpServers:` of frontmatter `yaml` (line 2 of agents/a.md on).
std::string CheckInline(const std::string& yaml) {
  const std::string file = "---\n" + yaml + "---\n";
  std::string_view text(file.data() + 4, yaml.size());
  Locator locate = SliceLocator("agents/a.md", file, 4);
  DiagnosticSink sink;
  std::optional<YamlDocument> document =
      ParseFrontmatterYaml(text, locate, sink);
  if (!document) return "YAML error: " + Printed(sink);
  ValidateInlineMcpServers(MappingValue(document->root(), "mcpServers"),
                           McpServersPlace{text, locate, "claude-code-agent"},
                           sink);
  for (const Diagnostic& diagnostic : sink.diagnostics())
    EXPECT_EQ(diagnostic.rule, "claude-code-agent.mcpServers");
  return Printed(sink);
}

std::string Agent(int line, int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return "agents/a.md:" + std::to_string(line) + ":" + std::to_string(column) +
         ": " + severity + ": " + message + "\n" + line_text + "\n" +
         std::string(static_cast<size_t>(column - 1), ' ') + "^\n";
}

TEST(McpServerTest, InlineServersOfAnAgent) {
  EXPECT_EQ(CheckInline("mcpServers:\n"
                        "  - github\n"
                        "  - playwright:\n"
                        "      type: stdio\n"
                        "      command: npx\n"
                        "      args: [\"-y\", \"@playwright/mcp@latest\"]\n"
                        "  - events: {type: ws, url: \"wss://x\"}\n"
                        "    docs: {type: streamable-http, url: "
                        "\"https://x\", timeout: 60000}\n"),
            "");
  const std::pair<std::string, std::string> cases[] = {
      {"mcpServers: github\n",
       Agent(2, 13, "error",
             "'mcpServers' must be a list, each entry a server name or a "
             "{name: configuration} mapping; got the string \"github\"",
             "mcpServers: github")},
      {"mcpServers:\n  - 5\n",
       Agent(3, 5, "error",
             "each entry of 'mcpServers' must be a server name or a {name: "
             "configuration} mapping; got 5",
             "  - 5")},
      {"mcpServers:\n  - remote:\n      url: https://x\n",
       Agent(4, 7, "error",
             "'url' needs a 'type' (\"http\", \"sse\" or \"ws\"): Claude Code "
             "reads a server without one as a local server and skips it",
             "      url: https://x")},
      {"mcpServers:\n  - remote:\n      type: websocket\n      url: x\n",
       Agent(4, 13, "error",
             "'type' must be \"http\", \"streamable-http\", \"sse\" or \"ws\" "
             "for a remote server (or give 'command' for a local one); got "
             "the string \"websocket\"",
             "      type: websocket")},
      {"mcpServers:\n  - local:\n      command: npx\n      args: -y\n"
       "      tools: [a]\n",
       Agent(6, 7, "warning", "unknown key 'tools' in an MCP server",
             "      tools: [a]") +
           Agent(5, 13, "error",
                 "'args' must be a list of strings; got the string \"-y\"",
                 "      args: -y")},
      {"mcpServers:\n  - type: http\n    url: https://x\n",
       Agent(3, 11, "error",
             "the configuration of server 'type' must be a mapping; got the "
             "string \"http\" (write the server's name as the key and its "
             "configuration indented below it)",
             "  - type: http") +
           Agent(4, 10, "error",
                 "the configuration of server 'url' must be a mapping; got "
                 "the string \"https://x\" (write the server's name as the "
                 "key and its configuration indented below it)",
                 "    url: https://x")},
      {"mcpServers:\n  - s:\n      command: x\n      agpm: {}\n",
       Agent(5, 7, "warning", "unknown key 'agpm' in an MCP server",
             "      agpm: {}")},
  };
  for (const auto& [yaml, expected] : cases)
    EXPECT_EQ(CheckInline(yaml), expected) << yaml;
}

}  // namespace
}  // namespace agentgen
