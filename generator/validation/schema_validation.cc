// SPDX-License-Identifier: MIT
#include "validation/schema_validation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "base/nearest_name.h"
#include "base/paths.h"

namespace agentgen {
namespace {

bool IsPlainScalar(const YamlNode& node) {
  return node.IsScalar() && node.tag() == "?";
}

bool IsYamlBoolean(const std::string& text) {
  return text == "true" || text == "True" || text == "TRUE" ||
         text == "false" || text == "False" || text == "FALSE";
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::optional<double> NumberOf(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

// How a value is named in a message: its text, or what kind of thing it is.
std::string Shown(const YamlNode& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  std::string text = node.scalar();
  size_t newline = text.find('\n');
  if (newline != std::string::npos) text = text.substr(0, newline) + "...";
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "'" + text + "'";
}

// A quoted scalar that would be right without its quotes (`"true"`, `"5"`).
std::string QuotedHint(const YamlNode& node) {
  return node.IsScalar() && !IsPlainScalar(node)
             ? " (quoted, so a string: remove the quotes)"
             : "";
}

bool IsAgentNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

// `Code_Reviewer` -> `code-reviewer`: what a name most likely meant.
std::string AgentNameFrom(std::string_view text) {
  std::string name;
  for (char c : text) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (IsAgentNameChar(lower))
      name += lower;
    else if ((c == '_' || c == ' ' || c == '.') && !name.empty() &&
             name.back() != '-')
      name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name;
}

// A full model id as Claude Code and its cloud providers spell them:
// claude-sonnet-4-5-20250929, us.anthropic.claude-..., claude-opus-4@2025...
bool IsFullClaudeModelId(std::string_view text) {
  if (text.find("claude") == std::string_view::npos) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' ||
           c == '.' || c == '_' || c == ':' || c == '@' || c == '/';
  });
}

bool IsIdentifier(std::string_view text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0])))
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

bool IsServerNamePart(std::string_view text, bool allow_star) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [allow_star](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                  c == '-' || c == '_' || (allow_star && c == '*');
         });
}

class Validator {
 public:
  Validator(const Schema& schema, const FrontmatterPlace& place,
            DiagnosticSink& sink)
      : schema_(schema), place_(place), sink_(sink) {}

  void Run(const YamlNode& frontmatter);

 private:
  Location At(size_t offset) const { return place_.locate(offset); }
  // Where a value's problem is shown: the value, or its key when it has
  // none to point at.
  Location ValueAt(const YamlNode& key, const YamlNode& value) const {
    bool has_value = value.IsDefined() && !value.IsNull();
    return At((has_value ? value : key).offset());
  }
  void Error(const Location& where, const std::string& message,
             const std::string& field) {
    sink_.Error(where, message, RuleId(schema_, field));
  }
  void Warning(const Location& where, const std::string& message,
               const std::string& field) {
    sink_.Warning(where, message, RuleId(schema_, field));
  }

  void CheckField(const FieldRule& rule, const YamlNode& key,
                  const YamlNode& value);
  bool ValueFits(const FieldRule& rule, const YamlNode& value,
                 std::string* detail);
  bool ListEntriesFit(const FieldRule& rule, const YamlNode& value);
  bool MappingEntriesFit(const FieldRule& rule, const YamlNode& value);
  void CheckToolList(const FieldRule& rule, const YamlNode& value);
  void CheckToolName(const FieldRule& rule, std::string_view name,
                     const Location& where);
  size_t ContentOffset(const YamlNode& node) const;

  const Schema& schema_;
  const FrontmatterPlace& place_;
  DiagnosticSink& sink_;
};

