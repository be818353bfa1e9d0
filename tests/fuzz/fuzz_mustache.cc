// SPDX-License-Identifier: MIT
// Fuzzes the Mustache pre-check and mstch's render, strict and not, and
// checks that the work model (mustache_work.h) plays mstch's render through
// faithfully: the output length it predicts bounds what mstch wrote.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engines/mustache/mustache_template.h"
#include "engines/mustache/mustache_work.h"

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
  // A partial that includes itself, which only the unchecked mode lets
  // through, is stopped by the work model's nesting limit.
  // A smaller budget than a render's keeps each run short, so the fuzzer
  // covers more inputs; the limits themselves are tested elsewhere.
  agentgen::WorkBudget budget(200 * 1000, 200 * 1000);
  options.budget = &budget;
  agentgen::DiagnosticSink sink;
  std::optional<std::string> out = agentgen::RenderMustache(
      text, context, partials, agentgen::SliceLocator("m.md", text, 0), sink,
      options);
  if (!out) return 0;
  agentgen::WorkBudget unlimited(~uint64_t{0} >> 1, ~uint64_t{0} >> 1);
  uint64_t predicted = 0;
  // Checked, mstch is given only the partials the template reaches; a
  // malformed one it never sees fails the model here, with nothing to
  // compare.
  bool played = !agentgen::PlayMstchRender(
      text, context, partials, options.escape_html, unlimited, &predicted);
  if (played && predicted < out->size()) {
    std::fprintf(stderr, "mstch wrote %zu bytes, the model predicted %llu\n",
                 out->size(), static_cast<unsigned long long>(predicted));
    std::abort();
  }
  return 0;
}
