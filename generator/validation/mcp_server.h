// SPDX-License-Identifier: MIT
// An `mcp-servers` dependency: one JSON object describing one MCP server the
// way Claude Code's `.mcp.json` lists it under `mcpServers`.
#ifndef AGENTGEN_VALIDATION_MCP_SERVER_H_
#define AGENTGEN_VALIDATION_MCP_SERVER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "inputs/input_file.h"
#include "inputs/yaml_node.h"

namespace agentgen {

/// A dependency declared under `mcp-servers` anywhere in a render (the
/// source's and its dependencies' own declarations alike).
struct McpServerDependency {
  std::string name;      ///< its server name: the entry's `name:`, else stem
  std::string path;      ///< absolute, lexically normal
  std::string display;   ///< how diagnostics name the file
  std::string relative;  ///< relative to the root
  std::string bytes;     ///< as read, for locating values
  bool is_json = false;
  nlohmann::json value;  ///< a JSON file's value, `dependencies` removed
  Location declared_at;  ///< the entry's `path:`
};

/// The `mcp-servers` dependencies of a render's files, in the order
/// declared.
std::vector<McpServerDependency> McpServerDependencies(
    const RenderFiles& files);

/// Checks that `server` describes one server: `command` (a non-empty
/// string) with optional string `args` and string-valued `env`, or `type`
/// (`http`, its alias `streamable-http`, `sse` or `ws`) with a `url` and
/// optional string-valued `headers`, a `headersHelper` command and (not for
/// `ws`) an `oauth` object; any server may have `timeout` (milliseconds) and
/// `alwaysLoad`. Every problem is reported at its place in the JSON file (an
/// unknown key is a warning). Returns the configuration `.mcp.json` gets (the
/// file's `agpm` metadata removed), or nullopt after an error.
std::optional<nlohmann::json> ValidateMcpServer(
    const McpServerDependency& server, DiagnosticSink& sink);

/// Where an agent's frontmatter `mcpServers:` value came from.
struct McpServersPlace {
  std::string_view yaml_text;  ///< the text the nodes' offsets index
  Locator locate;              ///< offsets of `yaml_text` -> source places
  /// The schema's rule prefix: `claude-code-agent` gives every diagnostic
  /// the rule `claude-code-agent.mcpServers`.
  std::string rule_prefix;
};

/// Checks an agent's `mcpServers:` list: each entry a server name, or a
/// mapping of server names to configurations, which are checked as
/// ValidateMcpServer checks a file's (without AGPM's `agpm` key).
void ValidateInlineMcpServers(const YamlNode& servers,
                              const McpServersPlace& place,
                              DiagnosticSink& sink);

/// Checks a `{name: configuration}` mapping of servers (a plugin's
/// `.mcp.json` or its manifest's inline `mcpServers`), each configuration as
/// ValidateMcpServer checks a file's; every diagnostic has the rule
/// `place.rule_prefix + ".mcpServers"`.
void ValidateMcpServerMap(const YamlNode& servers, const McpServersPlace& place,
                          DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_MCP_SERVER_H_
