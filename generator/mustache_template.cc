// SPDX-License-Identifier: MIT
#include "mustache_template.h"

#include <algorithm>
#include <exception>
#include <mstch/mstch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "nearest_name.h"

namespace agentgen {
namespace {

// ---- HTML escaping ---------------------------------------------------------

// mstch escapes through one process-wide hook, mstch::config::escape. We
// install it exactly once (below) and let it read this per-thread flag, which
// RenderMustache sets for the duration of one render: so renders with and
// without escaping can interleave in one process (the unit tests do) and the
// hook itself is never written while another thread may be reading it.
thread_local bool escape_html_in_this_render = false;

// The Mustache spec's escaping: & " < > (mstch's own default also rewrites
// ' and /, which the spec does not ask for).
std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void InstallEscapeHookOnce() {
  // A function-local static is initialised once, thread-safely.
  static const bool installed = [] {
    mstch::config::escape = [](const std::string& text) {
      return escape_html_in_this_render ? EscapeHtml(text) : text;
    };
    return true;
  }();
  static_cast<void>(installed);
}

// Sets the escaping flag for one render and restores it afterwards, so a
// nested or later render never inherits it.
class ScopedEscaping {
 public:
  explicit ScopedEscaping(bool escape) : previous_(escape_html_in_this_render) {
    escape_html_in_this_render = escape;
  }
  ~ScopedEscaping() { escape_html_in_this_render = previous_; }
  ScopedEscaping(const ScopedEscaping&) = delete;
  ScopedEscaping& operator=(const ScopedEscaping&) = delete;

 private:
  bool previous_;
};

// ---- The context -----------------------------------------------------------

// The name parts (between dots) a template and its partials look up. mstch
// reaches a table's member only through a tag naming it, so a member whose
// key is no such part can be left out of the converted context.
using NameParts = std::set<std::string, std::less<>>;

// Converts the JSON context to mstch's node. Numbers become the strings the
// AGPM dialect prints (nlohmann's dump: decimal integers, shortest round-trip
// floats with ".0" for whole numbers), because mstch's own int is 32 bits and
// its double prints six digits; as strings they are also always true in a
// section, as SPEC.md wants. Strings are built as std::string: a const char*
// would silently become mstch's bool.
//
// mstch copies a table each time a dotted name passes through it
// (`agpm.project.name` copies all of `agpm`), so with `reachable` we leave
// out the members no tag can name, such as the content of dependencies the
// template does not use. A table stays true in a section however many members
// it keeps: mstch never counts a table's members.
mstch::node ToNode(const nlohmann::json& value, const NameParts* reachable) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map map;
      for (const auto& [key, member] : value.items()) {
        if (reachable == nullptr || reachable->count(key) != 0)
          map.emplace(key, ToNode(member, reachable));
      }
      return mstch::node(std::move(map));
    }
    case nlohmann::json::value_t::array: {
      mstch::array array;
      array.reserve(value.size());
      for (const nlohmann::json& element : value)
        array.push_back(ToNode(element, reachable));
      return mstch::node(std::move(array));
    }
    case nlohmann::json::value_t::string:
      return value.get_ref<const std::string&>();
    case nlohmann::json::value_t::boolean:
      return value.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return value.dump();
    default:
      return nullptr;
  }
}

// ---- The strict pre-check -------------------------------------------------

// mstch renders whatever it is given and reports nothing: an unclosed
// section, a tag cut off at the end or a missing partial silently lose text.
// So before mstch sees a template we read its tags ourselves, the way mstch
// reads them (same delimiters, same set-delimiter parsing, names trimmed of
// spaces only), and report what mstch would drop.

// Partials include partials; deeper than this is taken as runaway recursion.
constexpr size_t kMaxPartialDepth = 64;

struct TemplateError {
  size_t offset = 0;  ///< into the template text the error was found in
  std::string message;
};

enum class TagKind {
  kEscaped,          // {{name}}
  kUnescaped,        // {{{name}}} and {{&name}}
  kSection,          // {{#name}}
  kInvertedSection,  // {{^name}}
  kSectionEnd,       // {{/name}}
  kPartial,          // {{>name}}
  kComment,          // {{!text}}
  kSetDelimiters,    // {{=open close=}}
};

