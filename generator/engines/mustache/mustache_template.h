// SPDX-License-Identifier: MIT
// The Mustache dialect (docs/templates.md, "The Mustache dialect"): rendered by
// mstch, after a strictness pre-check of our own, because mstch silently drops
// unbalanced sections and missing names.
#ifndef AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TEMPLATE_H_
#define AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TEMPLATE_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/work_budget.h"

namespace agentgen {

struct MustacheOptions {
  /// HTML-escape `{{name}}` output (the Mustache default). Agents render
  /// with it off; the Mustache spec suite runs with it on.
  bool escape_html = false;
  /// The pre-check: unbalanced or unterminated tags, unknown partials, and
  /// `agpm.`/`project.` names that do not resolve from the context's root are
  /// errors. Off only for the Mustache spec suite.
  bool strict = true;
  /// The render's budget, which every step is taken from (a budget of its
  /// own when null).
  WorkBudget* budget = nullptr;
};

/// Renders `text` (LF line ends) over `context` (a JSON object, converted for
/// mstch at the boundary). `partials` maps a partial name to its template
/// text. Errors go to `sink` through `locate` (offsets into `text`); returns
/// nullopt when any was reported.
std::optional<std::string> RenderMustache(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, const Locator& locate,
    DiagnosticSink& sink, const MustacheOptions& options = {});

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TEMPLATE_H_
