// SPDX-License-Identifier: MIT
#include "sync/merge_targets.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "inputs/json_positions.h"
#include "inputs/json_tree.h"
#include "outputs/json_file.h"
#include "validation/hook_schema.h"

namespace agentgen {

namespace {

using nlohmann::json;

const char kMergeRule[] = "sync-merge";

// AGPM marks what it installs with `_agpm`; such a member is AGPM's alone.
bool IsAgpms(const json& member) {
  return member.is_object() && member.contains("_agpm");
}

// ---- Hook files ------------------------------------------------------------

// The hook of a resource ValidateHookResource accepted.
HookDefinition HookOfResource(const json& value) {
  HookDefinition definition;
  for (const json& event : value["events"])
    definition.events.push_back(event.get<std::string>());
  if (value.contains("matcher"))
    definition.matcher = value["matcher"].get<std::string>();
  definition.hook = {{"type", "command"}, {"command", value["command"]}};
  if (value.contains("timeout")) definition.hook["timeout"] = value["timeout"];
  return definition;
}

// ---- Merging ---------------------------------------------------------------

const char* MemberName(MergeKind kind) {
  switch (kind) {
    case MergeKind::kHooks:
      return "hooks";
    case MergeKind::kMcpServers:
      return "mcpServers";
    case MergeKind::kOpenCodeMcp:
      return "mcp";
  }
  return "";
}

// One merge: the parsed target, what changes, and where errors point.
struct Merge {
  const MergeRequest& request;
  DiagnosticSink& sink;
  json document;
  std::map<std::string, size_t> offsets;  // of request.existing
  MergeResult result;
  bool changed = false;

