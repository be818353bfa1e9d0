// SPDX-License-Identifier: MIT
// The render session: a batch renders what a session per source renders, and
// one work budget covers a source's whole render.
#include "render/render_session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "outputs/manifest.h"
#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

// A session renders a batch; each result must be what a session of its own
// (a process per source) gives, reads included.
class RenderSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_.Add("agpm.toml",
            "[project]\nguide = \"docs/guide.md\"\nlang = \"go\"\n");
    fs_.Add("docs/guide.md", "Guide\n");
    fs_.Add("docs/extra.md", "Extra\n");
    fs_.Add(
        "snippets/shared.md",
        "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
        "    - path: leaf.md\n---\nShared {{ agpm.project.guide | content }} "
        "{{ agpm.deps.snippets.leaf.content }}\n");
    fs_.Add("snippets/leaf.md",
            "---\ntitle: '{{ \"docs/extra.md\" | content }}'\n---\nLeaf\n");
    fs_.Add("snippets/go.md", "Go\n");
    for (const char* name : {"a", "b", "c"}) {
      fs_.Add(std::string("agents/") + name + ".md",
              "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
              "    - path: ../snippets/{{ agpm.project.lang }}.md\n"
              "    - path: ../snippets/shared.md\n---\n" +
                  std::string(name) +
                  " {{ agpm.deps.snippets.shared.content }} "
                  "{{ agpm.deps.snippets.go.content }}\n");
    }
  }

  static std::string Describe(const std::optional<RenderedSource>& rendered) {
    if (!rendered) return "(failed)";
    std::string text = rendered->text + "|";
    for (const RenderInput& input : rendered->inputs)
      text += input.relative + ":" + input.role + ":" + input.sha256 + ";";
    return text + ManifestDependencies(rendered->files).dump();
  }

  RenderSettings Settings() const {
    RenderSettings settings;
    settings.root = ".";
    return settings;
  }

  MemoryFileSystem fs_{"/w"};
};

TEST_F(RenderSessionTest, ABatchGivesWhatSeparateRendersGive) {
  auto output = [](const std::string& relative) { return "out/" + relative; };
  RenderSession session(fs_, Settings());
  for (const char* source : {"agents/a.md", "agents/b.md", "agents/c.md"}) {
    DiagnosticSink batch_sink;
    std::optional<RenderedSource> batched =
        session.Render(source, output, batch_sink);
    DiagnosticSink alone_sink;
    std::optional<RenderedSource> alone =
        RenderSource(fs_, Settings(), source, output, alone_sink);
    ASSERT_TRUE(alone) << source;
    EXPECT_EQ(Describe(batched), Describe(alone)) << source;
  }
}

TEST_F(RenderSessionTest, ABatchReadsEachSharedFileOnce) {
  auto output = [](const std::string& relative) { return "out/" + relative; };
  RenderSession session(fs_, Settings());
  DiagnosticSink sink;
  for (const char* source : {"agents/a.md", "agents/b.md", "agents/c.md"})
    ASSERT_TRUE(session.Render(source, output, sink));
  for (const char* shared : {"/w/snippets/shared.md", "/w/snippets/leaf.md",
                             "/w/docs/guide.md", "/w/agpm.toml"}) {
    EXPECT_EQ(
        std::count(fs_.files_read().begin(), fs_.files_read().end(), shared), 1)
        << shared;
  }
}

