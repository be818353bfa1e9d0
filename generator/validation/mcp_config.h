// SPDX-License-Identifier: MIT
// `agentgen mcp`: merges the MCP servers of agents into Claude Code's
// `.mcp.json`, keeping everything in it that agentgen did not write.
//
// Which servers agentgen wrote is recorded beside the file, in
// `<file>.agentgen`, not inside it: the configuration stays exactly what
// Claude Code documents (no marker keys in server objects), and the record
// is committed with it. A server already in the file with exactly the
// configuration agentgen would write is taken over silently, so a clone
// whose record was lost does not clash with itself.
#ifndef AGENTGEN_VALIDATION_MCP_CONFIG_H_
#define AGENTGEN_VALIDATION_MCP_CONFIG_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace agentgen {

/// One server to write.
struct McpServerConfig {
  std::string name;  ///< its key under `mcpServers`
  nlohmann::json config;
  std::string source;    ///< the JSON file as diagnostics name it
  std::string relative;  ///< the JSON file relative to its root
  Location declared_at;  ///< the dependency entry's `path:`
};

/// A file as read before the merge; absent files have no text.
struct ExistingFile {
  std::string display;  ///< how diagnostics name it
  std::optional<std::string> text;
};

struct MergedMcpConfig {
  std::string config;     ///< the new `.mcp.json`
  std::string ownership;  ///< the new `<file>.agentgen`
};

/// The suffix of the ownership record's file name.
extern const char kMcpOwnershipSuffix[];

/// Merges `servers` into `existing` (`.mcp.json`), replacing the servers
/// `ownership` says agentgen wrote before and dropping those it no longer
/// writes. A server name two different files claim, or one the file holds
/// with a different configuration that agentgen did not write, is an error
/// naming both. Output: sorted keys, two-space indent, a final newline.
/// Returns nullopt after reporting errors.
std::optional<MergedMcpConfig> MergeMcpConfig(
    const ExistingFile& existing, const ExistingFile& ownership,
    const std::vector<McpServerConfig>& servers, DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_MCP_CONFIG_H_
