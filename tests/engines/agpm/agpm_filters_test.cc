// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_filters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engines/agpm/agpm_test_support.h"

namespace agentgen {
namespace {

using nlohmann::json;

// --- filters ----------------------------------------------------------------

TEST(AgpmFilterTest, ContentReadsTheStringAndIsLocatedAtTheExpression) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("x\n- {{ agpm.project.styleguide | content }}\n"
                     "{{ 'docs/a.md' | content }}",
                     TestContext(), RecordingContent(&calls)),
            "x\n- <docs/style.md>\n<docs/a.md>");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].path, "docs/style.md");
  EXPECT_EQ(calls[0].line, 2);
  EXPECT_EQ(calls[0].column, 6);
  EXPECT_EQ(calls[1].path, "docs/a.md");
  EXPECT_EQ(calls[1].line, 3);
  EXPECT_EQ(calls[1].column, 4);
}

TEST(AgpmFilterTest, AFailedContentFailsTheRender) {
  ContentFilter failing = [](const std::string&, const Location&,
                             DiagnosticSink&) {
    return std::optional<std::string>();
  };
  Outcome outcome =
      ParseAndRender("{{ 'a.md' | content }}", TestContext(), failing);
  EXPECT_TRUE(outcome.parsed);
  EXPECT_FALSE(outcome.output.has_value());
}

TEST(AgpmFilterTest, ContentNeedsAString) {
  EXPECT_EQ(RenderError("{{ agpm.project.n | content }}"),
            "a.md:1:21: error: filter 'content' needs a string (a file "
            "path), not an integer\n"
            "{{ agpm.project.n | content }}\n"
            "                    ^\n");
}

TEST(AgpmFilterTest, DefaultStandsInForAnUndefinedPathOrNull) {
  // `agpm.resource.version` is null for a local file, as in Tera's
  // processor.rs; a defined value is kept.
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value=\"dev\") }}/"
                     "{{ agpm.project.language | default(value='x') }}/"
                     "[{{ agpm.resource.version | default(value='none') }}]/"
                     "[{{ agpm.resource.version }}]"),
            "dev/rust/[none]/[]");
}

TEST(AgpmFilterTest, DefaultTakesAPath) {
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value=project.language) "
                     "}}"),
            "rust");
}

TEST(AgpmFilterTest, AnUndefinedDefaultIsReportedAtItsPath) {
  EXPECT_EQ(RenderError("{{ a.b | default(value=c.d) }}"),
            "a.md:1:24: error: undefined name 'c.d'\n"
            "{{ a.b | default(value=c.d) }}\n"
            "                       ^\n");
}

TEST(AgpmFilterTest, FiltersChainLeftToRight) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{{ agpm.project.env | default(value='d.md') | content "
                     "| safe }}",
                     TestContext(), RecordingContent(&calls)),
            "<d.md>");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].path, "d.md");
}

TEST(AgpmFilterTest, ContentWorksInConditions) {
  std::vector<ContentCall> calls;
  EXPECT_EQ(Rendered("{% if agpm.project.styleguide | content %}yes{% endif %}",
                     TestContext(), RecordingContent(&calls)),
            "yes");
  EXPECT_EQ(calls.size(), 1u);
}

// --- if ---------------------------------------------------------------------

TEST(AgpmFiltersTest, DescribesValues) {
  EXPECT_EQ(agpm::Describe(json()), "null");
  EXPECT_EQ(agpm::Describe(json(1)), "an integer");
  EXPECT_EQ(agpm::Describe(json(0.5)), "a float");
  EXPECT_EQ(agpm::Describe(json::array()), "a list");
  EXPECT_EQ(agpm::Describe(json::object()), "a table");
}

TEST(AgpmFiltersTest, ContentChecksItsArgumentBeforeReading) {
  DiagnosticSink sink;
  std::optional<agpm::FilterError> error;
  int reads = 0;
  ContentFilter content = [&reads](const std::string& path, const Location&,
                                   DiagnosticSink&) {
    ++reads;
    return std::optional<std::string>("<" + path + ">");
  };
  EXPECT_FALSE(agpm::ApplyContentFilter(json(3), content, {}, 7, sink, &error));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, 7u);
  EXPECT_EQ(error->message,
            "filter 'content' needs a string (a file path), not an integer");
  EXPECT_EQ(reads, 0);
  error.reset();
  EXPECT_EQ(
      agpm::ApplyContentFilter(json("x.md"), content, {}, 7, sink, &error),
      "<x.md>");
  EXPECT_FALSE(error);
  EXPECT_FALSE(
      agpm::ApplyContentFilter(json("x.md"), nullptr, {}, 7, sink, &error));
  EXPECT_EQ(error->message, "filter 'content' is not available here");
}

}  // namespace
}  // namespace agentgen
