// SPDX-License-Identifier: MIT
// Runs the official Mustache specification (the JSON files of the shared
// conformance folder) through RenderMustache with HTML escaping on and the
// strict pre-check off, as SPEC.md section 7 requires.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "engines/mustache/mustache_template.h"

namespace agentgen {
namespace {

const char kSpecDir[] = AGENTGEN_SHARED_DIR "/conformance/mustache-spec";

struct SpecCase {
  std::string file;  ///< the spec file's stem, e.g. "sections"
  std::string name;  ///< the test's name inside that file
  nlohmann::json test;
};

std::vector<std::filesystem::path> SpecFiles() {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(kSpecDir, error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Loads every test of every spec file. A file that does not parse becomes
// one case that fails, so a broken suite cannot pass silently.
std::vector<SpecCase> LoadSpecCases() {
  std::vector<SpecCase> cases;
  for (const std::filesystem::path& path : SpecFiles()) {
    std::ifstream in(path);
    std::stringstream bytes;
    bytes << in.rdbuf();
    nlohmann::json spec =
        nlohmann::json::parse(bytes.str(), nullptr, /*allow_exceptions=*/false);
    std::string file = path.stem().string();
    if (!spec.is_object() || !spec.contains("tests") ||
        !spec["tests"].is_array()) {
      cases.push_back({file, "unreadable", nlohmann::json()});
      continue;
    }
    for (const nlohmann::json& test : spec["tests"])
      cases.push_back({file, test.value("name", "unnamed"), test});
  }
  return cases;
}

// Keeps GoogleTest from printing a case as raw bytes.
void PrintTo(const SpecCase& spec_case, std::ostream* out) {
  *out << spec_case.file << ": " << spec_case.name;
}

// GoogleTest names allow only letters, digits and underscores.
std::string CaseName(const testing::TestParamInfo<SpecCase>& info) {
  std::string name = info.param.file + "_" + info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class MustacheSpec : public testing::TestWithParam<SpecCase> {
 protected:
  // Renders the case's template over its data and partials.
  std::optional<std::string> Render(const MustacheOptions& options) {
    const nlohmann::json& test = GetParam().test;
    text_ = test.at("template").get<std::string>();
    std::map<std::string, std::string> partials;
    if (test.contains("partials")) {
      for (const auto& [name, partial] : test["partials"].items())
        partials[name] = partial.get<std::string>();
    }
    return RenderMustache(text_, test.at("data"), partials,
                          SliceLocator("spec.mustache", text_, 0), sink_,
                          options);
  }

  std::string Expected() const {
    return GetParam().test.at("expected").get<std::string>();
  }

  std::string text_;
  DiagnosticSink sink_;
};

TEST_P(MustacheSpec, RendersTheExpectedOutput) {
  ASSERT_TRUE(GetParam().test.is_object())
      << "cannot read spec file " << GetParam().file;
  MustacheOptions options;
  options.escape_html = true;
  options.strict = false;
  std::optional<std::string> out = Render(options);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, Expected())
      << GetParam().test.value("desc", "") << "\ntemplate:\n"
      << text_;
  EXPECT_TRUE(sink_.diagnostics().empty());
}

// The strict render hands mstch a pruned context and only the partials the
// template reaches; whenever the check accepts a spec template, the output
// must still be the spec's. It rejects exactly two on purpose: an unknown
// partial and a partial that includes itself.
TEST_P(MustacheSpec, StrictRendersTheSameWhereItAccepts) {
  ASSERT_TRUE(GetParam().test.is_object());
  MustacheOptions options;
  options.escape_html = true;
  options.strict = true;
  std::optional<std::string> out = Render(options);
  const std::string& file = GetParam().file;
  const std::string& name = GetParam().name;
  bool meant_to_fail =
      file == "partials" && (name == "Failed Lookup" || name == "Recursion");
  if (meant_to_fail) {
    EXPECT_FALSE(out.has_value());
    EXPECT_FALSE(sink_.diagnostics().empty());
    return;
  }
  ASSERT_TRUE(out.has_value()) << FormatDiagnostic(sink_.diagnostics()[0]);
  EXPECT_EQ(*out, Expected()) << text_;
}

INSTANTIATE_TEST_SUITE_P(MustacheOfficial, MustacheSpec,
                         testing::ValuesIn(LoadSpecCases()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(MustacheSpec);

// The suite lives beside the checkout, so a user's clone has none: say so
// rather than pass with nothing run.
TEST_F(MustacheSpec, SuiteIsPresent) {
  if (SpecFiles().empty())
    GTEST_SKIP() << "no Mustache spec files in " << kSpecDir;
  EXPECT_FALSE(LoadSpecCases().empty());
}

}  // namespace
}  // namespace agentgen
