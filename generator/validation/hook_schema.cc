// SPDX-License-Identifier: MIT
#include "validation/hook_schema.h"

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "base/nearest_name.h"
#include "validation/formats_data.h"
#include "validation/node_values.h"

namespace agentgen {
namespace {

constexpr char kEventsPage[] = "https://code.claude.com/docs/en/hooks";

// formats.toml's [hooks] and [agpm_hook], read once.
struct HookFormats {
  std::vector<std::string> events = FormatsList("hooks.events");
  std::vector<std::string> events_without_matcher =
      FormatsList("hooks.events_without_matcher");
  std::vector<std::string> events_with_every_type =
      FormatsList("hooks.events_with_every_type");
  std::vector<std::string> events_with_command_and_mcp_tool_only =
      FormatsList("hooks.events_with_command_and_mcp_tool_only");
  std::vector<std::string> types = FormatsList("hooks.types");
  std::vector<std::string> common_fields = FormatsList("hooks.common_fields");
  std::vector<std::string> shells = FormatsList("hooks.shells");
  std::map<std::string, std::string> value_kinds =
      FormatsMap("hooks.value_kinds");
  std::map<std::string, std::vector<std::string>> fields;
  std::map<std::string, std::vector<std::string>> required;
  std::vector<std::string> resource_required =
      FormatsList("agpm_hook.required");
  std::vector<std::string> resource_optional =
      FormatsList("agpm_hook.optional");
  std::vector<std::string> resource_metadata =
      FormatsList("agpm_hook.metadata");
  std::vector<std::string> resource_types = FormatsList("agpm_hook.types");