void Validator::Run(const YamlNode& frontmatter) {
  std::vector<std::string> known;
  for (const FieldRule& rule : schema_.fields) known.push_back(rule.key);

  for (const YamlNode::Entry& item : frontmatter.entries()) {
    if (!item.key->IsScalar()) continue;
    const std::string& key = item.key->scalar();
    auto rule = std::find_if(
        schema_.fields.begin(), schema_.fields.end(),
        [&key](const FieldRule& field) { return field.key == key; });
    if (rule == schema_.fields.end()) {
      std::string message = "unknown key '" + key + "' for " + schema_.what;
      if (std::optional<std::string> near = NearestName(key, known))
        message += "; did you mean '" + *near + "'?";
      Warning(At(item.key->offset()), message, "unknown-key");
      continue;
    }
    CheckField(*rule, *item.key, *item.value);
  }

  for (const FieldRule& rule : schema_.fields) {
    if (rule.required && !MappingValue(frontmatter, rule.key).IsDefined()) {
      Error(place_.start,
            "required key '" + rule.key + "' is missing; it must be " +
                rule.must_be,
            rule.key);
    }
  }

  if (!schema_.name_matches_file) return;
  const YamlNode& name = MappingValue(frontmatter, "name");
  std::string stem = StemOf(place_.file_name);
  bool valid_name =
      name.IsScalar() && !name.scalar().empty() &&
      std::all_of(name.scalar().begin(), name.scalar().end(), IsAgentNameChar);
  // An invalid name has its error already; a second message adds nothing.
  if (valid_name && name.scalar() != stem) {
    Warning(At(name.offset()),
            "name '" + name.scalar() + "' differs from the file name '" +
                place_.file_name +
                "'; rename one, so that the agent is found by either",
            "name-matches-file");
  }
}

void Validator::CheckField(const FieldRule& rule, const YamlNode& key,
                           const YamlNode& value) {
  if (rule.kind == FieldKind::kAny) return;
  if (rule.kind == FieldKind::kToolList &&
      (value.IsSequence() || value.IsScalar())) {
    CheckToolList(rule, value);
    return;
  }
  std::string detail;
  if (ValueFits(rule, value, &detail)) return;
  if (detail.empty()) detail = "; got " + Shown(value) + QuotedHint(value);
  Error(ValueAt(key, value),
        "'" + rule.key + "' must be " + rule.must_be + detail, rule.key);
}

bool IsTextOrTextList(const YamlNode& value) {
  return value.IsScalar() ||
         (value.IsSequence() &&
          std::all_of(value.items().begin(), value.items().end(),
                      [](const YamlNode* entry) { return entry->IsScalar(); }));
}

// A `name:` that breaks the rule gets the name it probably meant.
bool AgentNameFits(const YamlNode& value, std::string* detail) {
  const std::string& text = value.scalar();
  bool fits = value.IsScalar() && !text.empty() && text[0] != '-' &&
              std::all_of(text.begin(), text.end(), IsAgentNameChar);
  if (!fits && value.IsScalar()) {
    std::string meant = AgentNameFrom(text);
    *detail = "; got " + Shown(value);
    if (!meant.empty()) *detail += " (did you mean '" + meant + "'?)";
  }
  return fits;
}

bool ChoiceFits(const FieldRule& rule, const YamlNode& value,
                std::string* detail) {
  if (!value.IsScalar()) return false;
  const std::string& text = value.scalar();
  if (std::find(rule.choices.begin(), rule.choices.end(), text) !=
      rule.choices.end())
    return true;
  if (rule.kind == FieldKind::kClaudeModel && IsFullClaudeModelId(text))
    return true;
  if (std::optional<std::string> near = NearestName(text, rule.choices))
    *detail = "; got " + Shown(value) + " (did you mean '" + *near + "'?)";
  return false;
}

bool ProviderModelFits(const YamlNode& value) {
  const std::string& text = value.scalar();
  size_t slash = text.find('/');
  return value.IsScalar() && slash != std::string::npos && slash > 0 &&
         slash + 1 < text.size() &&
         text.find_first_of(" \t") == std::string::npos;
}

bool NumberFits(const FieldRule& rule, const YamlNode& value) {
  std::optional<double> number = value.IsScalar() && IsPlainScalar(value)
                                     ? NumberOf(value.scalar())
                                     : std::nullopt;
  return number && *number >= rule.minimum && *number <= rule.maximum;
}

bool IsPermission(const YamlNode& node) {
  return node.IsScalar() &&
         (node.scalar() == "ask" || node.scalar() == "allow" ||
          node.scalar() == "deny");
}

