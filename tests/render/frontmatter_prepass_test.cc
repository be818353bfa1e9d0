// SPDX-License-Identifier: MIT
#include "render/frontmatter_prepass.h"

#include <gtest/gtest.h>

#include <string>

#include "support/memory_file_system.h"

namespace agentgen {
namespace {

class FrontmatterPrepassTest : public ::testing::Test {
 protected:
  FrontmatterPrepassTest() : reader_(fs_, ReadArea{"/w", ".", true, {}}) {
    file_.path = "/w/a.md";
    file_.display = "a.md";
    file_.relative = "a.md";
    file_.type = "agent";
  }

  MemoryFileSystem fs_{"/w"};
  ContentFilterReader reader_;
  InputFile file_;
  DiagnosticSink sink_;
  WorkBudget budget_;
};

// The frontmatter sees the project, and what rendering it read and cost is
// kept with the file for later reuse.
TEST_F(FrontmatterPrepassTest, RendersWithTheProject) {
  fs_.Add("lang.txt", "go");
  std::string yaml =
      "path: {{ agpm.project.dir }}/x.md\n"
      "lang: {{ 'lang.txt' | content }}\n";
  AgpmFrontmatterPrepass prepass({{"dir", "snippets"}}, reader_);
  std::optional<FrontmatterPrepass::Rendered> rendered = prepass.Render(
      file_, yaml, SliceLocator("a.md", yaml, 0), sink_, budget_);
  ASSERT_TRUE(rendered);
  EXPECT_EQ(rendered->yaml, "path: snippets/x.md\nlang: go\n");
  ASSERT_EQ(file_.prepass_reads.size(), 1u);
  EXPECT_EQ(file_.prepass_reads[0].path, "/w/lang.txt");
  EXPECT_EQ(file_.prepass_cost.steps, budget_.spent().steps);
  EXPECT_GE(file_.prepass_cost.steps, 3u);
}

// Offsets of the rendered YAML lead back to the tag that produced them.
TEST_F(FrontmatterPrepassTest, ItsLocatorPointsIntoTheTemplate) {
  std::string yaml = "a: 1\nb: {{ agpm.project.v }}\n";
  AgpmFrontmatterPrepass prepass({{"v", "some long value"}}, reader_);
  std::optional<FrontmatterPrepass::Rendered> rendered = prepass.Render(
      file_, yaml, SliceLocator("a.md", yaml, 0), sink_, budget_);
  ASSERT_TRUE(rendered);
  Location inside_value = rendered->locate(rendered->yaml.find("long"));
  EXPECT_EQ(inside_value.line, 2);
  EXPECT_EQ(inside_value.column, 4);
}

TEST_F(FrontmatterPrepassTest, ErrorsAreReportedInTheTemplate) {
  std::string yaml = "a: {{ agpm.project.nope }}\n";
  AgpmFrontmatterPrepass prepass(nlohmann::json::object(), reader_);
  EXPECT_FALSE(prepass.Render(file_, yaml, SliceLocator("a.md", yaml, 0), sink_,
                              budget_));
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_EQ(sink_.diagnostics()[0].where.column, 7);
}

// As in AGPM's resolver, the file's own resource is not known yet: printing
// it is an undefined name, and a guard on it is false.
TEST_F(FrontmatterPrepassTest, TheResourceIsUndefined) {
  std::string yaml = "a: {{ agpm.resource.name }}\n";
  AgpmFrontmatterPrepass prepass(nlohmann::json::object(), reader_);
  EXPECT_FALSE(prepass.Render(file_, yaml, SliceLocator("a.md", yaml, 0), sink_,
                              budget_));
  ASSERT_EQ(sink_.diagnostics().size(), 1u);
  EXPECT_NE(sink_.diagnostics()[0].message.find("agpm.resource.name"),
            std::string::npos);

  std::string guarded = "{% if agpm.resource %}a: 1{% endif %}b: 2\n";
  DiagnosticSink quiet;
  std::optional<FrontmatterPrepass::Rendered> rendered = prepass.Render(
      file_, guarded, SliceLocator("a.md", guarded, 0), quiet, budget_);
  ASSERT_TRUE(rendered);
  EXPECT_EQ(rendered->yaml, "b: 2\n");
}

}  // namespace
}  // namespace agentgen
