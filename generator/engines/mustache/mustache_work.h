// SPDX-License-Identifier: MIT
// What mstch will do for a render, worked out before it runs. mstch cannot
// be stopped once running and some inputs keep it busy for hours: sections
// nested over a list repeat n^depth times, each repetition copying the
// section's tokens again; every standalone tag line costs a move of all the
// tokens after it; a dotted name recurses once per part. So the template is
// read the way mstch reads it and its render is played through over the
// same context without producing text, counting the render's steps
// (docs/limits.md, "Work budget"), the operations mstch would make and the size
// of the output. mstch runs only when all of them fit.
#ifndef AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_WORK_H_
#define AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_WORK_H_

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/work_budget.h"
#include "engines/mustache/mustache_tags.h"

namespace agentgen {

/// Plays the render of `text` over `context` through, with exactly the
/// `partials` mstch will be given, taking its steps and mstch operations
/// from `budget`. `escape_html`: whether interpolations will be escaped
/// (which can make them longer). Returns the first reason not to run mstch,
/// at an offset of `text`: a limit crossed (at the outermost section or
/// partial tag of `text` that was being rendered), sections and partials
/// nested too deep, a name of too many parts, or a tag mstch would misread.
/// `output_size`, when given, receives a bound on the length of mstch's
/// output: exact without escaping and without indented standalone partials.
std::optional<TemplateError> PlayMstchRender(
    std::string_view text, const nlohmann::json& context,
    const std::map<std::string, std::string>& partials, bool escape_html,
    WorkBudget& budget, uint64_t* output_size = nullptr);

/// How deep sections and partials may nest while rendering.
inline constexpr size_t kMaxMustacheNesting = 128;

/// The most parts (`a.b.c` has three) a name may have.
inline constexpr size_t kMaxMustacheNameParts = 64;

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_WORK_H_
