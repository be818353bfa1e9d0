// SPDX-License-Identifier: MIT
#include "sync/plugin_layout.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/nearest_name.h"
#include "base/toml.h"
#include "inputs/project.h"
#include "validation/plugin_json.h"

namespace agentgen {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

enum class Shape { kString, kBool, kTable, kList, kStringList, kPerson };

struct Field {
  const char* name;
  Shape shape;
};

// The `plugin.json` fields a plugin table may set, and their shapes.
const std::vector<Field>& PluginFields() {
  static const std::vector<Field> fields = {
      {"$schema", Shape::kString},      {"displayName", Shape::kString},
      {"version", Shape::kString},      {"description", Shape::kString},
      {"author", Shape::kPerson},       {"homepage", Shape::kString},
      {"repository", Shape::kString},   {"license", Shape::kString},
      {"keywords", Shape::kStringList}, {"metadata", Shape::kTable},
      {"defaultEnabled", Shape::kBool}, {"userConfig", Shape::kTable},
      {"channels", Shape::kList},       {"dependencies", Shape::kList},
  };
  return fields;
}

// The fields a marketplace entry repeats from its plugin, so a listing
// shows them; the rest are only in `plugin.json`.
bool IsListedField(std::string_view name) {
  return name == "description" || name == "version" || name == "author" ||
         name == "homepage" || name == "repository" || name == "license" ||
         name == "keywords";
}

const std::vector<Field>& ListingFields() {
  static const std::vector<Field> fields = {{"category", Shape::kString},
                                            {"tags", Shape::kStringList}};
  return fields;
}

const std::vector<Field>& MarketplaceFields() {
  static const std::vector<Field> fields = {
      {"$schema", Shape::kString}, {"name", Shape::kString},
      {"owner", Shape::kPerson},   {"description", Shape::kString},
      {"version", Shape::kString}, {"metadata", Shape::kTable},
      {"renames", Shape::kTable},
  };
  return fields;
}

// Keys `plugin.json` has that the layout never writes, and why.
std::optional<std::string> RefusedPluginKey(std::string_view name) {
  static const std::set<std::string, std::less<>> overrides = {
      "commands",   "agents",       "skills",    "hooks",       "mcpServers",
      "lspServers", "outputStyles", "workflows", "experimental"};
  if (overrides.count(name)) {
    return "'" + std::string(name) +
           "' is a path override, which the plugin layout never writes: it "
           "uses the default folders (docs/plugins.md)";
  }
  if (name == "name")
    return std::string("'name' is the table's key ([plugins.<name>])");
  if (name == "source")
    return std::string("'source' is the layout's: './plugins/<name>'");
  if (name == "strict") {
    return std::string(
        "'strict' is not set: every plugin of the layout has its "
        "plugin.json");
  }
  return std::nullopt;
}

const char* ShapeText(Shape shape) {
  switch (shape) {
    case Shape::kString:
      return "a string";
    case Shape::kBool:
      return "true or false";
    case Shape::kTable:
      return "a table";
    case Shape::kList:
      return "a list";
    case Shape::kStringList:
      return "a list of strings";
    case Shape::kPerson:
      return "a table with a string 'name' and optional 'email' and 'url'";
  }
  return "";
}

// The keys of `table` in the order the text writes them.
std::vector<std::pair<const toml::key*, const toml::node*>> InWrittenOrder(
    const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> keys;
  for (const auto& [key, node] : table) keys.emplace_back(&key, &node);
  std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    const toml::source_position& x = a.first->source().begin;
    const toml::source_position& y = b.first->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return keys;
}

class TableReader {
 public:
  TableReader(std::string_view text, std::string_view display,
              DiagnosticSink& sink)
      : text_(text), display_(display), lines_(display, text), sink_(sink) {}

  std::optional<PluginTables> Read() {
    toml::table document;
    try {
      document = toml::parse(text_, display_);
    } catch (const toml::parse_error& error) {
      sink_.Error(LocateLineColumn(display_, text_, error.source().begin),
                  std::string(error.description()), "plugin.toml");
      return std::nullopt;
    }
    const int errors = sink_.error_count();
    PluginTables tables;
    if (const toml::node* plugins = document.get("plugins")) {
      if (!plugins->is_table()) {
        sink_.Error(At(*plugins),
                    "'plugins' must be a table of plugin tables "
                    "([plugins.<name>])",
                    "plugin.table");
      } else {
        for (const auto& [key, value] : *plugins->as_table())
          ReadPlugin(key, value, &tables);
      }
    }
    if (const toml::node* marketplace = document.get("marketplace"))
      ReadMarketplace(*marketplace, &tables);
    if (sink_.error_count() > errors) return std::nullopt;
    return tables;
  }

