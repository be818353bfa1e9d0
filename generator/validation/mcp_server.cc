// SPDX-License-Identifier: MIT
#include "validation/mcp_server.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "inputs/json_positions.h"

namespace agentgen {
namespace {

using nlohmann::json;

const std::vector<std::string> kServerKeys = {
    "command", "args", "env", "type", "url", "headers", "agpm"};

std::string Shown(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "the string " + value.dump();
    default:
      return value.dump();
  }
}

class ServerValidator {
 public:
  ServerValidator(const McpServerDependency& server, DiagnosticSink& sink)
      : server_(server),
        sink_(sink),
        offsets_(JsonValueOffsets(server.bytes)),
        errors_before_(sink.error_count()) {}

  std::optional<json> Run();

 private:
  Location At(const std::string& pointer) const {
    auto found = offsets_.find(pointer);
    size_t offset = found == offsets_.end() ? 0 : found->second;
    return LocateOffset(server_.display, server_.bytes, offset);
  }
  void Error(const std::string& pointer, const std::string& message,
             const std::string& rule) {
    sink_.Error(At(pointer), message, "mcp-server." + rule);
  }
  void CheckStringList(const json& object, const std::string& key);
  void CheckStringMap(const json& object, const std::string& key);
  void NotHere(const json& object, const std::string& key,
               const std::string& belongs, const std::string& not_to);

  const McpServerDependency& server_;
  DiagnosticSink& sink_;
  std::map<std::string, size_t> offsets_;
  int errors_before_;
};

void ServerValidator::CheckStringList(const json& object,
                                      const std::string& key) {
  if (!object.contains(key)) return;
  const json& list = object[key];
  if (!list.is_array()) {
    Error("/" + key,
          "'" + key + "' must be a list of strings; got " + Shown(list), key);
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) {
      Error(
          "/" + key + "/" + std::to_string(i),
          "each entry of '" + key + "' must be a string; got " + Shown(list[i]),
          key);
    }
  }
}

void ServerValidator::CheckStringMap(const json& object,
                                     const std::string& key) {
  if (!object.contains(key)) return;
  const json& map = object[key];
  if (!map.is_object()) {
    Error("/" + key,
          "'" + key + "' must be an object of strings; got " + Shown(map), key);
    return;
  }
  for (const auto& [name, value] : map.items()) {
    if (!value.is_string()) {
      Error("/" + key + "/" + JsonPointerToken(name),
            "'" + key + "' values must be strings; got " + Shown(value) +
                " for '" + name + "'",
            key);
    }
  }
}

void ServerValidator::NotHere(const json& object, const std::string& key,
                              const std::string& belongs,
                              const std::string& not_to) {
  if (object.contains(key)) {
    Error("/" + key,
          "'" + key + "' belongs to " + belongs + ", not to " + not_to, key);
  }
}

std::optional<json> ServerValidator::Run() {
  if (!server_.is_json) {
    sink_.Error(server_.declared_at,
                "MCP server dependency '" + server_.display +
                    "' must be a JSON file describing one server",
                "mcp-server.shape");
    return std::nullopt;
  }
  const json& value = server_.value;
  if (!value.is_object()) {
    Error("",
          "an MCP server must be a JSON object describing one server; got " +
              Shown(value),
          "shape");
    return std::nullopt;
  }
  if (value.contains("mcpServers")) {
    Error("/mcpServers",
          "this file holds a whole 'mcpServers' configuration, but an "
          "mcp-servers dependency describes one server: give each server a "
          "file of its own",
          "shape");
    return std::nullopt;
  }
  for (const auto& [key, member] : value.items()) {
    if (std::find(kServerKeys.begin(), kServerKeys.end(), key) !=
        kServerKeys.end())
      continue;
    std::string message = "unknown key '" + key + "' in an MCP server";
    if (std::optional<std::string> near = NearestName(key, kServerKeys))
      message += "; did you mean '" + *near + "'?";
    sink_.Warning(At("/" + JsonPointerToken(key)), message,
                  "mcp-server.unknown-key");
  }

  const char kLocal[] = "a server started by 'command'";
  const char kRemote[] = "a remote server (\"type\": \"http\" or \"sse\")";
  if (value.contains("command")) {
    const json& command = value["command"];
    if (!command.is_string() || command.get<std::string>().empty()) {
      Error("/command",
            "'command' must be a non-empty string (the program that starts "
            "the server); got " +
                Shown(command),
            "command");
    }
    CheckStringList(value, "args");
    CheckStringMap(value, "env");
    if (value.contains("type") && value["type"] != "stdio") {
      Error("/type",
            "'type' must be \"stdio\" for " + std::string(kLocal) + "; got " +
                Shown(value["type"]),
            "type");
    }
    NotHere(value, "url", kRemote, kLocal);
    NotHere(value, "headers", kRemote, kLocal);
  } else if (value.contains("type")) {
    const json& type = value["type"];
    if (type == "stdio") {
      Error("/type", "a \"stdio\" server needs a 'command'", "command");
    } else if (type != "http" && type != "sse") {
      Error("/type",
            "'type' must be \"http\" or \"sse\" for a remote server (or "
            "give 'command' for a local one); got " +
                Shown(type),
            "type");
    }
    if (!value.contains("url")) {
      Error("/type", "a remote server needs a 'url'", "url");
    } else if (!value["url"].is_string() ||
               value["url"].get<std::string>().empty()) {
      Error("/url",
            "'url' must be a non-empty string; got " + Shown(value["url"]),
            "url");
    }
    CheckStringMap(value, "headers");
    NotHere(value, "args", kLocal, "a remote server");
    NotHere(value, "env", kLocal, "a remote server");
  } else if (value.contains("url")) {
    Error("/url",
          "'url' needs a 'type' (\"http\" or \"sse\"); Claude Code rejects "
          "a server without one",
          "type");
  } else {
    Error("",
          "this JSON describes no MCP server: give 'command' (a local "
          "program) or 'type' and 'url' (a remote server)",
          "shape");
  }
  if (sink_.error_count() > errors_before_) return std::nullopt;
  json config = value;
  config.erase("agpm");  // AGPM's resource metadata, not Claude Code's
  return config;
}

}  // namespace

std::optional<nlohmann::json> ValidateMcpServer(
    const McpServerDependency& server, DiagnosticSink& sink) {
  return ServerValidator(server, sink).Run();
}

std::vector<McpServerDependency> McpServerDependencies(
    const RenderFiles& files) {
  std::vector<McpServerDependency> servers;
  for (const std::shared_ptr<const InputFile>& file : files) {
    for (const ResolvedDependency& dependency : file->dependencies) {
      if (dependency.entry.category != "mcp-servers" || !dependency.file)
        continue;
      const InputFile& json = *dependency.file;
      McpServerDependency server;
      server.name = dependency.entry.name ? *dependency.entry.name
                                          : StemOf(dependency.entry.path);
      server.path = json.path;
      server.display = json.display;
      server.relative = json.relative;
      server.bytes = json.bytes;
      server.is_json = json.kind == FileKind::kJson;
      server.value = json.json;
      server.declared_at = dependency.entry.where;
      servers.push_back(std::move(server));
    }
  }
  return servers;
}

}  // namespace agentgen
