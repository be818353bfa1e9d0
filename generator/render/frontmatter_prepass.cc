// SPDX-License-Identifier: MIT
#include "render/frontmatter_prepass.h"

#include <memory>
#include <string>

#include "context/template_context.h"
#include "engines/agpm/agpm_template.h"

namespace agentgen {

std::optional<FrontmatterPrepass::Rendered> AgpmFrontmatterPrepass::Render(
    InputFile& file, std::string_view yaml, const Locator& locate,
    DiagnosticSink& sink, WorkBudget& budget) {
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(std::string(yaml), locate, sink);
  if (!parsed) return std::nullopt;
  nlohmann::json context = PrepassContext(project_);
  AddContextVariables(&context, context_variables_, true);
  ContentFilterReader& reader = content_;
  ContentFilter content = [&reader](const std::string& path,
                                    const Location& where,
                                    DiagnosticSink& filter_sink) {
    return reader.Read(path, where, filter_sink);
  };
  // What the pre-pass read and spent is kept with the file: a later source
  // of a batch that reuses the file is charged the same (render_session.h).
  auto offsets = std::make_shared<OffsetMap>();
  reader.BeginRecording(&file.prepass_reads);
  WorkCost spent_before = budget.spent();
  std::optional<std::string> output =
      parsed->Render(context, content, sink, offsets.get(), &budget);
  file.prepass_cost = budget.SpentSince(spent_before);
  reader.EndRecording();
  if (!output) return std::nullopt;
  // YAML errors in the rendered text point at what produced it.
  return Rendered{std::move(*output), [offsets, locate](size_t offset) {
                    return locate(offsets->ToInput(offset));
                  }};
}

}  // namespace agentgen
