// SPDX-License-Identifier: MIT
// What the Mustache engine's tests share: rendering one template, file
// `m.md`, through RenderMustache and reading what it reported.
#ifndef AGENTGEN_TESTS_ENGINES_MUSTACHE_MUSTACHE_TEST_SUPPORT_H_
#define AGENTGEN_TESTS_ENGINES_MUSTACHE_MUSTACHE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "engines/mustache/mustache_template.h"

namespace agentgen {

class MustacheFixture : public testing::Test {
 protected:
  // Renders `text` as the whole of file m.md.
  std::optional<std::string> Render(
      std::string text,
      const nlohmann::json& context = nlohmann::json::object(),
      MustacheOptions options = {}) {
    text_ = std::move(text);
    return RenderMustache(text_, context, partials_,
                          SliceLocator("m.md", text_, 0), sink_, options);
  }

  // Every diagnostic as printed, source line and caret included.
  std::vector<std::string> Errors() const {
    std::vector<std::string> printed;
    for (const Diagnostic& diagnostic : sink_.diagnostics())
      printed.push_back(FormatDiagnostic(diagnostic));
    return printed;
  }

  std::string text_;
  std::map<std::string, std::string> partials_;
  DiagnosticSink sink_;
};

}  // namespace agentgen

#endif  // AGENTGEN_TESTS_ENGINES_MUSTACHE_MUSTACHE_TEST_SUPPORT_H_
