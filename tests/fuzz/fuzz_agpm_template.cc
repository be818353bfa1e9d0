// SPDX-License-Identifier: MIT
// Fuzzes the AGPM dialect's parser and evaluator over a fixed context.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engines/agpm/agpm_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const nlohmann::json context = nlohmann::json::parse(R"({
    "agpm": {"project": {"language": "go", "n": 3, "f": 0.5, "on": true,
                         "list": ["a", "b"], "table": {"k": "v"}},
             "resource": {"name": "agents/a", "version": null},
             "deps": {"snippets": {"base": {"content": "B {{ x }}"}},
                      "agents": {}}},
    "project": {"language": "go"}})");
  std::string text(reinterpret_cast<const char*>(data), size);
  agentgen::DiagnosticSink sink;
  agentgen::Locator locate = agentgen::SliceLocator("f.md", text, 0);
  std::optional<agentgen::AgpmTemplate> parsed =
      agentgen::AgpmTemplate::Parse(text, locate, sink);
  if (!parsed) return 0;
  agentgen::ContentFilter content = [](const std::string& path,
                                       const agentgen::Location&,
                                       agentgen::DiagnosticSink&) {
    return std::optional<std::string>("content of " + path);
  };
  agentgen::OffsetMap offsets;
  // A smaller budget than a render's keeps each run short, so the fuzzer
  // covers more inputs; the limit itself is tested elsewhere.
  agentgen::WorkBudget budget(200 * 1000, 200 * 1000);
  std::optional<std::string> out =
      parsed->Render(context, content, sink, &offsets, &budget);
  if (out) {
    for (size_t i = 0; i <= out->size(); i += 7) offsets.ToInput(i);
  }
  return 0;
}
