// SPDX-License-Identifier: MIT
// What the AGPM engine's tests share: a context, and parsing and rendering
// one template (file `a.md`) through the AgpmTemplate facade.
#ifndef AGENTGEN_TESTS_ENGINES_AGPM_AGPM_TEST_SUPPORT_H_
#define AGENTGEN_TESTS_ENGINES_AGPM_AGPM_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "engines/agpm/agpm_template.h"

namespace agentgen {

using nlohmann::json;

inline json TestContext() {
  return json::parse(R"({
    "agpm": {
      "project": {
        "language": "rust", "styleguide": "docs/style.md", "ratio": 0.1,
        "big": 100.0, "n": -7, "on": false, "empty": "", "nothing": null,
        "tags": ["x", "y"], "nested": {"k": "v"}, "t": true, "f": false
      },
      "resource": {"name": "agents/a", "type": "agent", "version": null},
      "deps": {
        "agents": {},
        "snippets": {
          "review_base": {"content": "You review.", "name": "snippets/rb"},
          "alpha": {"content": "A"}
        },
        "mcp-servers": {"context7": {"content": "{}"}}
      }
    },
    "project": {"language": "rust"}
  })");
}

// What parsing and rendering one template, file `a.md`, gave.
struct Outcome {
  bool parsed = false;
  std::optional<std::string> output;
  std::vector<std::string> diagnostics;  // each formatted whole
};

inline Outcome ParseAndRender(const std::string& text,
                              const json& context = TestContext(),
                              const ContentFilter& content = nullptr,
                              OffsetMap* offsets = nullptr) {
  Outcome outcome;
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(text, SliceLocator("a.md", text, 0), sink);
  if (parsed) {
    outcome.parsed = true;
    outcome.output = parsed->Render(context, content, sink, offsets);
  }
  for (const Diagnostic& diagnostic : sink.diagnostics())
    outcome.diagnostics.push_back(FormatDiagnostic(diagnostic));
  return outcome;
}

// The output of a template that must render without diagnostics.
inline std::string Rendered(const std::string& text,
                            const json& context = TestContext(),
                            const ContentFilter& content = nullptr) {
  Outcome outcome = ParseAndRender(text, context, content);
  EXPECT_TRUE(outcome.diagnostics.empty())
      << (outcome.diagnostics.empty() ? "" : outcome.diagnostics.front());
  return outcome.output.value_or("<failed>");
}

// The single diagnostic of a template that must fail to parse.
inline std::string ParseError(const std::string& text) {
  Outcome outcome = ParseAndRender(text);
  EXPECT_FALSE(outcome.parsed);
  EXPECT_EQ(outcome.diagnostics.size(), 1u);
  return outcome.diagnostics.empty() ? "" : outcome.diagnostics.front();
}

// The single diagnostic of a template that parses but fails to render.
inline std::string RenderError(const std::string& text,
                               const json& context = TestContext(),
                               const ContentFilter& content = nullptr) {
  Outcome outcome = ParseAndRender(text, context, content);
  EXPECT_TRUE(outcome.parsed);
  EXPECT_FALSE(outcome.output.has_value());
  EXPECT_EQ(outcome.diagnostics.size(), 1u);
  return outcome.diagnostics.empty() ? "" : outcome.diagnostics.front();
}

// A content filter that records each call and answers `<path>`.
struct ContentCall {
  std::string path;
  int line;
  int column;
};

inline ContentFilter RecordingContent(std::vector<ContentCall>* calls) {
  return
      [calls](const std::string& path, const Location& where, DiagnosticSink&) {
        calls->push_back({path, where.line, where.column});
        return std::optional<std::string>("<" + path + ">");
      };
}

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_ENGINES_AGPM_AGPM_TEST_SUPPORT_H_