  HookFormats() {
    for (const std::string& type : types) {
      fields[type] = FormatsList("hooks.fields." + type);
      required[type] = FormatsList("hooks.required." + type);
    }
  }
};

const HookFormats& Formats() {
  static const HookFormats formats;
  return formats;
}

bool Contains(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// "an http handler", "a command handler".
std::string WithArticle(const std::string& word) {
  bool vowel = !word.empty() &&
               (std::string("aeiou").find(word[0]) != std::string::npos ||
                word.rfind("http", 0) == 0 || word.rfind("mcp", 0) == 0);
  return (vowel ? "an " : "a ") + word;
}

class HookChecker {
 public:
  HookChecker(const HookPlace& place, DiagnosticSink& sink)
      : place_(place),
        tree_{place.yaml_text, place.locate, place.json},
        sink_(sink),
        formats_(Formats()) {}

  void Hooks(const YamlNode& hooks);
  void Resource(const YamlNode& resource);

 private:
  std::string Rule(const std::string& field) const {
    return place_.rule_prefix + "." + field;
  }
  // Frontmatter hooks report every problem under one rule.
  std::string HooksRule() const { return Rule("hooks"); }
  Location ValueAt(const YamlNode& key, const YamlNode& value) const {
    return agentgen::ValueAt(tree_, key, value);
  }
  void Error(const Location& where, const std::string& message,
             const std::string& rule) {
    sink_.Error(where, message, rule);
  }
  void Warning(const Location& where, const std::string& message,
               const std::string& rule) {
    sink_.Warning(where, message, rule);
  }
  std::string Got(const YamlNode& node) const {
    return "; got " + Shown(node, place_.json);
  }

  bool EventName(const YamlNode& name, const std::string& rule);
  void Group(const YamlNode& group, const std::string& event);
  void Handler(const YamlNode& handler, const std::string& event);
  void HandlerField(const std::string& type, const YamlNode& key,
                    const YamlNode& value);
  void Value(const std::string& field, const std::string& kind,
             const YamlNode& key, const YamlNode& value,
             const std::string& rule);
  void UnknownKey(const YamlNode& key, const std::string& in,
                  const std::vector<std::string>& known,
                  const std::string& rule);

  const HookPlace& place_;
  TreePlace tree_;
  DiagnosticSink& sink_;
  const HookFormats& formats_;
};

void HookChecker::UnknownKey(const YamlNode& key, const std::string& in,
                             const std::vector<std::string>& known,
                             const std::string& rule) {
  std::optional<std::string> near = NearestName(key.scalar(), known);
  std::string message = "unknown key '" + key.scalar() + "' in " + in;
  if (near) message += "; did you mean '" + *near + "'?";
  ReportName(tree_, key, Severity::kWarning, message, near, rule, sink_);
}

// Whether `name` is an event Claude Code knows; reports it when not.
bool HookChecker::EventName(const YamlNode& name, const std::string& rule) {
  if (!name.IsScalar() || KindOf(name) != ValueKind::kString) {
    Error(place_.locate(name.offset()),
          "a hook event must be a name such as PreToolUse" + Got(name), rule);
    return false;
  }
  if (Contains(formats_.events, name.scalar())) return true;
  std::optional<std::string> near = NearestName(name.scalar(), formats_.events);
  std::string message = "unknown hook event '" + name.scalar() +
                        "' (Claude Code ignores the hooks of an event it "
                        "does not know)";
  message += near ? "; did you mean '" + *near + "'?"
                  : "; the events are listed at " + std::string(kEventsPage);
  ReportName(tree_, name, Severity::kError, message, near, rule, sink_);
  return false;
}

void HookChecker::Hooks(const YamlNode& hooks) {
  const std::string rule = HooksRule();
  if (!hooks.IsMap()) {
    Error(place_.key != nullptr ? ValueAt(*place_.key, hooks)
                                : place_.locate(hooks.offset()),
          "'hooks' must be " + MappingWord(place_.json) +
              " of hook events to lists of matcher groups ({Event: "
              "[{matcher, hooks: [handler, ...]}]})" +
              Got(hooks),
          rule);
    return;
  }
  for (const YamlNode::Entry& entry : hooks.entries()) {
    std::string event = EventName(*entry.key, rule) ? entry.key->scalar() : "";
    const YamlNode& groups = *entry.value;
    std::string name = entry.key->IsScalar() ? entry.key->scalar() : "";
    if (!groups.IsSequence()) {
      bool one_group =
          groups.IsMap() && MappingValue(groups, "hooks").IsDefined();
      Error(ValueAt(*entry.key, groups),
            "'" + name +
                "' must be a list of matcher groups ({matcher, hooks: "
                "[handler, ...]})" +
                Got(groups) +
                (one_group ? " (make this matcher group the list's one entry)"
                           : ""),
            rule);
      continue;
    }
    for (const YamlNode* group : groups.items()) Group(*group, event);
  }
}

void HookChecker::Group(const YamlNode& group, const std::string& event) {
  const std::string rule = HooksRule();
  std::string of = event.empty() ? "an event" : "'" + event + "'";
  if (!group.IsMap()) {
    Error(place_.locate(group.offset()),
          "each matcher group of " + of + " must be " +
              MappingWord(place_.json) +
              " with 'hooks' (a list of handlers) and an optional 'matcher'" +
              Got(group),
          rule);
    return;
  }
  const YamlNode& hooks = MappingValue(group, "hooks");
  if (!hooks.IsDefined()) {
    if (MappingValue(group, "type").IsDefined()) {
      Error(place_.locate(group.offset()),
            "this is a handler, but each entry of " + of +
                " is a matcher group: put the handler in the group's "
                "'hooks' list ({matcher, hooks: [handler]})",
            rule);
    } else {
      Error(place_.locate(group.offset()),
            "a matcher group needs 'hooks': the list of handlers to run", rule);
    }
    return;
  }
  for (const YamlNode::Entry& entry : group.entries()) {
    const std::string& key = entry.key->scalar();
    if (key == "hooks") continue;
    if (key != "matcher") {
      UnknownKey(*entry.key, "a matcher group", {"hooks", "matcher"}, rule);
      continue;
    }
    if (KindOf(*entry.value) != ValueKind::kString) {
      Error(ValueAt(*entry.key, *entry.value),
            "'matcher' must be a string (a name, names separated by '|', or "
            "a regular expression)" +
                Got(*entry.value),
            rule);
    } else if (Contains(formats_.events_without_matcher, event) &&
               // A subagent's Stop hooks run as SubagentStop, which matches.
               !(event == "Stop" && place_.owner == HookOwner::kAgent)) {
      Warning(place_.locate(entry.key->offset()),
              "'matcher' has no effect on " + event +
                  ": Claude Code runs its hooks on every occurrence",
              rule);
    }
  }
  if (!hooks.IsSequence()) {
    Error(ValueAt(group, hooks),
          "'hooks' must be a list of handlers" + Got(hooks), rule);
    return;
  }
  for (const YamlNode* handler : hooks.items()) Handler(*handler, event);
}

void HookChecker::Handler(const YamlNode& handler, const std::string& event) {
  const std::string rule = HooksRule();
  const std::vector<std::string>& types = formats_.types;
  if (!handler.IsMap()) {
    Error(place_.locate(handler.offset()),
          "each handler in 'hooks' must be " + MappingWord(place_.json) +
              " with a 'type' (" + OneOf(types) + ")" + Got(handler),
          rule);
    return;
  }
  const YamlNode& type_node = MappingValue(handler, "type");
  std::string type;
  if (!type_node.IsDefined()) {
    Error(place_.locate(handler.offset()),
          "a handler needs a 'type': " + OneOf(types), rule);
  } else if (KindOf(type_node) == ValueKind::kString &&
             Contains(types, type_node.scalar())) {
    type = type_node.scalar();
  } else {
    std::optional<std::string> near =
        type_node.IsScalar() ? NearestName(type_node.scalar(), types)
                             : std::nullopt;
    std::string message = "'type' must be " + OneOf(types) + Got(type_node);
    if (near) message += " (did you mean '" + *near + "'?)";
    ReportName(tree_, type_node, Severity::kError, message, near, rule, sink_);
  }

  for (const YamlNode::Entry& entry : handler.entries()) {
    if (entry.key->scalar() == "type") continue;
    HandlerField(type, *entry.key, *entry.value);
  }
  if (type.empty()) return;

  for (const std::string& field : formats_.required.at(type)) {
    if (!MappingValue(handler, field).IsDefined()) {
      Error(place_.locate(handler.offset()),
            WithArticle(type) + " handler needs '" + field + "'", rule);
    }
  }
  if (event.empty()) return;
  std::vector<std::string> runs = {"command", "http", "mcp_tool"};
  if (Contains(formats_.events_with_every_type, event)) {
    runs = types;
  } else if (Contains(formats_.events_with_command_and_mcp_tool_only, event)) {
    runs = {"command", "mcp_tool"};
  }
  if (!Contains(runs, type)) {
    Error(place_.locate(type_node.offset()),
          WithArticle(type) + " handler does not run on " + event +
              ", which runs " + OneOf(runs, " and ") + " handlers",
          rule);
  }
}

void HookChecker::HandlerField(const std::string& type, const YamlNode& key,
                               const YamlNode& value) {
  const std::string rule = HooksRule();
  const std::string& name = key.scalar();
  bool common = Contains(formats_.common_fields, name);
  bool own = !type.empty() && Contains(formats_.fields.at(type), name);
  std::vector<std::string> owners;
  for (const std::string& other : formats_.types) {
    if (Contains(formats_.fields.at(other), name)) owners.push_back(other);
  }
  if (!common && !own) {
    if (type.empty() && !owners.empty()) return;  // the type is reported
    if (!owners.empty()) {
      Warning(place_.locate(key.offset()),
              "'" + name + "' belongs to " + OneOf(owners, " and ") +
                  " handlers; Claude Code ignores it on " + WithArticle(type) +
                  " handler",
              rule);
      return;
    }
    std::vector<std::string> known = formats_.common_fields;
    known.push_back("type");
    if (!type.empty()) {
      const std::vector<std::string>& fields = formats_.fields.at(type);
      known.insert(known.end(), fields.begin(), fields.end());
    }
    UnknownKey(key, type.empty() ? "a handler" : WithArticle(type) + " handler",
               known, rule);
    return;
  }
  Value(name, formats_.value_kinds.at(name), key, value, rule);
  if (name == "once" && place_.owner != HookOwner::kSkill) {
    Warning(place_.locate(key.offset()),
            std::string("'once' counts only in a skill's hooks; Claude Code "
                        "ignores it in ") +
                (place_.owner == HookOwner::kAgent ? "a subagent's"
                                                   : "a settings file"),
            rule);
  }
}

// Checks `value` against a kind of formats.toml's hooks.value_kinds.
void HookChecker::Value(const std::string& field, const std::string& kind,
                        const YamlNode& key, const YamlNode& value,
                        const std::string& rule) {
  ValueKind is = KindOf(value);
  std::string must_be;
  if (kind == "text") {
    if (is == ValueKind::kString && !value.scalar().empty()) return;
    must_be = "a non-empty string";
  } else if (kind == "string") {
    if (is == ValueKind::kString) return;
    must_be = "a string";
  } else if (kind == "boolean") {
    if (is == ValueKind::kBoolean) return;
    must_be = "true or false";
  } else if (kind == "seconds") {
    std::optional<double> number = NumberOf(value);
    if (number && *number > 0) return;
    must_be = "a number of seconds above 0";
  } else if (kind == "shell") {
    if (is == ValueKind::kString && Contains(formats_.shells, value.scalar()))
      return;
    must_be = OneOf(formats_.shells);
  } else if (kind == "mapping") {
    if (is == ValueKind::kMapping) return;
    must_be = MappingWord(place_.json);
  } else if (kind == "strings" && is == ValueKind::kList) {
    for (const YamlNode* item : value.items()) {
      if (KindOf(*item) != ValueKind::kString) {
        Error(place_.locate(item->offset()),
              "each entry of '" + field + "' must be a string" + Got(*item),
              rule);
      }
    }
    return;
  } else if (kind == "strings") {
    must_be = "a list of strings";
  } else if (kind == "string-map" && is == ValueKind::kMapping) {
    for (const YamlNode::Entry& entry : value.entries()) {
      if (KindOf(*entry.value) != ValueKind::kString) {
        Error(ValueAt(*entry.key, *entry.value),
              "'" + field + "' values must be strings" + Got(*entry.value) +
                  " for '" + entry.key->scalar() + "'",
              rule);
      }
    }
    return;
  } else {  // string-map
    must_be = MappingWord(place_.json) + " of strings";
  }
  Error(ValueAt(key, value), "'" + field + "' must be " + must_be + Got(value),
        rule);
}

void HookChecker::Resource(const YamlNode& resource) {
  const Location start = place_.locate(resource.offset());
  if (!resource.IsMap()) {
    Error(start,
          "an AGPM hook resource must be an object with 'events', 'type' and "
          "'command'" +
              Got(resource),
          Rule("shape"));
    return;
  }
  if (!MappingValue(resource, "events").IsDefined() &&
      MappingValue(resource, "hooks").IsDefined()) {
    Error(start,
          "this file holds Claude Code hooks ({Event: [{matcher, hooks}]}), "
          "but an AGPM hook resource describes one hook: {\"events\": [...], "
          "\"type\": \"command\", \"command\": ...}",
          Rule("shape"));
    return;
  }
  std::vector<std::string> known = formats_.resource_required;
  known.insert(known.end(), formats_.resource_optional.begin(),
               formats_.resource_optional.end());
  known.insert(known.end(), formats_.resource_metadata.begin(),
               formats_.resource_metadata.end());
  for (const YamlNode::Entry& entry : resource.entries()) {
    const std::string& key = entry.key->scalar();
    const YamlNode& value = *entry.value;
    const std::string rule = Rule(key);
    if (!Contains(known, key)) {
      UnknownKey(*entry.key, "an AGPM hook resource", known,
                 Rule("unknown-key"));
    } else if (key == "events") {
      if (!value.IsSequence() || value.size() == 0) {
        Error(ValueAt(*entry.key, value),
              "'events' must be a non-empty list of Claude Code hook events" +
                  (value.IsSequence() ? "; got an empty list" : Got(value)),
              rule);
        continue;
      }
      for (const YamlNode* event : value.items()) EventName(*event, rule);
    } else if (key == "type") {
      if (KindOf(value) == ValueKind::kString &&
          Contains(formats_.resource_types, value.scalar()))
        continue;
      Error(ValueAt(*entry.key, value),
            "'type' must be \"command\" (the only hook type AGPM merges)" +
                Got(value),
            rule);
    } else if (key == "command") {
      Value(key, "text", *entry.key, value, rule);
    } else if (key == "matcher") {
      Value(key, "string", *entry.key, value, rule);
    } else if (key == "timeout" && !IsPositiveInteger(value)) {
      Error(ValueAt(*entry.key, value),
            "'timeout' must be a whole number of seconds above 0" + Got(value),
            rule);
    }
  }
  const std::map<std::string, std::string> meanings = {
      {"events", ": the Claude Code events it runs on"},
      {"type", ": \"command\""},
      {"command", ": the shell command to run"}};
  for (const std::string& field : formats_.resource_required) {
    if (MappingValue(resource, field).IsDefined()) continue;
    auto meaning = meanings.find(field);
    Error(start,
          "an AGPM hook resource needs '" + field + "'" +
              (meaning == meanings.end() ? "" : meaning->second),
          Rule(field));
  }
}

}  // namespace

void ValidateHooks(const YamlNode& hooks, const HookPlace& place,
                   DiagnosticSink& sink) {
  HookChecker(place, sink).Hooks(hooks);
}

void ValidateHookResource(const YamlNode& resource, const HookPlace& place,
                          DiagnosticSink& sink) {
  HookChecker(place, sink).Resource(resource);
}

}  // namespace agentgen
