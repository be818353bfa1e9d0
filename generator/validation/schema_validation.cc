// SPDX-License-Identifier: MIT
#include "validation/schema_validation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "base/nearest_name.h"
#include "base/quoted_text.h"
#include "validation/formats_data.h"
#include "validation/hook_schema.h"
#include "validation/mcp_server.h"

namespace agentgen {
namespace {

bool IsPlainScalar(const YamlNode& node) {
  return node.IsScalar() && node.tag() == "?";
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

bool IsPositiveInteger(std::string_view text) {
  return IsDigits(text) && text.find_first_not_of('0') != std::string::npos;
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
    if (IsAgentNameChar(lower) && (lower != '-' || !name.empty()))
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

bool IsHexColor(std::string_view text) {
  return text.size() == 7 && text[0] == '#' &&
         std::all_of(text.begin() + 1, text.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

bool IsTextOrTextList(const YamlNode& value) {
  return value.IsScalar() ||
         (value.IsSequence() &&
          std::all_of(value.items().begin(), value.items().end(),
                      [](const YamlNode* entry) { return entry->IsScalar(); }));
}

// A tool-list entry: where it is in the value's text.
struct Span {
  size_t first = 0;
  size_t size = 0;
};

// Splits a tool list at commas outside parentheses (`Bash(git add:*, x)`
// is one entry), and with `spaces` also at blanks outside them. Empty
// entries between commas go to `stray_commas` (the comma's index).
std::vector<Span> SplitToolList(std::string_view text, bool spaces,
                                std::vector<size_t>* stray_commas) {
  std::vector<Span> entries;
  size_t begin = 0;
  int depth = 0;
  bool entry_since_comma = false;
  auto close = [&](size_t end) {
    if (end > begin &&
        text.substr(begin, end - begin).find_first_not_of(" \t\n") !=
            std::string_view::npos) {
      entries.push_back({begin, end - begin});
      entry_since_comma = true;
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    bool blank = c == ' ' || c == '\t' || c == '\n';
    if (depth > 0 || (!blank && c != ',')) continue;
    if (blank && !spaces) continue;
    close(i);
    if (c == ',') {
      if (!entry_since_comma) stray_commas->push_back(i);
      entry_since_comma = false;
    }
    begin = i + 1;
  }
  close(text.size());
  // The end of the text ends the last entry, even inside parentheses; a
  // comma with nothing after it is stray too.
  size_t final_char = text.find_last_not_of(" \t\n");
  if (!entry_since_comma && final_char != std::string_view::npos &&
      text[final_char] == ',' &&
      (stray_commas->empty() || stray_commas->back() != final_char))
    stray_commas->push_back(final_char);
  // Without `spaces`, entries keep inner blanks but not outer ones.
  for (Span& entry : entries) {
    std::string_view part = text.substr(entry.first, entry.size);
    size_t first = part.find_first_not_of(" \t\n");
    size_t last = part.find_last_not_of(" \t\n");
    entry.first += first;
    entry.size = last - first + 1;
  }
  return entries;
}

class Validator {
 public:
  Validator(const Schema& schema, const FrontmatterPlace& place,
            const YamlNode& frontmatter, DiagnosticSink& sink)
      : schema_(schema),
        place_(place),
        frontmatter_(frontmatter),
        sink_(sink) {}

  void Run();

 private:
  Location At(size_t offset) const { return place_.locate(offset); }
  size_t EndOf(const YamlNode& node) const;
  size_t QuotedEnd(size_t at) const;
  // The span a problem with a value is shown on: the value, or its key when
  // it has none to point at.
  const YamlNode& Culprit(const YamlNode& key, const YamlNode& value) const {
    return value.IsDefined() && !value.IsNull() ? value : key;
  }
  void Report(Severity severity, size_t begin, size_t end,
              const std::string& message, std::string_view rule,
              std::optional<std::string> replacement = std::nullopt);
  void Report(Severity severity, const YamlNode& node,
              const std::string& message, std::string_view rule,
              std::optional<std::string> replacement = std::nullopt) {
    Report(severity, node.offset(), EndOf(node), message, rule,
           std::move(replacement));
  }

  void CheckKey(const YamlNode& key, const YamlNode& value);
  void CheckField(const FieldRule& rule, const YamlNode& key,
                  const YamlNode& value);
  bool ValueFits(const FieldRule& rule, const YamlNode& value,
                 std::string* detail, std::optional<std::string>* replacement);
  bool CheckAgentName(const FieldRule& rule, const YamlNode& value,
                      std::string* detail);
  bool CheckClaudeModel(const FieldRule& rule, const YamlNode& value,
                        std::string* detail,
                        std::optional<std::string>* replacement);
  bool ListEntriesFit(const FieldRule& rule, const YamlNode& value);
  bool MappingEntriesFit(const FieldRule& rule, const YamlNode& value);
  void CheckToolList(const FieldRule& rule, const YamlNode& value);
  bool CheckToolName(const FieldRule& rule, std::string_view name, size_t begin,
                     size_t end);
  size_t ContentOffset(const YamlNode& node) const;

  const Schema& schema_;
  const FrontmatterPlace& place_;
  const YamlNode& frontmatter_;
  DiagnosticSink& sink_;
};

void Validator::Report(Severity severity, size_t begin, size_t end,
                       const std::string& message, std::string_view rule,
                       std::optional<std::string> replacement) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.where = At(begin);
  diagnostic.end = At(std::max(begin, end));
  diagnostic.message = message;
  diagnostic.rule = RuleId(schema_, rule);
  diagnostic.replacement = std::move(replacement);
  sink_.Report(std::move(diagnostic));
}

// Past a quoted scalar starting at `at` (its closing quote included), or
// the end of the text when it does not close.
size_t Validator::QuotedEnd(size_t at) const {
  size_t past = PastClosingQuote(place_.yaml_text, at);
  return past == std::string_view::npos ? place_.yaml_text.size() : past;
}

// Where a node's text ends in the YAML text. The node keeps only its start,
// so this reads the text: a quoted scalar to its closing quote, a plain one
// by its value (else to the end of its line: folded or block text), a flow
// collection to its closing bracket, a block one to the end of its last
// entry.
size_t Validator::EndOf(const YamlNode& node) const {
  std::string_view text = place_.yaml_text;
  size_t at = std::min(node.offset(), text.size());
  if (at == text.size()) return at;
  char first = text[at];
  if (node.IsScalar() || node.IsNull()) {
    if (first == '"' || first == '\'') return QuotedEnd(at);
    const std::string& value = node.scalar();
    if (!value.empty() && text.substr(at, value.size()) == value)
      return at + value.size();
    if (node.IsNull()) return at;
    size_t line_end = text.find_first_of("\r\n", at);
    return line_end == std::string_view::npos ? text.size() : line_end;
  }
  if (first == '[' || first == '{') {
    int depth = 0;
    for (size_t i = at; i < text.size(); ++i) {
      char c = text[i];
      if (c == '"' || c == '\'') {
        i = QuotedEnd(i) - 1;
      } else if (c == '[' || c == '{') {
        ++depth;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return text.size();
  }
  if (node.IsSequence() && !node.items().empty())
    return EndOf(*node.items().back());
  if (node.IsMap() && !node.entries().empty()) {
    const YamlNode::Entry& last = node.entries().back();
    return last.value->IsNull() ? EndOf(*last.key) : EndOf(*last.value);
  }
  return at;
}

void Validator::Run() {
  for (const YamlNode::Entry& item : frontmatter_.entries()) {
    if (item.key->IsScalar()) CheckKey(*item.key, *item.value);
  }
  for (const FieldRule& rule : schema_.fields) {
    if (!rule.required || MappingValue(frontmatter_, rule.key).IsDefined())
      continue;
    Diagnostic diagnostic;
    diagnostic.where = place_.start;
    diagnostic.end = place_.start_end;
    diagnostic.message = "required key '" + rule.key +
                         "' is missing; it must be " + rule.must_be;
    diagnostic.rule = RuleId(schema_, rule.key);
    sink_.Report(std::move(diagnostic));
  }
}

void Validator::CheckKey(const YamlNode& key, const YamlNode& value) {
  const std::string& name = key.scalar();
  auto rule = std::find_if(
      schema_.fields.begin(), schema_.fields.end(),
      [&name](const FieldRule& field) { return field.key == name; });
  if (rule != schema_.fields.end()) {
    CheckField(*rule, key, value);
    return;
  }
  std::vector<std::string> known;
  for (const FieldRule& field : schema_.fields) known.push_back(field.key);
  std::string message = "unknown key '" + name + "' for " + schema_.what;
  std::optional<std::string> near = NearestName(name, known);
  message +=
      near ? "; did you mean '" + *near + "'?" : schema_.unknown_key_effect;
  Report(Severity::kWarning, key, message, "unknown-key", near);
}

void Validator::CheckField(const FieldRule& rule, const YamlNode& key,
                           const YamlNode& value) {
  if (rule.kind == FieldKind::kAny) return;
  if (!rule.deprecated_by.empty()) {
    // A rename only when the new key takes the same values.
    auto replacing = std::find_if(schema_.fields.begin(), schema_.fields.end(),
                                  [&rule](const FieldRule& field) {
                                    return field.key == rule.deprecated_by;
                                  });
    std::optional<std::string> replacement;
    if (replacing != schema_.fields.end() && replacing->kind == rule.kind)
      replacement = rule.deprecated_by;
    Report(Severity::kWarning, key,
           "'" + rule.key + "' is deprecated; use '" + rule.deprecated_by + "'",
           "deprecated-key", replacement);
  }
  if (rule.kind == FieldKind::kToolList &&
      (value.IsSequence() || value.IsScalar())) {
    CheckToolList(rule, value);
    return;
  }
  if (rule.kind == FieldKind::kHooks) {
    HookPlace hooks{
        place_.yaml_text,
        place_.locate,
        schema_.id,
        schema_.type == "agent" ? HookOwner::kAgent : HookOwner::kSkill,
        false,
        &key};
    ValidateHooks(value, hooks, sink_);
    return;
  }
  if (rule.kind == FieldKind::kServerList) {
    McpServersPlace servers{place_.yaml_text, place_.locate, schema_.id};
    ValidateInlineMcpServers(value, servers, sink_);
    return;
  }
  std::string detail;
  std::optional<std::string> replacement;
  if (ValueFits(rule, value, &detail, &replacement)) return;
  if (detail.empty()) detail = "; got " + Shown(value) + QuotedHint(value);
  if (rule.display_only) {
    Report(Severity::kWarning, Culprit(key, value),
           "'" + rule.key + "' should be " + rule.must_be + detail +
               "; Claude Code does not show other values",
           rule.key, replacement);
    return;
  }
  Report(Severity::kError, Culprit(key, value),
         "'" + rule.key + "' must be " + rule.must_be + detail, rule.key,
         replacement);
}

// Claude Code skips the file only for a name that is empty, starts with
// `-` or contains `:` (sub-agents, "Subagent files Claude Code skips");
// any other name loads, so other characters are a warning.
bool Validator::CheckAgentName(const FieldRule& rule, const YamlNode& value,
                               std::string* detail) {
  if (!value.IsScalar()) return false;
  const std::string& text = value.scalar();
  if (text.empty() || text[0] == '-' || text.find(':') != std::string::npos) {
    *detail = "; got " + Shown(value) +
              (text.empty()     ? ""
               : text[0] == '-' ? ", which starts with '-'"
                                : ", which has a ':'") +
              " (Claude Code skips the file)";
    return false;
  }
  if (std::all_of(text.begin(), text.end(), IsAgentNameChar)) return true;
  std::string meant = AgentNameFrom(text);
  std::string message =
      "'" + rule.key + "' should be " + rule.must_be + "; got " + Shown(value);
  std::optional<std::string> replacement;
  if (!meant.empty()) {
    message += " (did you mean '" + meant + "'?)";
    replacement = meant;
  }
  Report(Severity::kWarning, value, message, rule.key, replacement);
  return true;
}

// An alias (with an optional [1m]) or a Claude id passes; any other id that
// could be one is a warning, since gateways take custom ids; text that no
// model id looks like is an error.
bool Validator::CheckClaudeModel(const FieldRule& rule, const YamlNode& value,
                                 std::string* detail,
                                 std::optional<std::string>* replacement) {
  if (!value.IsScalar()) return false;
  const std::string& text = value.scalar();
  static const std::vector<std::string> suffixes =
      FormatsList("claude_code.models.suffixes");
  std::string_view base = text;
  std::string lower = Lower(text);
  for (const std::string& suffix : suffixes) {
    if (lower.size() > suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) ==
            0) {
      base.remove_suffix(suffix.size());
      break;
    }
  }
  if (Contains(rule.choices, base) || IsFullClaudeModelId(base)) return true;
  std::optional<std::string> near = NearestName(text, rule.choices);
  if (text.empty() || text.find_first_of(" \t\n,") != std::string::npos) {
    if (near) {
      *detail = "; got " + Shown(value) + " (did you mean '" + *near + "'?)";
      *replacement = near;
    }
    return false;
  }
  std::string message = "'" + rule.key + "': " + Shown(value) +
                        " is not a Claude model alias or id; Claude Code "
                        "sends it to the API unchanged, which only a "
                        "gateway that serves it accepts";
  message += near ? "; did you mean '" + *near + "'?"
                  : "; for Claude use " + rule.must_be;
  Report(Severity::kWarning, value, message, rule.key, near);
  return true;
}

// Whether `value` is what `rule` asks for. A problem inside the value (one
// entry of a list) is reported here and counts as fitting; `detail` may
// replace the "; got ..." ending of the message about the whole value, and
// `replacement` be the value meant.
bool Validator::ValueFits(const FieldRule& rule, const YamlNode& value,
                          std::string* detail,
                          std::optional<std::string>* replacement) {
  bool plain = IsPlainScalar(value);
  const std::string& text = value.scalar();
  switch (rule.kind) {
    case FieldKind::kAny:
    case FieldKind::kScalarOrTree:
      return true;
    case FieldKind::kText:
      return value.IsScalar();
    case FieldKind::kTextOrList:
      return IsTextOrTextList(value);
    case FieldKind::kNonEmptyText:
      return value.IsScalar() &&
             text.find_first_not_of(" \t\n") != std::string::npos;
    case FieldKind::kAgentName:
      return CheckAgentName(rule, value, detail);
    case FieldKind::kClaudeModel:
      return CheckClaudeModel(rule, value, detail, replacement);
    case FieldKind::kChoice:
    case FieldKind::kThemeColor: {
      if (!value.IsScalar()) return false;
      if (Contains(rule.choices, text)) return true;
      if (rule.kind == FieldKind::kThemeColor && IsHexColor(text)) return true;
      if (std::optional<std::string> near = NearestName(text, rule.choices)) {
        *detail = "; got " + Shown(value) + " (did you mean '" + *near + "'?)";
        *replacement = near;
      }
      return false;
    }
    case FieldKind::kProviderModel: {
      size_t slash = text.find('/');
      return value.IsScalar() && slash != std::string::npos && slash > 0 &&
             slash + 1 < text.size() &&
             text.find_first_of(" \t") == std::string::npos;
    }
    case FieldKind::kPositiveInteger:
      if (plain) return IsPositiveInteger(text);
      // Claude Code reads a quoted number as the number; OpenCode's schema
      // wants a number and rejects the string.
      if (value.IsScalar() && IsPositiveInteger(text) &&
          schema_.tool == "claude-code") {
        Report(Severity::kWarning, value,
               "'" + rule.key + "': " + Shown(value) +
                   " is quoted; Claude Code reads the number, other tools "
                   "a string: remove the quotes",
               rule.key, text);
        return true;
      }
      return false;
    case FieldKind::kBoolean:
      if (rule.ignore_case)
        return value.IsScalar() && Contains(rule.choices, Lower(text));
      return plain && Contains(rule.choices, text);
    case FieldKind::kNumber: {
      std::optional<double> number =
          plain ? NumberOf(text) : std::optional<double>();
      if (!number) return false;
      // OpenCode takes any finite number and hands it to the provider.
      if (*number < rule.minimum || *number > rule.maximum) {
        Report(Severity::kWarning, value,
               "'" + rule.key + "' should be " + rule.must_be + "; got " +
                   Shown(value) +
                   " (the tool passes it on; most providers reject it)",
               rule.key);
      }
      return true;
    }
    case FieldKind::kNameList:
      if (value.IsScalar()) return true;  // `skills: a, b`
      return ListEntriesFit(rule, value);
    case FieldKind::kServerList:
      return ListEntriesFit(rule, value);
    case FieldKind::kHooks:
    case FieldKind::kMapping:
      return value.IsMap();
    case FieldKind::kBooleanMapping:
    case FieldKind::kPermission:
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
    Report(Severity::kError, entry->IsNull() ? value : *entry,
           "each entry of '" + rule.key + "' must be " +
               (servers ? "a server name or a {name: configuration} "
                          "mapping"
                        : "a name") +
               "; got " + Shown(*entry),
           rule.key);
  }
  return true;
}

// A mapping of names to booleans, or OpenCode's permission: an action, or
// tools to actions or to {pattern: action} mappings (not for the tools
// that take an action only). Each entry that does not fit is reported on
// its own.
bool Validator::MappingEntriesFit(const FieldRule& rule,
                                  const YamlNode& value) {
  bool permission = rule.kind == FieldKind::kPermission;
  auto is_action = [&rule](const YamlNode& node) {
    return node.IsScalar() && Contains(rule.choices, node.scalar());
  };
  if (permission && is_action(value)) return true;
  if (!value.IsMap()) return false;
  static const std::vector<std::string> action_only =
      FormatsList("opencode.permission.action_only");
  static const std::vector<std::string> booleans =
      FormatsList("opencode.agent.booleans");
  for (const YamlNode::Entry& item : value.entries()) {
    const YamlNode& entry = *item.value;
    std::string name = item.key->IsScalar() ? item.key->scalar() : "";
    bool fits = false;
    std::string must_be = rule.must_be;
    if (!permission) {
      fits = IsPlainScalar(entry) && Contains(booleans, entry.scalar());
    } else if (entry.IsMap() && !Contains(action_only, name)) {
      fits = std::all_of(entry.entries().begin(), entry.entries().end(),
                         [&](const YamlNode::Entry& pattern) {
                           return is_action(*pattern.value);
                         });
    } else {
      fits = is_action(entry);
      if (Contains(action_only, name))
        must_be =
            "ask, allow or deny for '" + name + "' (it takes no patterns)";
    }
    if (fits) continue;
    Report(Severity::kError, Culprit(*item.key, entry),
           "'" + rule.key + "' must be " + must_be + "; got " + Shown(entry) +
               " for '" + name + "'",
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
  // Where `size` bytes at `index` of `node`'s text are in the YAML text;
  // the whole scalar when its text is not the file's (escapes, folding).
  size_t entries = 0;
  size_t resolved = 0;
  auto check = [&](const YamlNode& node, size_t index, size_t size) {
    std::string_view name(node.scalar().data() + index, size);
    size_t at = ContentOffset(node) + index;
    bool resolves = place_.yaml_text.substr(at, size) == name
                        ? CheckToolName(rule, name, at, at + size)
                        : CheckToolName(rule, name, node.offset(), EndOf(node));
    ++entries;
    if (resolves) ++resolved;
  };
  // Claude Code refuses to launch a subagent none of whose `tools` entries
  // is a tool ("would be spawned with zero tools").
  auto none_resolves = [&] {
    if (!rule.subagent_tools || entries == 0 || resolved > 0) return;
    Report(Severity::kError, value,
           "no entry of '" + rule.key +
               "' names a tool Claude Code has, so it refuses to launch the "
               "subagent; name at least one tool (or leave out '" +
               rule.key + "' for all of them)",
           rule.key);
  };
  if (value.IsScalar()) {
    std::vector<size_t> stray_commas;
    for (const Span& entry :
         SplitToolList(value.scalar(), rule.space_separated, &stray_commas))
      check(value, entry.first, entry.size);
    for (size_t comma : stray_commas) {
      size_t at = ContentOffset(value) + comma;
      if (place_.yaml_text.substr(at, 1) != ",") at = value.offset();
      Report(Severity::kWarning, at, at + 1,
             "empty entry in '" + rule.key + "' (a stray comma)", rule.key);
    }
    none_resolves();
    return;
  }
  if (value.items().empty() && rule.subagent_tools) {
    Report(Severity::kWarning, value,
           "'" + rule.key +
               ": []' gives the subagent no tools at all; leave out '" +
               rule.key + "' for all of them",
           rule.key);
    return;
  }
  for (const YamlNode* entry : value.items()) {
    if (!entry->IsScalar() || entry->scalar().empty()) {
      Report(Severity::kError, entry->IsNull() ? value : *entry,
             "each entry of '" + rule.key + "' must be a tool name; got " +
                 Shown(*entry),
             rule.key);
      continue;
    }
    check(*entry, 0, entry->scalar().size());
  }
  none_resolves();
}

// Whether `name` may name a tool Claude Code has: false for a removed tool
// and for text that is no tool name. Claude Code ignores such an entry (a
// warning); an unknown but well-formed name may be a tool newer than our list.
bool Validator::CheckToolName(const FieldRule& rule, std::string_view name,
                              size_t begin, size_t end) {
  const ClaudeCodeTools& tools = ClaudeCodeToolNames();
  std::string quoted = "'" + std::string(name) + "' in '" + rule.key + "'";
  auto error = [&](const std::string& message) {
    Report(Severity::kWarning, begin, end,
           message + " (Claude Code ignores this entry)", rule.key);
    return false;
  };
  // An agent that runs as the main session (`initialPrompt`) gets every
  // tool it names.
  bool subagent = rule.subagent_tools &&
                  !MappingValue(frontmatter_, "initialPrompt").IsDefined();
  // A tool name (the part before any `(`): known, renamed, removed, or
  // unknown with the nearest current name.
  auto check_tool = [&](std::string_view tool) {
    size_t tool_end = begin + tool.size() <= end ? begin + tool.size() : end;
    std::string shown = "'" + std::string(tool) + "' in '" + rule.key + "'";
    if (tools.aliases.count(std::string(tool)) != 0) return true;
    auto renamed = tools.renamed.find(std::string(tool));
    if (renamed != tools.renamed.end()) {
      const std::string& current = renamed->second;
      if (subagent && Contains(tools.never_in_subagents, current)) {
        Report(Severity::kWarning, begin, tool_end,
               shown + " is an old name of '" + current +
                   "', which Claude Code never gives to a subagent; remove it",
               "never-given-tool");
      } else {
        Report(Severity::kWarning, begin, tool_end,
               shown + " is an old name of '" + current +
                   "' that Claude Code still accepts; use '" + current + "'",
               "renamed-tool", current);
      }
      return true;
    }
    auto removed = tools.removed.find(std::string(tool));
    if (removed != tools.removed.end()) {
      std::string message = shown + " is a tool Claude Code no longer has";
      std::optional<std::string> replacement;
      if (removed->second.empty()) {
        message += "; remove it";
      } else {
        message += "; use '" + removed->second + "'";
        replacement = removed->second;
      }
      Report(Severity::kWarning, begin, tool_end, message, "removed-tool",
             replacement);
      return false;
    }
    if (!Contains(tools.builtin, tool)) {
      std::string message =
          "unknown tool '" + std::string(tool) + "' in '" + rule.key + "'";
      std::optional<std::string> near = NearestName(tool, tools.builtin);
      message += near ? "; did you mean '" + *near + "'?"
                      : " (not a built-in tool; MCP tools are named "
                        "mcp__<server>__<tool>)";
      Report(Severity::kWarning, begin, tool_end, message, rule.key, near);
      return true;
    }
    if (!subagent) return true;
    if (Contains(tools.never_in_subagents, tool)) {
      Report(Severity::kWarning, begin, tool_end,
             shown + ": Claude Code never gives this tool to a subagent",
             "never-given-tool");
    } else if (Contains(tools.plan_mode_only, tool) &&
               MappingValue(frontmatter_, "permissionMode").scalar() !=
                   "plan") {
      Report(Severity::kWarning, begin, tool_end,
             shown +
                 ": Claude Code gives this tool to a subagent only when its "
                 "permissionMode is plan",
             "never-given-tool");
    }
    return true;
  };

  if (name.rfind("mcp__", 0) == 0) {
    std::string_view rest = name.substr(5);
    size_t separator = rest.find("__");
    bool fits = separator == std::string_view::npos
                    ? IsServerNamePart(rest, false) ||
                          (rule.mcp_wildcard && rest == "*")
                    : IsServerNamePart(rest.substr(0, separator), false) &&
                          IsServerNamePart(rest.substr(separator + 2), true);
    if (!fits) {
      return error(
          quoted + " must be mcp__<server>__<tool> (or mcp__<server> for " +
          "all of its tools" +
          (rule.mcp_wildcard ? ", or mcp__* for every MCP tool)" : ")"));
    }
    return true;
  }
  size_t open = name.find('(');
  if (open != std::string_view::npos) {
    std::string_view tool = name.substr(0, open);
    if (name.back() != ')')
      return error(quoted + " is not a tool name: its '(' is not closed");
    std::string_view argument = name.substr(open + 1, name.size() - open - 2);
    if (!IsIdentifier(tool)) return error(quoted + " is not a tool name");
    if (argument.find_first_not_of(" \t") == std::string_view::npos) {
      return error(quoted + " names nothing in its parentheses; write " +
                   std::string(tool) +
                   (tool == "Agent" || tool == "Task" ? "(<agent type>)"
                                                      : "(<pattern>)"));
    }
    return check_tool(tool);
  }
  if (IsIdentifier(name)) return check_tool(name);
  if (name.find_first_of(" \t") != std::string_view::npos) {
    return error(quoted +
                 " is not a tool name; separate tool names with commas");
  }
  return error(quoted +
               " is not a tool name (a built-in tool such as Read, "
               "mcp__<server>__<tool>, or Agent(<type>))");
}

}  // namespace

void ValidateFrontmatter(const Schema& schema, const YamlNode& frontmatter,
                         const FrontmatterPlace& place, DiagnosticSink& sink) {
  Validator(schema, place, frontmatter, sink).Run();
}

std::string RuleId(const Schema& schema, std::string_view field) {
  return schema.id + "." + std::string(field);
}

}  // namespace agentgen