 private:
  Location At(const toml::source_position& position) const {
    return lines_.Locate(position.line, position.column);
  }
  Location At(const toml::node& node) const { return At(node.source().begin); }
  Location At(const toml::key& key) const { return At(key.source().begin); }

  // `node` as JSON with every table's keys in written order.
  ordered_json Ordered(const toml::node& node, bool* ok) {
    if (const toml::table* table = node.as_table()) {
      ordered_json object = ordered_json::object();
      for (const auto& [key, value] : InWrittenOrder(*table))
        object[std::string(key->str())] = Ordered(*value, ok);
      return object;
    }
    if (const toml::array* array = node.as_array()) {
      ordered_json list = ordered_json::array();
      for (const toml::node& item : *array) list.push_back(Ordered(item, ok));
      return list;
    }
    return ordered_json(TomlToJson(node, text_, display_, sink_, ok));
  }

  bool HasShape(const toml::node& node, Shape shape) {
    switch (shape) {
      case Shape::kString:
        return node.is_string();
      case Shape::kBool:
        return node.is_boolean();
      case Shape::kTable:
        return node.is_table();
      case Shape::kList:
        return node.is_array();
      case Shape::kStringList:
        if (!node.is_array()) return false;
        for (const toml::node& item : *node.as_array())
          if (!item.is_string()) return false;
        return true;
      case Shape::kPerson: {
        const toml::table* table = node.as_table();
        if (!table || !table->get("name") || !table->get("name")->is_string())
          return false;
        for (const auto& [key, value] : *table) {
          if ((key.str() != "name" && key.str() != "email" &&
               key.str() != "url") ||
              !value.is_string())
            return false;
        }
        return true;
      }
    }
    return false;
  }

  // Checks `value` of the field `key` of table `what` against `shape` and
  // stores it in `*out`.
  void Take(const toml::key& key, const toml::node& value, Shape shape,
            const std::string& what, ordered_json* out) {
    if (!HasShape(value, shape)) {
      sink_.Error(At(value),
                  "'" + std::string(key.str()) + "' of " + what + " must be " +
                      ShapeText(shape),
                  "plugin.field");
      return;
    }
    bool ok = true;
    ordered_json converted = Ordered(value, &ok);
    if (ok) (*out)[std::string(key.str())] = std::move(converted);
  }

  void Unknown(const toml::key& key, const std::string& what,
               const std::vector<std::string>& names) {
    std::string name(key.str());
    std::optional<std::string> near = NearestName(name, names);
    std::string list;
    for (const std::string& known : names)
      list += (list.empty() ? "" : ", ") + known;
    Diagnostic diagnostic;
    diagnostic.severity = Severity::kError;
    diagnostic.where = At(key);
    diagnostic.message =
        "'" + name + "' is not a key of " + what + "; " +
        (near ? "did you mean '" + *near + "'?" : "keys: " + list);
    diagnostic.rule = "plugin.unknown-key";
    if (near) {
      diagnostic.end = At(key.source().end);
      diagnostic.replacement = *near;
    }
    sink_.Report(std::move(diagnostic));
  }

  void ReadPlugin(const toml::key& key, const toml::node& value,
                  PluginTables* tables) {
    PluginTable plugin;
    plugin.name = std::string(key.str());
    plugin.at = At(key);
    const std::string what = "[plugins." + plugin.name + "]";
    if (!IsKebabCase(plugin.name)) {
      sink_.Error(plugin.at,
                  "the plugin name '" + plugin.name +
                      "' is not kebab-case (lower-case letters and digits, "
                      "words joined by '-'), as Claude Code wants it",
                  "plugin.name");
    }
    const toml::table* table = value.as_table();
    if (!table) {
      sink_.Error(At(value), "'" + what + "' must be a table", "plugin.table");
      return;
    }
    std::vector<std::string> names = {"from", "entries"};
    for (const Field& field : PluginFields()) names.push_back(field.name);
    for (const Field& field : ListingFields()) names.push_back(field.name);
    std::sort(names.begin(), names.end());
    for (const auto& [field_key, field_value] : InWrittenOrder(*table)) {
      const std::string name(field_key->str());
      if (name == "from") {
        if (!field_value->is_string()) {
          sink_.Error(At(*field_value),
                      "'from' of " + what + " must be a folder (a string)",
                      "plugin.from");
          continue;
        }
        plugin.from = field_value->value<std::string>();
        plugin.from_at = At(*field_value);
        continue;
      }
      if (name == "entries") {
        plugin.entries_at = At(*field_key);
        ReadEntries(*field_value, what, &plugin);
        continue;
      }
      if (std::optional<std::string> refused = RefusedPluginKey(name)) {
        sink_.Error(At(*field_key), *refused, "plugin.field");
        continue;
      }
      auto is = [&](const Field& field) { return name == field.name; };
      auto plugin_field =
          std::find_if(PluginFields().begin(), PluginFields().end(), is);
      if (plugin_field != PluginFields().end()) {
        Take(*field_key, *field_value, plugin_field->shape, what,
             &plugin.fields);
        continue;
      }
      auto listing_field =
          std::find_if(ListingFields().begin(), ListingFields().end(), is);
      if (listing_field != ListingFields().end()) {
        Take(*field_key, *field_value, listing_field->shape, what,
             &plugin.listing);
        continue;
      }
      Unknown(*field_key, what, names);
    }
    tables->plugins.push_back(std::move(plugin));
  }

