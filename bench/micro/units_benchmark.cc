// SPDX-License-Identifier: MIT
// Micro-benchmarks of the hot units, so a regression shows at unit level:
// frontmatter split and YAML, resolution, each dialect's render, depfile and
// manifest formatting. Run: build/bench/micro/agentgen_micro_benchmarks
#include <benchmark/benchmark.h>

#include <string>

#include "command_line/command_line.h"
#include "engines/agpm/agpm_template.h"
#include "engines/mustache/mustache_template.h"
#include "inputs/frontmatter.h"
#include "inputs/source_text.h"
#include "inputs/yaml_frontmatter.h"
#include "outputs/depfile.h"
#include "outputs/manifest.h"
#include "render/render_session.h"
#include "support/memory_file_system.h"

namespace agentgen {
namespace {

std::string Prose(size_t bytes) {
  std::string text;
  while (text.size() < bytes)
    text +=
        "Render the agent with every snippet it depends on, transitively.\n";
  return text;
}

const std::string kAgent =
    "---\nname: reviewer\ndescription: Reviews code\nagpm:\n  templating: "
    "true\n"
    "dependencies:\n  snippets:\n    - name: base\n      path: "
    "../snippets/base.md\n"
    "      install: false\n    - path: ../snippets/style.md\n      install: "
    "false\n"
    "---\n" +
    Prose(2000) +
    "{{ agpm.deps.snippets.base.content }}\n"
    "{% if agpm.project.language %}{{ agpm.deps.snippets.style.content }}{% "
    "endif %}\n";

void BM_SplitFrontmatter(benchmark::State& state) {
  DiagnosticSink sink;
  Locator locate = SliceLocator("a.md", kAgent, 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(SplitFrontmatter(kAgent, locate, sink));
}
BENCHMARK(BM_SplitFrontmatter);

void BM_CheckAndNormalizeInput(benchmark::State& state) {
  DiagnosticSink sink;
  for (auto _ : state) {
    benchmark::DoNotOptimize(CheckInputBytes(kAgent, "a.md", sink));
    benchmark::DoNotOptimize(NormalizeLineEnds(kAgent));
  }
}
BENCHMARK(BM_CheckAndNormalizeInput);

void BM_ParseFrontmatterYaml(benchmark::State& state) {
  DiagnosticSink sink;
  std::string_view yaml =
      std::string_view(kAgent).substr(4, kAgent.find("\n---\n", 4) - 3);
  Locator locate = SliceLocator("a.md", kAgent, 4);
  for (auto _ : state)
    benchmark::DoNotOptimize(ParseFrontmatterYaml(yaml, locate, sink));
}
BENCHMARK(BM_ParseFrontmatterYaml);

nlohmann::json Context() {
  nlohmann::json snippet = {{"content", Prose(4000)}};
  return {{"agpm",
           {{"project", {{"language", "go"}}},
            {"deps", {{"snippets", {{"base", snippet}, {"style", snippet}}}}}}},
          {"project", {{"language", "go"}}}};
}

void BM_AgpmParse(benchmark::State& state) {
  DiagnosticSink sink;
  Locator locate = SliceLocator("a.md", kAgent, 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(AgpmTemplate::Parse(kAgent, locate, sink));
}
BENCHMARK(BM_AgpmParse);

void BM_AgpmRender(benchmark::State& state) {
  DiagnosticSink sink;
  std::optional<AgpmTemplate> parsed =
      AgpmTemplate::Parse(kAgent, SliceLocator("a.md", kAgent, 0), sink);
  nlohmann::json context = Context();
  ContentFilter content;
  for (auto _ : state)
    benchmark::DoNotOptimize(parsed->Render(context, content, sink));
}
BENCHMARK(BM_AgpmRender);

void BM_MustacheRender(benchmark::State& state) {
  std::string text =
      "---\nname: m\n---\n" + Prose(2000) +
      "{{agpm.deps.snippets.base.content}}\n{{#agpm.project.language}}"
      "{{agpm.deps.snippets.style.content}}{{/agpm.project.language}}\n";
  nlohmann::json context = Context();
  std::map<std::string, std::string> partials;
  DiagnosticSink sink;
  Locator locate = SliceLocator("m.md", text, 0);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        RenderMustache(text, context, partials, locate, sink));
}
BENCHMARK(BM_MustacheRender);

// Resolution and rendering of one agent with two snippets, over memory.
void BM_RenderSource(benchmark::State& state) {
  MemoryFileSystem fs("/w");
  fs.Add("agents/a.md", kAgent);
  fs.Add("snippets/base.md", "---\nagpm:\n  version: 1\n---\n" + Prose(4000));
  fs.Add("snippets/style.md", Prose(4000));
  RenderSettings settings;
  settings.root = ".";
  settings.defines = {{"language", "go"}};
  for (auto _ : state) {
    DiagnosticSink sink;
    benchmark::DoNotOptimize(RenderSource(
        fs, settings, "agents/a.md",
        [](const std::string&) { return std::string("out/a.md"); }, sink));
  }
}
BENCHMARK(BM_RenderSource);

void BM_FormatDepfile(benchmark::State& state) {
  std::vector<std::string> inputs;
  inputs.reserve(20);
  for (int i = 0; i < 20; ++i)
    inputs.push_back("/work/repo/snippets/some folder/snippet-" +
                     std::to_string(i) + ".md");
  std::string unwritable;
  for (auto _ : state)
    benchmark::DoNotOptimize(
        FormatDepfile("/work/build/agents/a.md", inputs, &unwritable));
}
BENCHMARK(BM_FormatDepfile);

void BM_FormatManifest(benchmark::State& state) {
  RenderedSource rendered;
  rendered.root = ".";
  rendered.source = "agents/a.md";
  for (int i = 0; i < 20; ++i)
    rendered.inputs.push_back({"/w/s" + std::to_string(i),
                               "s" + std::to_string(i), std::string(64, 'a'),
                               "dependency"});
  auto source = std::make_shared<InputFile>();
  source->relative = "agents/a.md";
  rendered.files = {source};
  rendered.project = {{"language", "go"}};
  for (auto _ : state)
    benchmark::DoNotOptimize(FormatManifest(rendered, "out/a.md"));
}
BENCHMARK(BM_FormatManifest);

}  // namespace
}  // namespace agentgen

BENCHMARK_MAIN();