// Whether `value` is what `rule` asks for. A problem inside the value (one
// entry of a list) is reported here and counts as fitting; `detail` may
// replace the "; got ..." ending of the message about the whole value.
bool Validator::ValueFits(const FieldRule& rule, const YamlNode& value,
                          std::string* detail) {
  bool plain = value.IsScalar() && IsPlainScalar(value);
  const std::string& text = value.scalar();
  switch (rule.kind) {
    case FieldKind::kAny:
      return true;
    case FieldKind::kText:
      return value.IsScalar();
    case FieldKind::kTextOrList:
      // `argument-hint: [message]` is a YAML list; the tool shows its text.
      return IsTextOrTextList(value);
    case FieldKind::kNonEmptyText:
      return value.IsScalar() &&
             text.find_first_not_of(" \t\n") != std::string::npos;
    case FieldKind::kAgentName:
      return AgentNameFits(value, detail);
    case FieldKind::kChoice:
    case FieldKind::kClaudeModel:
      return ChoiceFits(rule, value, detail);
    case FieldKind::kProviderModel:
      return ProviderModelFits(value);
    case FieldKind::kPositiveInteger:
      return plain && IsDigits(text) &&
             text.find_first_not_of('0') != std::string::npos;
    case FieldKind::kBoolean:
      return plain && IsYamlBoolean(text);
    case FieldKind::kNumber:
      return NumberFits(rule, value);
    case FieldKind::kTextList:
    case FieldKind::kServerList:
      return ListEntriesFit(rule, value);
    case FieldKind::kMapping:
      return value.IsMap();
    case FieldKind::kBooleanMapping:
    case FieldKind::kPermissionMapping:
      return MappingEntriesFit(rule, value);
    case FieldKind::kToolList:
      return false;  // a scalar or a list went to CheckToolList
  }
  return false;
}

// A list whose entries are names (or, for servers, also configurations):
// each entry that is not is reported on its own.
bool Validator::ListEntriesFit(const FieldRule& rule, const YamlNode& value) {
  if (!value.IsSequence()) return false;
  bool servers = rule.kind == FieldKind::kServerList;
  for (const YamlNode* entry : value.items()) {
    bool fits = (entry->IsScalar() && !entry->scalar().empty()) ||
                (servers && entry->IsMap());
    if (fits) continue;
    Error(At(entry->IsNull() ? value.offset() : entry->offset()),
          "each entry of '" + rule.key + "' must be " +
              (servers ? "a server name or a {name: configuration} "
                         "mapping"
                       : "a name") +
              "; got " + Shown(*entry),
          rule.key);
  }
  return true;
}

// A mapping of names to booleans, or to permissions (a permission, or a
// mapping of patterns to permissions): each entry that is not is reported
// on its own.
bool Validator::MappingEntriesFit(const FieldRule& rule,
                                  const YamlNode& value) {
  if (!value.IsMap()) return false;
  bool permission = rule.kind == FieldKind::kPermissionMapping;
  for (const YamlNode::Entry& item : value.entries()) {
    const YamlNode& entry = *item.value;
    bool fits = false;
    if (!permission) {
      fits = IsPlainScalar(entry) && IsYamlBoolean(entry.scalar());
    } else if (entry.IsMap()) {
      fits = std::all_of(entry.entries().begin(), entry.entries().end(),
                         [](const YamlNode::Entry& pattern) {
                           return IsPermission(*pattern.value);
                         });
    } else {
      fits = IsPermission(entry);
    }
    if (fits) continue;
    std::string name = item.key->IsScalar() ? item.key->scalar() : "";
    Error(ValueAt(*item.key, entry),
          "'" + rule.key + "' must be " + rule.must_be + "; got " +
              Shown(entry) + " for '" + name + "'",
          rule.key);
  }
  return true;
}

// The offset of a scalar's first character of content: past a quote.
size_t Validator::ContentOffset(const YamlNode& node) const {
  size_t at = node.offset();
  if (at < place_.yaml_text.size() &&
      (place_.yaml_text[at] == '"' || place_.yaml_text[at] == '\''))
    ++at;
  return at;
}