struct Tag {
  TagKind kind = TagKind::kEscaped;
  std::string_view name;  ///< trimmed of spaces, as mstch trims it
  size_t begin = 0;       ///< offset of the opening delimiter
};

bool IsSpace(char c) { return c == ' '; }

// mstch trims tag names of spaces only (a tab stays part of the name).
std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDelimiterChar(char c) {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '=';
}

bool IsValidDelimiter(std::string_view delimiter) {
  return !delimiter.empty() &&
         std::all_of(delimiter.begin(), delimiter.end(), IsDelimiterChar);
}

// Reads a template's tags in order, following set-delimiter tags.
class TagReader {
 public:
  enum class Result { kTag, kEnd, kError };

  explicit TagReader(std::string_view text) : text_(text) {}

  /// The next tag into `tag`; at a malformed tag, the error into `error`.
  Result Next(Tag* tag, TemplateError* error);

  /// `name`'s closing tag written with the current delimiters, for messages.
  std::string SectionEndText(std::string_view name) const {
    return open_ + "/" + std::string(name) + close_;
  }

 private:
  Result ReadTripleMustache(size_t begin, size_t end, Tag* tag,
                            TemplateError* error);
  bool SetDelimiters(std::string_view inner);

  std::string_view text_;
  size_t pos_ = 0;
  std::string open_ = "{{";
  std::string close_ = "}}";
};

TagReader::Result TagReader::Next(Tag* tag, TemplateError* error) {
  size_t begin = text_.find(open_, pos_);
  if (begin == std::string_view::npos) return Result::kEnd;
  size_t inner_begin = begin + open_.size();
  size_t end = text_.find(close_, inner_begin);
  if (end == std::string_view::npos) {
    *error = {begin, "unterminated tag"};
    return Result::kError;
  }
  tag->begin = begin;
  std::string_view inner = text_.substr(inner_begin, end - inner_begin);
  if (!inner.empty() && inner.front() == '{')
    return ReadTripleMustache(begin, end, tag, error);
  pos_ = end + close_.size();

  // mstch takes a tag as set-delimiter only with '=' right inside both
  // delimiters; `{{ =a b= }}` would become a variable, so it is an error too.
  std::string_view body = TrimSpaces(inner);
  if (!body.empty() && body.front() == '=') {
    tag->kind = TagKind::kSetDelimiters;
    bool well_formed = inner.size() >= 2 && inner.front() == '=' &&
                       inner.back() == '=' &&
                       SetDelimiters(inner.substr(1, inner.size() - 2));
    if (well_formed) return Result::kTag;
    *error = {begin, "bad set-delimiter tag"};
    return Result::kError;
  }

  tag->kind = TagKind::kEscaped;
  if (!body.empty()) {
    switch (body.front()) {
      case '&':
        tag->kind = TagKind::kUnescaped;
        break;
      case '#':
        tag->kind = TagKind::kSection;
        break;
      case '^':
        tag->kind = TagKind::kInvertedSection;
        break;
      case '/':
        tag->kind = TagKind::kSectionEnd;
        break;
      case '>':
        tag->kind = TagKind::kPartial;
        break;
      case '!':
        tag->kind = TagKind::kComment;
        break;
      default:
        break;
    }
    if (tag->kind != TagKind::kEscaped) body.remove_prefix(1);
  }
  tag->name = TrimSpaces(body);
  if (tag->name.empty() && tag->kind != TagKind::kComment) {
    *error = {begin, "tag has no name"};
    return Result::kError;
  }
  return Result::kTag;
}

// `{{{name}}}`: mstch needs the extra '}' right after the closing delimiter,
// else it reads a variable named "{name".
TagReader::Result TagReader::ReadTripleMustache(size_t begin, size_t end,
                                                Tag* tag,
                                                TemplateError* error) {
  size_t after = end + close_.size();
  if (after >= text_.size() || text_[after] != '}') {
    *error = {begin, "unterminated tag"};
    return Result::kError;
  }
  size_t name_begin = begin + open_.size() + 1;
  tag->kind = TagKind::kUnescaped;
  tag->name = TrimSpaces(text_.substr(name_begin, end - name_begin));
  pos_ = after + 1;
  if (!tag->name.empty()) return Result::kTag;
  *error = {begin, "tag has no name"};
  return Result::kError;
}

