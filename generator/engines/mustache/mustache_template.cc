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

#include "engines/mustache/mustache_strict_check.h"
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

}  // namespace

std::optional<std::string> RenderMustache(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, const Locator& locate,
    DiagnosticSink& sink, const MustacheOptions& options) {
  DiagnosticSink::RuleScope rule(sink, "template");
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