void Validator::CheckToolList(const FieldRule& rule, const YamlNode& value) {
  // Where `name`, found at `index` in `node`'s text, is in the file; the
  // scalar's start when the text is not the file's (escapes, folding).
  auto where = [&](const YamlNode& node, size_t index, std::string_view name) {
    size_t at = ContentOffset(node) + index;
    if (place_.yaml_text.substr(at, name.size()) == name) return At(at);
    return At(node.offset());
  };
  if (value.IsScalar()) {
    const std::string& text = value.scalar();
    // Commas inside parentheses belong to a pattern: Bash(git add:*, ...).
    size_t begin = 0;
    int depth = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      char c = i < text.size() ? text[i] : ',';
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      // The end of the text ends the last entry, even inside parentheses.
      if (i < text.size() && (c != ',' || depth > 0)) continue;
      size_t first = text.find_first_not_of(" \t\n", begin);
      size_t last = text.find_last_not_of(" \t\n", i == 0 ? 0 : i - 1);
      if (first == std::string::npos || first >= i || last < first) {
        size_t comma = i < text.size() ? i : (begin > 0 ? begin - 1 : 0);
        Warning(where(value, comma, ","),
                "empty entry in '" + rule.key + "' (a stray comma)", rule.key);
      } else {
        std::string_view name(text.data() + first, last - first + 1);
        CheckToolName(rule, name, where(value, first, name));
      }
      begin = i + 1;
    }
    return;
  }
  for (const YamlNode* entry : value.items()) {
    if (!entry->IsScalar() || entry->scalar().empty()) {
      Error(At(entry->IsNull() ? value.offset() : entry->offset()),
            "each entry of '" + rule.key + "' must be a tool name; got " +
                Shown(*entry),
            rule.key);
      continue;
    }
    CheckToolName(rule, entry->scalar(), where(*entry, 0, entry->scalar()));
  }
}

void Validator::CheckToolName(const FieldRule& rule, std::string_view name,
                              const Location& where) {
  const std::vector<std::string>& builtins = BuiltinClaudeCodeTools();
  std::string quoted = "'" + std::string(name) + "' in '" + rule.key + "'";
  auto unknown = [&](std::string_view tool) {
    std::string message =
        "unknown tool '" + std::string(tool) + "' in '" + rule.key + "'";
    if (std::optional<std::string> near = NearestName(tool, builtins)) {
      message += "; did you mean '" + *near + "'?";
    } else {
      message +=
          " (not a built-in tool; MCP tools are named mcp__<server>__<tool>)";
    }
    Warning(where, message, rule.key);
  };

  if (name.rfind("mcp__", 0) == 0) {
    std::string_view rest = name.substr(5);
    size_t separator = rest.find("__");
    bool fits = separator == std::string_view::npos
                    ? IsServerNamePart(rest, false)
                    : IsServerNamePart(rest.substr(0, separator), false) &&
                          IsServerNamePart(rest.substr(separator + 2), true);
    if (!fits) {
      Error(where,
            quoted +
                " must be mcp__<server>__<tool> (or mcp__<server> for all of "
                "its tools)",
            rule.key);
    }
    return;
  }
  size_t open = name.find('(');
  if (open != std::string_view::npos) {
    std::string_view tool = name.substr(0, open);
    if (name.back() != ')') {
      Error(where, quoted + " is not a tool name: its '(' is not closed",
            rule.key);
      return;
    }
    std::string_view argument = name.substr(open + 1, name.size() - open - 2);
    if (!IsIdentifier(tool)) {
      Error(where, quoted + " is not a tool name", rule.key);
    } else if (argument.find_first_not_of(" \t") == std::string_view::npos) {
      Error(where,
            quoted + " names nothing in its parentheses; write " +
                std::string(tool) +
                (tool == "Agent" || tool == "Task" ? "(<agent type>)"
                                                   : "(<pattern>)"),
            rule.key);
    } else if (std::find(builtins.begin(), builtins.end(), tool) ==
               builtins.end()) {
      unknown(tool);
    }
    return;
  }
  if (IsIdentifier(name)) {
    if (std::find(builtins.begin(), builtins.end(), name) == builtins.end())
      unknown(name);
    return;
  }
  if (name.find_first_of(" \t") != std::string_view::npos) {
    Error(where,
          quoted + " is not a tool name; separate tool names with commas",
          rule.key);
    return;
  }
  Error(where,
        quoted +
            " is not a tool name (a built-in tool such as Read, "
            "mcp__<server>__<tool>, or Agent(<type>))",
        rule.key);
}

}  // namespace

void ValidateFrontmatter(const Schema& schema, const YamlNode& frontmatter,
                         const FrontmatterPlace& place, DiagnosticSink& sink) {
  Validator(schema, place, sink).Run(frontmatter);
}

std::string RuleId(const Schema& schema, std::string_view field) {
  return schema.id + "." + std::string(field);
}

}  // namespace agentgen