// `inner` is what lies between the two '='. mstch splits it at spaces only
// and ignores anything between the first and the last word, so we accept
// exactly two words without whitespace or '=' in them.
bool TagReader::SetDelimiters(std::string_view inner) {
  inner = TrimSpaces(inner);
  size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view open = inner.substr(0, space);
  std::string_view close = TrimSpaces(inner.substr(space));
  if (!IsValidDelimiter(open) || !IsValidDelimiter(close)) return false;
  open_ = std::string(open);
  close_ = std::string(close);
  return true;
}

// The key of `object` nearest to `wanted`, if one is close enough to be a
// likely typo.
std::optional<std::string> NearestKey(const nlohmann::json& object,
                                      std::string_view wanted) {
  if (!object.is_object()) return std::nullopt;
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return NearestName(wanted, keys);
}

const nlohmann::json* MemberOf(const nlohmann::json& object,
                               std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto member = object.find(std::string(key));
  return member == object.end() ? nullptr : &*member;
}

bool IsRootName(std::string_view name) {
  return name.rfind("agpm.", 0) == 0 || name.rfind("project.", 0) == 0;
}

// Resolves the dotted `name` from the root of the context the way mstch
// resolves each part (a key of a map, nothing else); on failure, the message.
std::optional<std::string> CheckRootName(const nlohmann::json& root,
                                         std::string_view name) {
  const nlohmann::json* node = &root;
  size_t part_begin = 0;
  while (true) {
    size_t dot = name.find('.', part_begin);
    std::string_view part = name.substr(part_begin, dot - part_begin);
    const nlohmann::json* value = MemberOf(*node, part);
    if (value == nullptr) {
      std::string message = "undefined name '" + std::string(name) + "'";
      if (std::optional<std::string> key = NearestKey(*node, part))
        message += "; did you mean '" + *key + "'?";
      return message;
    }
    if (dot == std::string_view::npos) return std::nullopt;
    node = value;
    part_begin = dot + 1;
  }
}

// Checks a template and, through it, every partial it includes. Partials are
// checked once each whatever the number of tags naming them, so the cost
// stays linear in the text.
class StrictCheck {
 public:
  StrictCheck(const nlohmann::json& root,
              const std::map<std::string, std::string>& partials)
      : root_(root), partials_(partials) {}

  /// Every independent error of `text`; scanning stops at a parse error.
  std::vector<TemplateError> CheckTemplate(std::string_view text);

  /// The partials the checked templates include, directly or not.
  const std::set<std::string>& used_partials() const { return used_partials_; }

  /// Every name part the checked templates look up.
  const NameParts& name_parts() const { return name_parts_; }

 private:
  void RecordNameParts(std::string_view name);
  void CheckInterpolation(const Tag& tag, std::vector<TemplateError>* errors);
  void CheckPartialTag(const Tag& tag, std::vector<TemplateError>* errors);
  const std::vector<std::string>& PartialErrors(const std::string& name,
                                                const std::string& text);

  const nlohmann::json& root_;
  const std::map<std::string, std::string>& partials_;
  std::map<std::string, std::vector<std::string>> partial_errors_;
  std::vector<std::string> partial_chain_;  // being checked, outermost first
  std::set<std::string> used_partials_;
  NameParts name_parts_;
};

TemplateError SectionNotClosed(const Tag& opener) {
  return {opener.begin,
          "section '" + std::string(opener.name) + "' is not closed"};
}

