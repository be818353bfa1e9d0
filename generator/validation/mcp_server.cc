// SPDX-License-Identifier: MIT
#include "validation/mcp_server.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "inputs/json_tree.h"
#include "validation/formats_data.h"
#include "validation/node_values.h"

namespace agentgen {
namespace {

using nlohmann::json;

// formats.toml's [mcp], read once.
struct McpFormats {
  std::vector<std::string> remote_types = FormatsList("mcp.remote_types");
  std::vector<std::string> types_without_oauth =
      FormatsList("mcp.types_without_oauth");
  std::vector<std::string> local_keys = FormatsList("mcp.local_keys");
  std::vector<std::string> remote_keys = FormatsList("mcp.remote_keys");
  std::vector<std::string> common_keys = FormatsList("mcp.common_keys");
  std::vector<std::string> oauth_keys = FormatsList("mcp.oauth_keys");
  double least_timeout_ms = std::stod(FormatsString("mcp.least_timeout_ms"));
};

const McpFormats& Formats() {
  static const McpFormats formats;
  return formats;
}

bool Contains(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// `"http", "sse" or "ws"`.
std::string Quoted(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  quoted.reserve(names.size());
  for (const std::string& name : names) quoted.push_back("\"" + name + "\"");
  return OneOf(quoted);
}

// Checks one server's configuration, in a dependency file or inline in an
// agent's frontmatter; the rules and messages are the same.
class ServerChecker {
 public:
  // `rule` is the one rule id of every inline diagnostic; empty for a file,
  // whose rules are `mcp-server.<key>`.
  ServerChecker(const TreePlace& place, std::string rule, DiagnosticSink& sink)
      : place_(place),
        rule_(std::move(rule)),
        sink_(sink),
        formats_(Formats()) {}

  void File(const YamlNode& root);
  void Server(const YamlNode& server, bool in_file);
  void InlineList(const YamlNode& servers);
  void Map(const YamlNode& servers);

 private:
  std::string Rule(const std::string& key) const {
    return rule_.empty() ? "mcp-server." + key : rule_;
  }
  void Error(const Location& where, const std::string& message,
             const std::string& key) {
    sink_.Error(where, message, Rule(key));
  }
  Location At(const YamlNode& node) const {
    return place_.locate(node.offset());
  }
  Location ValueAt(const YamlNode& key, const YamlNode& value) const {
    return agentgen::ValueAt(place_, key, value);
  }
  std::string Got(const YamlNode& node) const {
    return "; got " + Shown(node, place_.json);
  }
  // The key node of `key` in `map`, for locating it.
  static const YamlNode* KeyNode(const YamlNode& map, std::string_view key) {
    for (const YamlNode::Entry& entry : map.entries()) {
      if (entry.key->IsScalar() && entry.key->scalar() == key) return entry.key;
    }
    return nullptr;
  }
  void NonEmptyString(const YamlNode& server, const std::string& key,
                      const std::string& meaning);
  void StringList(const YamlNode& server, const std::string& key);
  void StringMap(const YamlNode& server, const std::string& key);
  void NotHere(const YamlNode& server, const std::string& key,
               const std::string& belongs, const std::string& not_to);
  void Remote(const YamlNode& server, const std::string& type);
  void Oauth(const YamlNode& key, const YamlNode& oauth);
  void Common(const YamlNode& server);

  const TreePlace& place_;
  std::string rule_;
  DiagnosticSink& sink_;
  const McpFormats& formats_;
};

void ServerChecker::NonEmptyString(const YamlNode& server,
                                   const std::string& key,
                                   const std::string& meaning) {
  const YamlNode* key_node = KeyNode(server, key);
  if (key_node == nullptr) return;
  const YamlNode& value = MappingValue(server, key);
  if (KindOf(value) == ValueKind::kString && !value.scalar().empty()) return;
  Error(ValueAt(*key_node, value),
        "'" + key + "' must be a non-empty string" + meaning + Got(value), key);
}

void ServerChecker::StringList(const YamlNode& server, const std::string& key) {
  const YamlNode* key_node = KeyNode(server, key);
  if (key_node == nullptr) return;
  const YamlNode& list = MappingValue(server, key);
  if (!list.IsSequence()) {
    Error(ValueAt(*key_node, list),
          "'" + key + "' must be a list of strings" + Got(list), key);
    return;
  }
  for (const YamlNode* item : list.items()) {
    if (KindOf(*item) != ValueKind::kString) {
      Error(At(*item),
            "each entry of '" + key + "' must be a string" + Got(*item), key);
    }
  }
}

void ServerChecker::StringMap(const YamlNode& server, const std::string& key) {
  const YamlNode* key_node = KeyNode(server, key);
  if (key_node == nullptr) return;
  const YamlNode& map = MappingValue(server, key);
  if (!map.IsMap()) {
    Error(ValueAt(*key_node, map),
          "'" + key + "' must be " + MappingWord(place_.json) + " of strings" +
              Got(map),
          key);
    return;
  }
  for (const YamlNode::Entry& entry : map.entries()) {
    if (KindOf(*entry.value) != ValueKind::kString) {
      Error(ValueAt(*entry.key, *entry.value),
            "'" + key + "' values must be strings" + Got(*entry.value) +
                " for '" + entry.key->scalar() + "'",
            key);
    }
  }
}

void ServerChecker::NotHere(const YamlNode& server, const std::string& key,
                            const std::string& belongs,
                            const std::string& not_to) {
  if (const YamlNode* key_node = KeyNode(server, key)) {
    Error(At(*key_node),
          "'" + key + "' belongs to " + belongs + ", not to " + not_to, key);
  }
}

void ServerChecker::File(const YamlNode& root) {
  if (!root.IsMap()) {
    Error(
        At(root),
        "an MCP server must be a JSON object describing one server" + Got(root),
        "shape");
    return;
  }
  if (const YamlNode* wrapper = KeyNode(root, "mcpServers")) {
    Error(At(*wrapper),
          "this file holds a whole 'mcpServers' configuration, but an "
          "mcp-servers dependency describes one server: give each server a "
          "file of its own",
          "shape");
    return;
  }
  Server(root, true);
}

void ServerChecker::Server(const YamlNode& server, bool in_file) {
  std::vector<std::string> known = formats_.local_keys;
  for (const auto* list : {&formats_.remote_keys, &formats_.common_keys})
    known.insert(known.end(), list->begin(), list->end());
  for (const YamlNode::Entry& entry : server.entries()) {
    const std::string& key = entry.key->scalar();
    // AGPM's metadata and the render's dependencies are a file's own.
    if (Contains(known, key) ||
        (in_file && (key == "agpm" || key == "dependencies")))
      continue;
    std::optional<std::string> near = NearestName(key, known);
    std::string message = "unknown key '" + key + "' in an MCP server";
    if (near) message += "; did you mean '" + *near + "'?";
    ReportName(place_, *entry.key, Severity::kWarning, message, near,
               Rule("unknown-key"), sink_);
  }

  const std::string remote =
      "a remote server (\"type\": " + Quoted({"http", "sse", "ws"}) + ")";
  const std::string local = "a server started by 'command'";
  const YamlNode* type_key = KeyNode(server, "type");
  const YamlNode& type = MappingValue(server, "type");
  if (KeyNode(server, "command") != nullptr) {
    NonEmptyString(server, "command", " (the program that starts the server)");
    StringList(server, "args");
    StringMap(server, "env");
    if (type_key != nullptr &&
        !(KindOf(type) == ValueKind::kString && type.scalar() == "stdio")) {
      Error(At(*type_key), "'type' must be \"stdio\" for " + local + Got(type),
            "type");
    }
    for (const std::string& key : formats_.remote_keys)
      NotHere(server, key, remote, local);
  } else if (type_key != nullptr) {
    if (KindOf(type) == ValueKind::kString && type.scalar() == "stdio") {
      Error(At(*type_key), "a \"stdio\" server needs a 'command'", "command");
    } else if (KindOf(type) == ValueKind::kString &&
               Contains(formats_.remote_types, type.scalar())) {
      Remote(server, type.scalar());
    } else {
      std::optional<std::string> near =
          type.IsScalar() ? NearestName(type.scalar(), formats_.remote_types)
                          : std::nullopt;
      std::string message = "'type' must be " + Quoted(formats_.remote_types) +
                            " for a remote server (or give 'command' for a "
                            "local one)" +
                            Got(type);
      if (near) {
        // The suggestion replaces the value, so the diagnostic spans it.
        message += " (did you mean '" + *near + "'?)";
        ReportName(place_, type, Severity::kError, message, near, Rule("type"),
                   sink_);
      } else {
        Error(ValueAt(*type_key, type), message, "type");
      }
      Remote(server, "");
    }
  } else if (const YamlNode* url = KeyNode(server, "url")) {
    Error(At(*url),
          "'url' needs a 'type' (" + Quoted({"http", "sse", "ws"}) +
              "): Claude Code reads a server without one as a local server "
              "and skips it",
          "type");
  } else {
    Error(At(server),
          "this " + std::string(place_.json ? "JSON" : "configuration") +
              " describes no MCP server: give 'command' (a local program) or "
              "'type' and 'url' (a remote server)",
          "shape");
  }
  Common(server);
}

// A remote server of `type` (empty when the type is wrong, reported).
void ServerChecker::Remote(const YamlNode& server, const std::string& type) {
  const YamlNode* url_key = KeyNode(server, "url");
  const YamlNode& url = MappingValue(server, "url");
  if (url_key == nullptr) {
    Error(At(*KeyNode(server, "type")), "a remote server needs a 'url'", "url");
  } else if (KindOf(url) != ValueKind::kString) {
    Error(ValueAt(*url_key, url), "'url' must be a string" + Got(url), "url");
  } else if (url.scalar().empty()) {
    sink_.Warning(ValueAt(*url_key, url),
                  "'url' is empty: Claude Code lists the server as not "
                  "configured and does not connect to it",
                  Rule("url"));
  }
  StringMap(server, "headers");
  NonEmptyString(server, "headersHelper",
                 " (a command that prints the headers as JSON)");
  if (const YamlNode* oauth = KeyNode(server, "oauth")) {
    if (Contains(formats_.types_without_oauth, type)) {
      Error(At(*oauth),
            "'oauth' belongs to an \"http\" or \"sse\" server, not to a \"" +
                type +
                "\" one (it authenticates by 'headers' or 'headersHelper')",
            "oauth");
    } else {
      Oauth(*oauth, MappingValue(server, "oauth"));
    }
  }
  const std::string local = "a server started by 'command'";
  NotHere(server, "args", local, "a remote server");
  NotHere(server, "env", local, "a remote server");
}

void ServerChecker::Oauth(const YamlNode& key, const YamlNode& oauth) {
  if (!oauth.IsMap()) {
    Error(ValueAt(key, oauth),
          "'oauth' must be " + MappingWord(place_.json) + Got(oauth), "oauth");
    return;
  }
  for (const YamlNode::Entry& entry : oauth.entries()) {
    const std::string& name = entry.key->scalar();
    const YamlNode& value = *entry.value;
    if (!Contains(formats_.oauth_keys, name)) {
      std::optional<std::string> near = NearestName(name, formats_.oauth_keys);
      std::string message = "unknown key '" + name + "' in 'oauth'";
      if (near) message += "; did you mean '" + *near + "'?";
      ReportName(place_, *entry.key, Severity::kWarning, message, near,
                 Rule("unknown-key"), sink_);
    } else if (name == "callbackPort" ? !IsPositiveInteger(value)
                                      : KindOf(value) != ValueKind::kString) {
      Error(ValueAt(*entry.key, value),
            "'oauth." + name + "' must be " +
                (name == "callbackPort" ? "a port number" : "a string") +
                Got(value),
            "oauth");
    }
  }
}

// `timeout` and `alwaysLoad`, which any server may have.
void ServerChecker::Common(const YamlNode& server) {
  if (const YamlNode* key = KeyNode(server, "timeout")) {
    const YamlNode& value = MappingValue(server, "timeout");
    std::optional<double> timeout = NumberOf(value);
    if (!timeout) {
      Error(ValueAt(*key, value),
            "'timeout' must be a number of milliseconds" + Got(value),
            "timeout");
    } else if (*timeout < formats_.least_timeout_ms) {
      sink_.Warning(ValueAt(*key, value),
                    "'timeout' is in milliseconds, and Claude Code ignores "
                    "one below 1000" +
                        Got(value),
                    Rule("timeout"));
    }
  }
  if (const YamlNode* key = KeyNode(server, "alwaysLoad")) {
    const YamlNode& value = MappingValue(server, "alwaysLoad");
    if (KindOf(value) != ValueKind::kBoolean) {
      Error(ValueAt(*key, value),
            "'alwaysLoad' must be true or false" + Got(value), "alwaysLoad");
    }
  }
}

void ServerChecker::Map(const YamlNode& servers) {
  if (!servers.IsMap()) {
    Error(At(servers),
          "the MCP servers must be " + MappingWord(place_.json) +
              " of server names to configurations" + Got(servers),
          "mcpServers");
    return;
  }
  for (const YamlNode::Entry& entry : servers.entries()) {
    if (entry.value->IsMap()) {
      Server(*entry.value, false);
      continue;
    }
    Error(ValueAt(*entry.key, *entry.value),
          "the configuration of server '" + entry.key->scalar() + "' must be " +
              MappingWord(place_.json) + Got(*entry.value),
          "mcpServers");
  }
}

void ServerChecker::InlineList(const YamlNode& servers) {
  const std::string entry_must_be =
      "a server name or a {name: configuration} mapping";
  if (!servers.IsSequence()) {
    Error(At(servers),
          "'mcpServers' must be a list, each entry " + entry_must_be +
              Got(servers),
          "mcpServers");
    return;
  }
  for (const YamlNode* item : servers.items()) {
    if (item->IsMap()) {
      for (const YamlNode::Entry& entry : item->entries()) {
        const YamlNode& config = *entry.value;
        if (config.IsMap()) {
          Server(config, false);
          continue;
        }
        const std::string& name = entry.key->scalar();
        bool flattened = Contains(formats_.local_keys, name) ||
                         Contains(formats_.remote_keys, name) ||
                         Contains(formats_.common_keys, name);
        Error(ValueAt(*entry.key, config),
              "the configuration of server '" + name + "' must be a mapping" +
                  Got(config) +
                  (flattened ? " (write the server's name as the key and its "
                               "configuration indented below it)"
                             : ""),
              "mcpServers");
      }
    } else if (KindOf(*item) != ValueKind::kString || item->scalar().empty()) {
      Error(At(item->IsNull() ? servers : *item),
            "each entry of 'mcpServers' must be " + entry_must_be + Got(*item),
            "mcpServers");
    }
  }
}

}  // namespace

std::optional<nlohmann::json> ValidateMcpServer(
    const McpServerDependency& server, DiagnosticSink& sink) {
  if (!server.is_json) {
    sink.Error(server.declared_at,
               "MCP server dependency '" + server.display +
                   "' must be a JSON file describing one server",
               "mcp-server.shape");
    return std::nullopt;
  }
  Locator locate = [&server](size_t offset) {
    return LocateOffset(server.display, server.bytes, offset);
  };
  std::optional<YamlDocument> tree = ReadJsonTree(server.bytes);
  if (!tree) {
    sink.Error(locate(0),
               "an MCP server file must hold JSON nested at most "
               "100 levels deep",
               "mcp-server.shape");
    return std::nullopt;
  }
  int errors_before = sink.error_count();
  TreePlace place{server.bytes, locate, true};
  ServerChecker(place, "", sink).File(tree->root());
  if (sink.error_count() > errors_before) return std::nullopt;
  json config = server.value;
  config.erase("agpm");  // AGPM's resource metadata, not Claude Code's
  return config;
}

void ValidateInlineMcpServers(const YamlNode& servers,
                              const McpServersPlace& place,
                              DiagnosticSink& sink) {
  TreePlace tree{place.yaml_text, place.locate, false};
  ServerChecker(tree, place.rule_prefix + ".mcpServers", sink)
      .InlineList(servers);
}

void ValidateMcpServerMap(const YamlNode& servers, const McpServersPlace& place,
                          DiagnosticSink& sink) {
  TreePlace tree{place.yaml_text, place.locate, true};
  ServerChecker(tree, place.rule_prefix + ".mcpServers", sink).Map(servers);
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
