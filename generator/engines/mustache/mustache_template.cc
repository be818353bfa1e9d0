// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_template.h"

#include <algorithm>
#include <exception>
#include <mstch/mstch.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/nearest_name.h"
#include "engines/mustache/mustache_tags.h"
#include "engines/mustache/mustache_work.h"

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
// section, as docs/templates.md says. Strings are built as std::string: a const
// char* would silently become mstch's bool.
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
// reads them (mustache_tags.h), and report what mstch would drop.

// Partials include partials; deeper than this is taken as runaway recursion.
constexpr size_t kMaxPartialDepth = 64;

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

}  // namespace

std::optional<std::string> RenderMustache(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, const Locator& locate,
    DiagnosticSink& sink, const MustacheOptions& options) {
  InstallEscapeHookOnce();
  WorkBudget own_budget;
  WorkBudget& budget = options.budget ? *options.budget : own_budget;
  try {
    // mstch parses every partial it is given, used or not; the check knows
    // which ones the template reaches, so only those are handed over.
    const std::map<std::string, std::string>* given_partials = &partials;
    std::map<std::string, std::string> reached_partials;
    std::optional<StrictCheck> check;
    if (options.strict) {
      check.emplace(context, partials);
      std::vector<TemplateError> errors = check->CheckTemplate(text);
      if (!errors.empty()) {
        std::stable_sort(errors.begin(), errors.end(),
                         [](const TemplateError& a, const TemplateError& b) {
                           return a.offset < b.offset;
                         });
        for (TemplateError& error : errors)
          sink.Error(locate(error.offset), std::move(error.message));
        return std::nullopt;
      }
      if (check->used_partials().size() < partials.size()) {
        for (const std::string& name : check->used_partials())
          reached_partials.emplace(name, partials.at(name));
        given_partials = &reached_partials;
      }
    }
    // mstch cannot be stopped once it runs: its work is played through
    // first, and it runs only when that fits the render's limits.
    if (std::optional<TemplateError> error = PlayMstchRender(
            text, context, *given_partials, options.escape_html, budget)) {
      sink.Error(locate(error->offset), std::move(error->message));
      return std::nullopt;
    }
    ScopedEscaping escaping(options.escape_html);
    std::string rendered =
        mstch::render(std::string(text),
                      ToNode(context, check ? &check->name_parts() : nullptr),
                      *given_partials);
    // The play-through bounds the output from above; this is a safety net.
    if (rendered.size() > kMaxRenderedSize) {
      sink.Error(locate(0), RenderedSizeLimitMessage());
      return std::nullopt;
    }
    return rendered;
  } catch (const std::exception& e) {
    sink.Error(locate(0), std::string("cannot render: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace agentgen