  void ReadEntries(const toml::node& value, const std::string& what,
                   PluginTable* plugin) {
    plugin->has_entries = true;
    const toml::array* list = value.as_array();
    bool ok = list != nullptr;
    if (list) {
      for (const toml::node& item : *list) ok = ok && item.is_string();
    }
    if (!ok) {
      sink_.Error(At(value),
                  "'entries' of " + what +
                      " must be a list of manifest entries: "
                      "\"<section>.<key>\", \"<section>.*\" or \"*\"",
                  "plugin.entries");
      return;
    }
    for (const toml::node& item : *list)
      plugin->entries.emplace_back(*item.value<std::string>(), At(item));
  }

  void ReadMarketplace(const toml::node& node, PluginTables* tables) {
    const toml::table* table = node.as_table();
    if (!table) {
      sink_.Error(At(node), "'marketplace' must be a table ([marketplace])",
                  "marketplace.table");
      return;
    }
    MarketplaceTable marketplace;
    marketplace.at = At(node);
    std::vector<std::string> names;
    for (const Field& field : MarketplaceFields()) names.push_back(field.name);
    std::sort(names.begin(), names.end());
    for (const auto& [key, value] : InWrittenOrder(*table)) {
      const std::string name(key->str());
      auto field =
          std::find_if(MarketplaceFields().begin(), MarketplaceFields().end(),
                       [&](const Field& known) { return name == known.name; });
      if (field == MarketplaceFields().end()) {
        Unknown(*key, "[marketplace]", names);
        continue;
      }
      Take(*key, *value, field->shape, "[marketplace]", &marketplace.fields);
    }
    if (!table->get("name")) {
      sink_.Error(marketplace.at, "[marketplace] needs a 'name'",
                  "marketplace.name");
    } else if (marketplace.fields.contains("name") &&
               !IsKebabCase(marketplace.fields["name"].get<std::string>())) {
      sink_.Error(At(*table->get("name")),
                  "the marketplace name '" +
                      marketplace.fields["name"].get<std::string>() +
                      "' is not kebab-case, as Claude Code wants it",
                  "marketplace.name");
    }
    if (!table->get("owner")) {
      sink_.Error(marketplace.at,
                  "[marketplace] needs an 'owner' (owner = { name = \"...\" })",
                  "marketplace.owner");
    }
    tables->marketplace = std::move(marketplace);
  }

  std::string_view text_;
  std::string display_;
  LineIndex lines_;
  DiagnosticSink& sink_;
};

std::string OrderedJsonFile(const ordered_json& value) {
  return value.dump(2) + "\n";
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// The top-level key a frontmatter line starts, or empty.
std::string_view TopLevelKey(std::string_view line) {
  if (line.empty() || IsSpace(line[0]) || line[0] == '#' || line[0] == '-')
    return {};
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view key = line.substr(0, colon);
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
      key.back() == key.front())
    key = key.substr(1, key.size() - 2);
  return key;
}

}  // namespace

std::optional<PluginTables> ReadPluginTables(std::string_view text,
                                             std::string_view display,
                                             DiagnosticSink& sink) {
  return TableReader(text, display, sink).Read();
}

std::string PluginJsonText(const PluginTable& plugin) {
  ordered_json out = ordered_json::object();
  out["name"] = plugin.name;
  for (const auto& [key, value] : plugin.fields.items()) out[key] = value;
  return OrderedJsonFile(out);
}

std::string MarketplaceJsonText(const MarketplaceTable& marketplace,
                                const std::vector<PluginTable>& plugins) {
  ordered_json out = ordered_json::object();
  for (const auto& [key, value] : marketplace.fields.items()) out[key] = value;
  ordered_json list = ordered_json::array();
  for (const PluginTable& plugin : plugins) {
    ordered_json entry = ordered_json::object();
    entry["name"] = plugin.name;
    for (const auto& [key, value] : plugin.fields.items())
      if (IsListedField(key)) entry[key] = value;
    entry["source"] = "./plugins/" + plugin.name;
    for (const auto& [key, value] : plugin.listing.items()) entry[key] = value;
    list.push_back(std::move(entry));
  }
  out["plugins"] = std::move(list);
  return OrderedJsonFile(out);
}