  Location At(const std::string& pointer) const {
    if (!request.existing) return Location{request.display, 0, 0, ""};
    auto offset = offsets.find(pointer);
    return LocateOffset(request.display, *request.existing,
                        offset == offsets.end() ? 0 : offset->second);
  }
  void Find(std::string kind, std::string member) {
    result.findings.push_back({std::move(kind), std::move(member)});
  }
};

// ---- MCP servers -----------------------------------------------------------

// Each key once: the same file reached twice is one server; two files
// under one key are a mistake to name, even when they say the same (which
// of them a reader should edit is then anyone's guess).
std::map<std::string, const WantedServer*> ChooseServers(Merge& merge) {
  std::map<std::string, const WantedServer*> chosen;
  for (const WantedServer& server : merge.request.servers) {
    auto [known, inserted] = chosen.emplace(server.key, &server);
    if (inserted || known->second->source == server.source) continue;
    merge.sink.Error(
        Location{server.source, 0, 0, ""},
        "MCP server key '" + server.key + "' in '" + merge.request.display +
            "' is claimed by two files, '" + known->second->source + "' and '" +
            server.source + "'; give one of them another key",
        kMergeRule);
  }
  return chosen;
}

// A wanted key that holds a server sync may not replace.
void CheckWantedKey(Merge& merge, const std::string& member,
                    const json& servers, const WantedServer& server) {
  auto current = servers.find(server.key);
  if (current == servers.end()) return;
  std::string pointer =
      "/" + JsonPointerToken(member) + "/" + JsonPointerToken(server.key);
  std::string name = member + "." + server.key;
  if (IsAgpms(*current)) {
    merge.sink.Error(
        merge.At(pointer),
        "'" + name +
            "' was written by 'agpm install' (it carries '_agpm'), "
            "and sync never changes AGPM's members; delete it from '" +
            merge.request.display + "' so that sync writes the server from '" +
            server.source + "', or give that server another key",
        kMergeRule);
  } else if (!merge.request.owned.servers.count(server.key) &&
             *current != server.config) {
    merge.sink.Error(merge.At(pointer),
                     "'" + name +
                         "' holds a server sync did not write, "
                         "different from the one in '" +
                         server.source +
                         "'; give that server another key, or delete '" + name +
                         "' from '" + merge.request.display +
                         "' so that sync writes its own",
                     kMergeRule);
  }
}

// One key, wanted or owned before: changes `servers` and says why.
void MergeServerKey(Merge& merge, const std::string& member, json& servers,
                    const std::string& key, const WantedServer* wanted) {
  const std::map<std::string, std::string>& owned = merge.request.owned.servers;
  auto recorded = owned.find(key);
  auto current = servers.find(key);
  bool present = current != servers.end();
  bool as_recorded = present && recorded != owned.end() &&
                     ServerDigest(*current) == recorded->second;
  std::string name = member + "." + key;
  if (!wanted) {
    // Owned before, wanted no more. Gone or AGPM's: forgotten. Edited by
    // hand: left to the user (and forgotten), as a hand-edited orphan is.
    if (!present || IsAgpms(*current)) return;
    merge.Find(as_recorded ? "stale" : "hand-edited", name);
    if (!as_recorded) return;
    servers.erase(key);
    merge.changed = true;
    return;
  }
  merge.result.owned.servers[key] = ServerDigest(wanted->config);
  if (present && *current == wanted->config) return;  // kept or adopted
  merge.Find(recorded == owned.end() ? "missing"
             : as_recorded           ? "stale"
                                     : "hand-edited",
             name);
  servers[key] = wanted->config;
  merge.changed = true;
}

bool MergeServers(Merge& merge) {
  std::string member = MemberName(merge.request.kind);
  int errors_before = merge.sink.error_count();
  std::map<std::string, const WantedServer*> wanted = ChooseServers(merge);
  json servers = merge.document.value(member, json::object());
  for (const auto& [key, server] : wanted)
    CheckWantedKey(merge, member, servers, *server);
  if (merge.sink.error_count() > errors_before) return false;

  std::set<std::string> keys;
  for (const auto& [key, digest] : merge.request.owned.servers)
    keys.insert(key);
  for (const auto& [key, server] : wanted) keys.insert(key);
  for (const std::string& key : keys) {
    auto server = wanted.find(key);
    MergeServerKey(merge, member, servers, key,
                   server == wanted.end() ? nullptr : server->second);
  }
  if (!merge.changed) return true;
  if (servers.empty())
    merge.document.erase(member);
  else
    merge.document[member] = std::move(servers);
  return true;
}

// ---- Hooks -----------------------------------------------------------------

std::optional<std::string> GroupMatcher(const json& group) {
  auto matcher = group.find("matcher");
  if (matcher == group.end() || !matcher->is_string()) return std::nullopt;
  return matcher->get<std::string>();
}

// `hooks.<event>` as Claude Code reads it: a list of groups, each an
// object with an optional string `matcher` and a list `hooks`.
bool CheckEventGroups(Merge& merge, const json& hooks,
                      const std::string& event) {
  auto groups = hooks.find(event);
  if (groups == hooks.end()) return true;
  std::string pointer = "/hooks/" + JsonPointerToken(event);
  std::string name = "hooks." + event;
  bool valid = groups->is_array();
  for (size_t i = 0; valid && i < groups->size(); ++i) {
    const json& group = (*groups)[i];
    valid = group.is_object() &&
            (!group.contains("matcher") || group["matcher"].is_string() ||
             group["matcher"].is_null()) &&
            (!group.contains("hooks") || group["hooks"].is_array());
    if (!valid) pointer += "/" + std::to_string(i);
  }
  if (!valid)
    merge.sink.Error(merge.At(pointer),
                     "'" + name +
                         "' must be a list of objects, each with an "
                         "optional string 'matcher' and a list 'hooks'",
                     kMergeRule);
  return valid;
}

// `hooks.PreToolUse[Bash]: ./check.sh`: where a person finds the object.
std::string HookMember(const OwnedHook& hook) {
  auto found = hook.hook.find("command");
  std::string command = found != hook.hook.end() && found->is_string()
                            ? found->get<std::string>()
                            : hook.hook.dump();
  return "hooks." + hook.event +
         (hook.matcher ? "[" + *hook.matcher + "]" : "") + ": " + command;
}

struct HookSpot {
  size_t group = 0;
  size_t index = 0;
};

// Where `hook` is: in any group of its event with its matcher.
std::optional<HookSpot> FindHook(const json& hooks, const OwnedHook& hook) {
  auto groups = hooks.find(hook.event);
  if (groups == hooks.end()) return std::nullopt;
  for (size_t g = 0; g < groups->size(); ++g) {
    const json& group = (*groups)[g];
    if (GroupMatcher(group) != hook.matcher || !group.contains("hooks"))
      continue;
    const json& objects = group["hooks"];
    for (size_t i = 0; i < objects.size(); ++i) {
      if (objects[i] == hook.hook) return HookSpot{g, i};
    }
  }
  return std::nullopt;
}

// Every (event, matcher, object) the hook files give, in AGPM's order, each
// once.
std::vector<OwnedHook> WantedHookObjects(const std::vector<WantedHook>& hooks) {
  std::vector<OwnedHook> objects;
  for (const WantedHook& wanted : hooks) {
    for (const std::string& event : wanted.definition.events) {
      OwnedHook object{event, wanted.definition.matcher,
                       wanted.definition.hook};
      if (std::find(objects.begin(), objects.end(), object) == objects.end())
        objects.push_back(std::move(object));
    }
  }
  return objects;
}

// Removes the owned objects sync no longer wants, then the groups, events
// and `hooks` that this left empty. An owned object still wanted stays
// where it is, so that an unchanged sync changes nothing; one no longer
// found was edited or removed by hand.
void RemoveUnwantedHooks(Merge& merge, json& hooks,
                         const std::vector<OwnedHook>& wanted) {
  std::set<std::pair<std::string, size_t>> emptied;
  for (const OwnedHook& owned : merge.request.owned.hooks) {
    std::optional<HookSpot> place = FindHook(hooks, owned);
    if (!place) {
      merge.Find("hand-edited", HookMember(owned));
      continue;
    }
    if (std::find(wanted.begin(), wanted.end(), owned) != wanted.end())
      continue;
    json& objects = hooks[owned.event][place->group]["hooks"];
    objects.erase(place->index);
    if (objects.empty()) emptied.insert({owned.event, place->group});
    merge.Find("stale", HookMember(owned));
    merge.changed = true;
  }
  // Backwards, so that the indices of groups still to erase hold.
  for (auto it = emptied.rbegin(); it != emptied.rend(); ++it) {
    json& groups = hooks[it->first];
    groups.erase(it->second);
    if (groups.empty()) hooks.erase(it->first);
  }
}

// Adds a wanted object that is not there yet to the first group with its
// matcher, else to a new group.
void AddHook(json& hooks, const OwnedHook& hook) {
  json& groups = hooks[hook.event];
  if (groups.is_null()) groups = json::array();
  for (json& group : groups) {
    if (GroupMatcher(group) == hook.matcher) {
      group["hooks"].push_back(hook.hook);
      return;
    }
  }
  json group = {{"hooks", json::array({hook.hook})}};
  if (hook.matcher) group["matcher"] = *hook.matcher;
  groups.push_back(std::move(group));
}

bool MergeHooks(Merge& merge) {
  json hooks = merge.document.value("hooks", json::object());
  std::vector<OwnedHook> wanted = WantedHookObjects(merge.request.hooks);
  bool valid = true;
  for (const OwnedHook& hook : merge.request.owned.hooks)
    valid = CheckEventGroups(merge, hooks, hook.event) && valid;
  for (const OwnedHook& hook : wanted)
    valid = CheckEventGroups(merge, hooks, hook.event) && valid;
  if (!valid) return false;

  RemoveUnwantedHooks(merge, hooks, wanted);
  const std::vector<OwnedHook>& owned_before = merge.request.owned.hooks;
  for (const OwnedHook& hook : wanted) {
    merge.result.owned.hooks.push_back(hook);
    if (FindHook(hooks, hook)) continue;  // kept or adopted
    // An owned object not found was reported as hand-edited above.
    if (std::find(owned_before.begin(), owned_before.end(), hook) ==
        owned_before.end())
      merge.Find("missing", HookMember(hook));
    AddHook(hooks, hook);
    merge.changed = true;
  }
  if (!merge.changed) return true;
  if (hooks.empty())
    merge.document.erase("hooks");
  else
    merge.document["hooks"] = std::move(hooks);
  return true;
}

}  // namespace

std::optional<HookDefinition> ReadHookDefinition(const nlohmann::json& value,
                                                 std::string_view text,
                                                 std::string_view display,
                                                 DiagnosticSink& sink) {
  // `agentgen check --type hook` checks a hook file the same way.
  Locator locate = [text, display](size_t offset) {
    return LocateOffset(display, text, offset);
  };
  std::optional<YamlDocument> tree = ReadJsonTree(text);
  if (!tree) {
    sink.Error(locate(0),
               "an AGPM hook resource must be a JSON file holding one object "
               "(nested at most 100 levels deep)",
               "hook.shape");
    return std::nullopt;
  }
  int errors_before = sink.error_count();
  HookPlace place{text, locate, "hook", HookOwner::kSettings, true};
  ValidateHookResource(tree->root(), place, sink);
  if (sink.error_count() > errors_before) return std::nullopt;
  return HookOfResource(value);
}

std::optional<MergeResult> MergeTarget(const MergeRequest& request,
                                       DiagnosticSink& sink) {
  std::optional<json> document =
      ReadJsonObjectFile(request.display, request.existing,
                         MemberName(request.kind), kMergeRule, sink);
  if (!document) return std::nullopt;
  Merge merge{request, sink, std::move(*document), {}, {}, false};
  if (request.existing) merge.offsets = JsonValueOffsets(*request.existing);
  bool merged = request.kind == MergeKind::kHooks ? MergeHooks(merge)
                                                  : MergeServers(merge);
  if (!merged) return std::nullopt;

  MergeResult& result = merge.result;
  result.owned.created = !request.existing || request.owned.created;
  if (!merge.changed) return std::move(result);
  if (request.existing && result.owned.created && merge.document.empty()) {
    result.remove = true;
    result.owned = MergedOwnership();
  } else {
    result.bytes = FormatJsonFile(merge.document);
  }
  return std::move(result);
}

}  // namespace agentgen