std::vector<TemplateError> StrictCheck::CheckTemplate(std::string_view text) {
  std::vector<TemplateError> errors;
  std::vector<Tag> open_sections;
  TagReader reader(text);
  Tag tag;
  TemplateError error;
  while (true) {
    TagReader::Result result = reader.Next(&tag, &error);
    if (result == TagReader::Result::kEnd) break;
    if (result == TagReader::Result::kError) {
      errors.push_back(std::move(error));
      return errors;
    }
    switch (tag.kind) {
      case TagKind::kSection:
      case TagKind::kInvertedSection:
        RecordNameParts(tag.name);
        open_sections.push_back(tag);
        break;
      case TagKind::kSectionEnd: {
        auto opener = std::find_if(
            open_sections.rbegin(), open_sections.rend(),
            [&tag](const Tag& open) { return open.name == tag.name; });
        if (opener == open_sections.rend()) {
          errors.push_back({tag.begin, "'" + reader.SectionEndText(tag.name) +
                                           "' closes no open section"});
          return errors;
        }
        // It closes an outer section: the inner ones were left open.
        if (opener != open_sections.rbegin()) {
          errors.push_back(SectionNotClosed(open_sections.back()));
          return errors;
        }
        open_sections.pop_back();
        break;
      }
      case TagKind::kEscaped:
      case TagKind::kUnescaped:
        RecordNameParts(tag.name);
        CheckInterpolation(tag, &errors);
        break;
      case TagKind::kPartial:
        CheckPartialTag(tag, &errors);
        break;
      case TagKind::kComment:
      case TagKind::kSetDelimiters:
        break;
    }
  }
  if (!open_sections.empty())
    errors.push_back(SectionNotClosed(open_sections.back()));
  return errors;
}

void StrictCheck::RecordNameParts(std::string_view name) {
  size_t part_begin = 0;
  while (true) {
    size_t dot = name.find('.', part_begin);
    name_parts_.emplace(name.substr(part_begin, dot - part_begin));
    if (dot == std::string_view::npos) return;
    part_begin = dot + 1;
  }
}

// Only names under agpm. and project. are checked: they always mean the
// root's tables, whereas any other name may legitimately come from a
// section's element or be missing (Mustache renders nothing then).
void StrictCheck::CheckInterpolation(const Tag& tag,
                                     std::vector<TemplateError>* errors) {
  if (!IsRootName(tag.name)) return;
  if (std::optional<std::string> message = CheckRootName(root_, tag.name))
    errors->push_back({tag.begin, std::move(*message)});
}

// Errors inside a partial are reported at the tag that includes it: the
// locator only knows the including text.
void StrictCheck::CheckPartialTag(const Tag& tag,
                                  std::vector<TemplateError>* errors) {
  std::string name(tag.name);
  auto partial = partials_.find(name);
  if (partial == partials_.end()) {
    errors->push_back({tag.begin, "unknown partial '" + name + "'"});
    return;
  }
  if (std::find(partial_chain_.begin(), partial_chain_.end(), name) !=
      partial_chain_.end()) {
    errors->push_back({tag.begin, "partial '" + name + "' includes itself"});
    return;
  }
  if (partial_chain_.size() >= kMaxPartialDepth) {
    errors->push_back({tag.begin, "partials nest more than " +
                                      std::to_string(kMaxPartialDepth) +
                                      " deep"});
    return;
  }
  used_partials_.insert(name);
  for (const std::string& message : PartialErrors(name, partial->second))
    errors->push_back({tag.begin, "in partial '" + name + "': " + message});
}

const std::vector<std::string>& StrictCheck::PartialErrors(
    const std::string& name, const std::string& text) {
  auto checked = partial_errors_.find(name);
  if (checked != partial_errors_.end()) return checked->second;
  partial_chain_.push_back(name);
  std::vector<std::string> messages;
  for (TemplateError& error : CheckTemplate(text))
    messages.push_back(std::move(error.message));
  partial_chain_.pop_back();
  return partial_errors_[name] = std::move(messages);
}

// ---- Repetition bound ------------------------------------------------------

// Sections nest, and each may repeat its body once per element of a list:
// thirty sections over a list of two would run a billion times and never
// finish, printing nothing an output limit could stop. mstch cannot be
// interrupted, so before it runs we bound how often the tags could run: a
// section whose name resolves from the root repeats as often as its list is
// long (once for anything else), and one whose name may come from an
// element counts the longest list in the context.
constexpr double kMaxRepetitions = 1000 * 1000;

size_t LongestList(const nlohmann::json& value) {
  size_t longest = value.is_array() ? value.size() : 0;
  if (value.is_structured()) {
    for (const nlohmann::json& member : value)
      longest = std::max(longest, LongestList(member));
  }
  return longest;
}

class RepetitionBound {
 public:
  RepetitionBound(const nlohmann::json& root,
                  const std::map<std::string, std::string>& partials)
      : root_(root), partials_(partials), longest_(LongestList(root)) {}

