// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_template.h"

#include <exception>
#include <utility>

#include "engines/agpm/agpm_ast.h"
#include "engines/agpm/agpm_parser.h"
#include "engines/agpm/agpm_renderer.h"

namespace agentgen {

// The parsed template; the tree lives in agpm_ast.h.
struct AgpmNode {
  agpm::Block body;
};

AgpmTemplate::AgpmTemplate() = default;
AgpmTemplate::AgpmTemplate(AgpmTemplate&&) noexcept = default;
AgpmTemplate& AgpmTemplate::operator=(AgpmTemplate&&) noexcept = default;
AgpmTemplate::~AgpmTemplate() = default;

std::optional<AgpmTemplate> AgpmTemplate::Parse(std::string text,
                                                Locator locate,
                                                DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "template");
  try {
    auto root = std::make_unique<AgpmNode>();
    if (!agpm::ParseTemplate(text, locate, sink, &root->body))
      return std::nullopt;
    AgpmTemplate parsed;
    parsed.text_ = std::move(text);
    parsed.locate_ = std::move(locate);
    parsed.root_ = std::move(root);
    return std::optional<AgpmTemplate>(std::move(parsed));
  } catch (const std::exception& e) {
    sink.Error(locate(0),
               std::string("cannot parse the template: ") + e.what());
    return std::nullopt;
  }
}

std::optional<std::string> AgpmTemplate::Render(const nlohmann::json& context,
                                                const ContentFilter& content,
                                                DiagnosticSink& sink,
                                                OffsetMap* offsets,
                                                WorkBudget* budget) const {
  if (root_ == nullptr) return std::nullopt;  // a moved-from template
  DiagnosticSink::RuleScope rule(sink, "template");
  WorkBudget own_budget;
  try {
    return agpm::RenderTemplate(root_->body, text_, locate_, context, content,
                                sink, offsets,
                                budget != nullptr ? *budget : own_budget);
  } catch (const std::exception& e) {
    sink.Error(locate_(0),
               std::string("cannot render the template: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace agentgen