TEST_F(RenderSessionTest, AnErrorIsReportedAgainForEverySourceThatMeetsIt) {
  fs_.Add("snippets/shared.md",
          "---\nagpm:\n  templating: true\n---\n{{ agpm.project.nope }}\n");
  auto output = [](const std::string& relative) { return "out/" + relative; };
  RenderSession session(fs_, Settings());
  for (const char* source : {"agents/a.md", "agents/b.md"}) {
    DiagnosticSink sink;
    EXPECT_FALSE(session.Render(source, output, sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u) << source;
    EXPECT_EQ(FormatDiagnostic(sink.diagnostics()[0]),
              "snippets/shared.md:5:4: error: undefined name "
              "'agpm.project.nope'\n"
              "{{ agpm.project.nope }}\n"
              "   ^\n");
  }
}

// An untemplated source's frontmatter is trimmed and rendered; the offsets
// lead each part of the output back to the source, for `agentgen check`.
TEST_F(RenderSessionTest, AnUntemplatedFrontmatterMapsBackToTheSource) {
  std::string source =
      "---\r\n\r\nname: x\r\nd: {{ agpm.project.guide }} end\r\n---\r\n"
      "Body {{ x }}";
  fs_.Add("u.md", source);
  auto output = [](const std::string& relative) { return "out/" + relative; };
  DiagnosticSink sink;
  std::optional<RenderedSource> rendered =
      RenderSource(fs_, Settings(), "u.md", output, sink);
  ASSERT_TRUE(rendered) << Printed(sink);
  EXPECT_EQ(rendered->text,
            "---\nname: x\nd: docs/guide.md end\n---\nBody {{ x }}");
  ASSERT_TRUE(rendered->offsets);
  const std::string& text = rendered->text;
  const std::string& lf = rendered->source_text;
  EXPECT_EQ(lf.substr(rendered->offsets->ToInput(text.find("name")), 7),
            "name: x");
  EXPECT_EQ(lf.substr(rendered->offsets->ToInput(text.find("guide")), 2), "{{");
  EXPECT_EQ(lf.substr(rendered->offsets->ToInput(text.find("end")), 3), "end");
  EXPECT_EQ(lf.substr(rendered->offsets->ToInput(text.find("Body")), 4),
            "Body");
}

// One budget covers a source's whole render, so a batch must charge what it
// reuses. These snippets take 8 steps each (4 loop iterations, 4 prints),
// the frontmatter of `pre.md` 4 steps in its pre-pass.
class RenderBudgetTest : public RenderSessionTest {
 protected:
  void SetUp() override {
    RenderSessionTest::SetUp();
    const std::string loop =
        "---\nagpm:\n  templating: true\n---\n"
        "{% for i in agpm.project.four %}{{ i }}{% endfor %}\n";
    fs_.Add("agpm.toml", "[project]\nfour = [1, 2, 3, 4]\n");
    fs_.Add("s1.md", loop);
    fs_.Add("s2.md", loop);
    fs_.Add("pre.md",
            "---\nx: '{% for i in agpm.project.four %}{{ i }}{% endfor %}'\n"
            "---\npre\n");
    auto agent = [](const std::vector<std::string>& snippets) {
      std::string text =
          "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n";
      for (const std::string& snippet : snippets)
        text += "    - path: " + snippet + ".md\n";
      text += "---\n";
      for (const std::string& snippet : snippets)
        text += "{{ agpm.deps.snippets." + snippet + ".content }}";
      return text + "\n";
    };
    fs_.Add("one.md", agent({"s1"}));
    fs_.Add("two.md", agent({"s2"}));
    fs_.Add("both.md", agent({"s1", "s2"}));
    fs_.Add("uses_pre.md", agent({"pre"}));
    fs_.Add("pre_and_s1.md", agent({"pre", "s1"}));
  }

  RenderSettings Limited(uint64_t steps) const {
    RenderSettings settings = Settings();
    settings.max_steps = steps;
    return settings;
  }

  // Renders `source` alone and after `earlier` in one session: both must
  // give the same result and the same diagnostics, returned.
  std::string SameAloneAndBatched(const std::vector<std::string>& earlier,
                                  const std::string& source,
                                  const RenderSettings& settings) {
    auto output = [](const std::string& relative) { return "out/" + relative; };
    RenderSession session(fs_, settings);
    for (const std::string& first : earlier) {
      DiagnosticSink ignored;
      EXPECT_TRUE(session.Render(first, output, ignored)) << first;
    }
    DiagnosticSink batched;
    std::optional<RenderedSource> in_batch =
        session.Render(source, output, batched);
    DiagnosticSink alone;
    std::optional<RenderedSource> by_itself =
        RenderSource(fs_, settings, source, output, alone);
    EXPECT_EQ(Describe(in_batch), Describe(by_itself)) << source;
    EXPECT_EQ(Printed(batched), Printed(alone)) << source;
    return Printed(alone);
  }
};

TEST_F(RenderBudgetTest, DependenciesDrawOnTheSourcesBudget) {
  // 8 + 8 + 2 prints: 18 fits, 17 fails at the source's second print.
  EXPECT_EQ(SameAloneAndBatched({}, "both.md", Limited(18)), "");
  EXPECT_EQ(SameAloneAndBatched({}, "both.md", Limited(17)),
            "both.md:9:36: error: rendering takes more than 17 steps (loop "
            "iterations, section repetitions, partials, interpolations and "
            "filter calls), the limit on one render\n"
            "{{ agpm.deps.snippets.s1.content }}"
            "{{ agpm.deps.snippets.s2.content }}\n"
            "                                   ^\n");
  // 12 fails inside s2, at its loop.
  EXPECT_EQ(SameAloneAndBatched({}, "both.md", Limited(12)).substr(0, 24),
            "s2.md:5:1: error: render");
}

TEST_F(RenderBudgetTest, ReusedContentsCostWhatRenderingThemCost) {
  // s1 kept from `one.md` is charged again: s2 then crosses at its loop.
  EXPECT_EQ(
      SameAloneAndBatched({"one.md"}, "both.md", Limited(12)).substr(0, 24),
      "s2.md:5:1: error: render");
  // Here the kept s2 itself does not fit: the source is rendered afresh
  // and the limit reported where a fresh process reports it.
  EXPECT_EQ(
      SameAloneAndBatched({"two.md"}, "both.md", Limited(12)).substr(0, 24),
      "s2.md:5:1: error: render");
  EXPECT_EQ(SameAloneAndBatched({"one.md", "two.md"}, "both.md", Limited(18)),
            "");
}

TEST_F(RenderBudgetTest, ReusedPrePassesCostWhatTheyCost) {
  // pre.md's pre-pass: 8 steps; its body is not templated; one print.
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "uses_pre.md", Limited(9)),
            "");
  // 8 (pre-pass) + 8 (s1) + 2 prints.
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "pre_and_s1.md", Limited(15))
                .substr(0, 24),
            "s1.md:5:1: error: render");
  // Its own pre-pass (8) comes first; the kept pre.md then does not fit.
  fs_.Add("looped.md",
          "---\nx: '{% for i in agpm.project.four %}{{ i }}{% endfor %}'\n"
          "dependencies:\n  snippets:\n    - path: pre.md\n---\nlooped\n");
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "looped.md", Limited(15))
                .substr(0, 24),
            "pre.md:2:5: error: rende");
  // Not templated, looped.md's frontmatter is rendered once more for its
  // output (8 steps): 24 fits, 23 fails there.
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "looped.md", Limited(23))
                .substr(0, 30),
            "looped.md:2:5: error: renderin");
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "looped.md", Limited(24)), "");
  EXPECT_EQ(SameAloneAndBatched({"uses_pre.md"}, "pre_and_s1.md", Limited(18)),
            "");
}

}  // namespace
}  // namespace agentgen
