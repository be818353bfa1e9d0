// SPDX-License-Identifier: MIT
// The AGPM dialect (docs/templates.md, "The AGPM dialect"): the subset of Tera
// that real agent files use, parsed and evaluated by our own compact code since
// no C++ Jinja library is packaged.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/work_budget.h"
#include "engines/agpm/agpm_filters.h"
#include "engines/agpm/agpm_renderer.h"
#include "engines/agpm/offset_map.h"

namespace agentgen {

struct AgpmNode;  // the parsed template (agpm_ast.h)

/// A parsed AGPM template. Parse once, render many times.
class AgpmTemplate {
 public:
  /// Parses `text` (LF line ends). `locate` turns offsets of `text` into
  /// places in its file. Reports parse errors to `sink` and returns nullopt
  /// on any.
  static std::optional<AgpmTemplate> Parse(std::string text, Locator locate,
                                           DiagnosticSink& sink);

  /// Renders over `context` (a JSON object). Reports every evaluation error
  /// (an undefined name does not stop the render) and returns nullopt when
  /// there was any. `offsets`, when given, receives the output-to-template map.
  /// Every step is taken from `budget` (the render's; a budget of its own
  /// when null).
  std::optional<std::string> Render(const nlohmann::json& context,
                                    const ContentFilter& content,
                                    DiagnosticSink& sink,
                                    OffsetMap* offsets = nullptr,
                                    WorkBudget* budget = nullptr) const;

  AgpmTemplate(AgpmTemplate&&) noexcept;
  AgpmTemplate& operator=(AgpmTemplate&&) noexcept;
  ~AgpmTemplate();

 private:
  AgpmTemplate();
  std::string text_;
  Locator locate_;
  std::unique_ptr<AgpmNode> root_;
};

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_
