// SPDX-License-Identifier: MIT
// Rendering a parsed AGPM template (docs/templates.md, "The AGPM dialect")
// over its context: every evaluation error is reported (an undefined name
// does not stop the render), and every step is taken from the render's
// budget (docs/limits.md, "Work budget").
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_RENDERER_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_RENDERER_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/work_budget.h"
#include "engines/agpm/agpm_ast.h"
#include "engines/agpm/agpm_filters.h"
#include "engines/agpm/agpm_values.h"
#include "engines/agpm/offset_map.h"

namespace agentgen::agpm {

/// Renders `root`, parsed from `text` (whose offsets `locate` places), over
/// `context`. Returns nullopt when any error was reported.
std::optional<std::string> RenderTemplate(
    const Block& root, std::string_view text, const Locator& locate,
    const nlohmann::json& context, const ContentFilter& content,
    DiagnosticSink& sink, OffsetMap* offsets, WorkBudget& budget);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_RENDERER_H_