std::string HooksJsonText(const std::vector<WantedHook>& hooks) {
  // Written in the order Claude Code's documentation writes a hook: a
  // group's `matcher` before its `hooks`, a hook's `type` and `command`
  // first.
  ordered_json events = ordered_json::object();
  for (const WantedHook& wanted : hooks) {
    const HookDefinition& hook = wanted.definition;
    ordered_json object = ordered_json::object();
    for (const char* key : {"type", "command"})
      if (hook.hook.contains(key)) object[key] = hook.hook[key];
    for (const auto& [key, value] : hook.hook.items())
      if (!object.contains(key)) object[key] = value;
    for (const std::string& event : hook.events) {
      ordered_json& groups = events[event];
      if (groups.is_null()) groups = ordered_json::array();
      ordered_json* group = nullptr;
      for (ordered_json& existing : groups) {
        bool same = hook.matcher ? existing.contains("matcher") &&
                                       existing["matcher"] == *hook.matcher
                                 : !existing.contains("matcher");
        if (same) group = &existing;
      }
      if (!group) {
        ordered_json made = ordered_json::object();
        if (hook.matcher) made["matcher"] = *hook.matcher;
        made["hooks"] = ordered_json::array();
        groups.push_back(std::move(made));
        group = &groups.back();
      }
      (*group)["hooks"].push_back(object);
    }
  }
  ordered_json out = ordered_json::object();
  out["hooks"] = std::move(events);
  return OrderedJsonFile(out);
}

std::string McpJsonText(const std::vector<WantedServer>& servers) {
  json out = json::object();
  for (const WantedServer& server : servers)
    out["mcpServers"][server.key] = server.config;
  return out.dump(2) + "\n";
}

bool IsIgnoredPluginAgentKey(std::string_view key) {
  return key == "hooks" || key == "mcpServers" || key == "permissionMode";
}

std::string WithoutPluginKeys(std::string_view rendered, bool agent,
                              std::vector<std::string>* removed) {
  if (rendered.substr(0, 4) != "---\n" && rendered.substr(0, 5) != "---\r\n")
    return std::string(rendered);
  std::string out;
  size_t at = rendered.find('\n') + 1;
  out.append(rendered.substr(0, at));
  bool dropping = false;
  while (at < rendered.size()) {
    size_t end = rendered.find('\n', at);
    size_t next = end == std::string_view::npos ? rendered.size() : end + 1;
    std::string_view line = rendered.substr(at, next - at);
    std::string_view bare = line;
    while (!bare.empty() && (bare.back() == '\n' || bare.back() == '\r'))
      bare.remove_suffix(1);
    if (bare == "---") {
      out.append(rendered.substr(at));
      return out;
    }
    std::string_view key = TopLevelKey(bare);
    if (!key.empty()) {
      dropping = key == "dependencies" || key == "agpm" ||
                 (agent && IsIgnoredPluginAgentKey(key));
      if (dropping) removed->emplace_back(key);
    } else if (dropping && !bare.empty() && !IsSpace(bare[0]) &&
               bare[0] != '-' && bare[0] != '#') {
      dropping = false;
    }
    // A value's lines (indented, list items, blank) go with their key.
    if (!dropping) out.append(line);
    at = next;
  }
  return std::string(rendered);  // no closing `---`: not frontmatter
}

std::string RewriteScriptPaths(
    std::string_view command, bool shell,
    const std::map<std::string, std::string>& scripts,
    const std::function<bool(const std::string&)>& is_project_file,
    std::vector<std::string>* project_paths) {
  std::string out;
  size_t at = 0;
  while (at < command.size()) {
    if (command[at] == ' ') {
      out += ' ';
      ++at;
      continue;
    }
    size_t end = command.find(' ', at);
    if (end == std::string_view::npos) end = command.size();
    std::string_view word = command.substr(at, end - at);
    at = end;
    std::string_view path = word;
    if (path.size() >= 2 && (path.front() == '"' || path.front() == '\'') &&
        path.back() == path.front())
      path = path.substr(1, path.size() - 2);
    if (path.substr(0, 2) == "./") path.remove_prefix(2);
    auto script = scripts.find(std::string(path));
    if (script != scripts.end()) {
      std::string replaced = "${CLAUDE_PLUGIN_ROOT}/" + script->second;
      out += shell ? "\"" + replaced + "\"" : replaced;
      continue;
    }
    if (path.find('/') != std::string_view::npos &&
        is_project_file(std::string(path)))
      project_paths->emplace_back(path);
    out.append(word);
  }
  return out;
}

}  // namespace agentgen