  /// How often the tags of `text` may run in all, up to just past the limit;
  /// `*where` gets the section tag at which the limit was passed.
  double Of(std::string_view text, size_t depth, size_t* where) {
    double total = 0;
    std::vector<double> repeats = {1};
    TagReader reader(text);
    Tag tag;
    TemplateError error;
    while (reader.Next(&tag, &error) == TagReader::Result::kTag &&
           total <= kMaxRepetitions) {
      total += repeats.back();
      if (tag.kind == TagKind::kSection) {
        repeats.push_back(repeats.back() * Repeats(tag.name));
        if (repeats.back() > kMaxRepetitions) {
          *where = tag.begin;
          return repeats.back();
        }
      } else if (tag.kind == TagKind::kInvertedSection) {
        repeats.push_back(repeats.back());
      } else if (tag.kind == TagKind::kSectionEnd && repeats.size() > 1) {
        repeats.pop_back();
      } else if (tag.kind == TagKind::kPartial && depth < kMaxPartialDepth) {
        total += repeats.back() * OfPartial(std::string(tag.name), depth + 1);
        if (total > kMaxRepetitions) *where = tag.begin;
      }
    }
    if (total > kMaxRepetitions && *where == 0) *where = tag.begin;
    return total;
  }

 private:
  // A partial's bound does not depend on where it is included (names resolve
  // from the root), so each is computed once.
  double OfPartial(const std::string& name, size_t depth) {
    auto known = partial_bounds_.find(name);
    if (known != partial_bounds_.end()) return known->second;
    auto partial = partials_.find(name);
    double bound = 0;
    if (partial != partials_.end()) {
      partial_bounds_[name] = 0;  // a cycle was already reported by the check
      size_t inner = 0;
      bound = Of(partial->second, depth, &inner);
    }
    partial_bounds_[name] = bound;
    return bound;
  }

  double Repeats(std::string_view name) {
    const nlohmann::json* node = &root_;
    size_t part_begin = 0;
    while (name != ".") {
      size_t dot = name.find('.', part_begin);
      node = MemberOf(*node, name.substr(part_begin, dot - part_begin));
      if (node == nullptr) break;
      if (dot == std::string_view::npos) {
        return node->is_array() ? static_cast<double>(node->size()) : 1;
      }
      part_begin = dot + 1;
    }
    return static_cast<double>(std::max<size_t>(longest_, 1));
  }

  const nlohmann::json& root_;
  const std::map<std::string, std::string>& partials_;
  size_t longest_;
  std::map<std::string, double> partial_bounds_;
};

}  // namespace

std::optional<std::string> RenderMustache(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, const Locator& locate,
    DiagnosticSink& sink, const MustacheOptions& options) {
  InstallEscapeHookOnce();
  try {
    if (!options.strict) {
      ScopedEscaping escaping(options.escape_html);
      return mstch::render(std::string(text), ToNode(context, nullptr),
                           partials);
    }
    StrictCheck check(context, partials);
    std::vector<TemplateError> errors = check.CheckTemplate(text);
    if (!errors.empty()) {
      std::stable_sort(errors.begin(), errors.end(),
                       [](const TemplateError& a, const TemplateError& b) {
                         return a.offset < b.offset;
                       });
      for (TemplateError& error : errors)
        sink.Error(locate(error.offset), std::move(error.message));
      return std::nullopt;
    }
    size_t where = 0;
    if (RepetitionBound(context, partials).Of(text, 0, &where) >
        kMaxRepetitions) {
      sink.Error(locate(where),
                 "sections nested over lists would repeat more than 1000000 "
                 "times, the limit on one render");
      return std::nullopt;
    }
    // mstch parses every partial it is given, used or not; the check knows
    // which ones the template reaches, so only those are handed over.
    const std::map<std::string, std::string>* used_partials = &partials;
    std::map<std::string, std::string> reached_partials;
    if (check.used_partials().size() < partials.size()) {
      for (const std::string& name : check.used_partials())
        reached_partials.emplace(name, partials.at(name));
      used_partials = &reached_partials;
    }
    ScopedEscaping escaping(options.escape_html);
    return mstch::render(std::string(text),
                         ToNode(context, &check.name_parts()), *used_partials);
  } catch (const std::exception& e) {
    sink.Error(locate(0), std::string("cannot render: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace agentgen
