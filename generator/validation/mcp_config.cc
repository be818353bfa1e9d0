// SPDX-License-Identifier: MIT
#include "validation/mcp_config.h"

#include <map>
#include <set>

#include "outputs/json_file.h"

namespace agentgen {

const char kMcpOwnershipSuffix[] = ".agentgen";

using nlohmann::json;

std::optional<MergedMcpConfig> MergeMcpConfig(
    const ExistingFile& existing, const ExistingFile& ownership,
    const std::vector<McpServerConfig>& servers, DiagnosticSink& sink) {
  int errors_before = sink.error_count();
  std::optional<json> config = ReadJsonObjectFile(
      existing.display, existing.text, "mcpServers", "mcp-config", sink);
  std::optional<json> record = ReadJsonObjectFile(
      ownership.display, ownership.text, "servers", "mcp-config", sink);
  if (!config || !record) return std::nullopt;

  json current = config->value("mcpServers", json::object());
  std::set<std::string> owned_before;
  json owned_servers = record->value("servers", json::object());
  if (!owned_servers.is_object()) owned_servers = json::object();
  for (const auto& [name, source] : owned_servers.items())
    owned_before.insert(name);

  // Each name once: the same file reached from several agents is one
  // server; two files under one name are a mistake to name.
  std::map<std::string, const McpServerConfig*> chosen;
  for (const McpServerConfig& server : servers) {
    auto [known, inserted] = chosen.emplace(server.name, &server);
    if (inserted || known->second->relative == server.relative) continue;
    sink.Error(server.declared_at,
               "MCP server name '" + server.name + "' is claimed by both '" +
                   known->second->source + "' and '" + server.source +
                   "'; give one of them another 'name:'",
               "mcp-config.clash");
  }

  json merged = json::object();
  for (const auto& [name, value] : current.items()) {
    if (!owned_before.count(name)) merged[name] = value;
  }
  json owned = json::object();
  for (const auto& [name, server] : chosen) {
    auto theirs = merged.find(name);
    if (theirs != merged.end() && *theirs != server->config) {
      sink.Error(server->declared_at,
                 "MCP server '" + name + "' from '" + server->source +
                     "' clashes with the server '" + name + "' in '" +
                     existing.display +
                     "', which agentgen did not write; give the dependency "
                     "another 'name:' or remove that server from '" +
                     existing.display + "'",
                 "mcp-config.clash");
      continue;
    }
    merged[name] = server->config;
    owned[name] = server->relative;
  }
  if (sink.error_count() > errors_before) return std::nullopt;

  (*config)["mcpServers"] = std::move(merged);
  // The file's own name, not its path: the record is committed, and a
  // path would differ between checkouts.
  std::string file_name =
      existing.display.substr(existing.display.rfind('/') + 1);
  json new_record = {
      {"about", "The servers of " + file_name +
                    " that agentgen mcp writes; commit this file with it."},
      {"servers", std::move(owned)}};
  return MergedMcpConfig{FormatJsonFile(*config), FormatJsonFile(new_record)};
}

}  // namespace agentgen
