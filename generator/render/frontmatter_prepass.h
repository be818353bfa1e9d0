// SPDX-License-Identifier: MIT
// The frontmatter pre-pass as the render session runs it (docs/templates.md,
// "The frontmatter pre-pass"): the frontmatter is an AGPM template over the
// project alone: `agpm.resource` and `agpm.deps` are undefined there, as in
// AGPM's resolver.
#ifndef AGENTGEN_RENDER_FRONTMATTER_PREPASS_H_
#define AGENTGEN_RENDER_FRONTMATTER_PREPASS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "context/content_filter.h"
#include "inputs/dependency_graph.h"

namespace agentgen {

class AgpmFrontmatterPrepass : public FrontmatterPrepass {
 public:
  /// `project` is the merged project table; `content` reads for `| content`.
  AgpmFrontmatterPrepass(
      nlohmann::json project, ContentFilterReader& content,
      nlohmann::json context_variables = nlohmann::json::object())
      : project_(std::move(project)),
        context_variables_(std::move(context_variables)),
        content_(content) {}

  std::optional<Rendered> Render(InputFile& file, std::string_view yaml,
                                 const Locator& locate, DiagnosticSink& sink,
                                 WorkBudget& budget) override;

 private:
  const nlohmann::json project_;
  const nlohmann::json context_variables_;  // --context-var
  ContentFilterReader& content_;
};

}  // namespace agentgen

#endif  // AGENTGEN_RENDER_FRONTMATTER_PREPASS_H_
