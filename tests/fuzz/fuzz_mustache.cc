// SPDX-License-Identifier: MIT
// Fuzzes the Mustache pre-check and mstch's render, strict and not.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mustache_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const nlohmann::json context = nlohmann::json::parse(R"({
    "agpm": {"project": {"team": "core", "n": 3, "list": [1, 2]},
             "deps": {"snippets": {"base": {"content": "B"}}}},
    "project": {"team": "core"}, "items": [{"name": "x"}, {"name": "y"}]})");
  // The first byte picks the mode; the rest is split into a template and a
  // partial at the first NUL.
  agentgen::MustacheOptions options;
  options.strict = (data[0] & 1) != 0;
  options.escape_html = (data[0] & 2) != 0;
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t split = rest.find('\0');
  std::string text = rest.substr(0, split);
  std::map<std::string, std::string> partials;
  if (split != std::string::npos) partials["base"] = rest.substr(split + 1);
  // mstch recurses on a partial that includes itself without the strict
  // pre-check's cycle guard; only the strict mode is for user input.
  if (!options.strict && text.find('>') != std::string::npos) return 0;
  agentgen::DiagnosticSink sink;
  agentgen::RenderMustache(text, context, partials,
                           agentgen::SliceLocator("m.md", text, 0), sink,
                           options);
  return 0;
}
