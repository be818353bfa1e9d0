// SPDX-License-Identifier: MIT
// Calibrates the Mustache work model
// (generator/engines/mustache/mustache_work.h): for templates of the shapes
// that make mstch slow, the operations the model counts and the time a whole
// Mustache render takes, so that the weights in mustache_work.cc keep the time
// per operation about even across shapes and kMaxMstchOperations keeps a render
// at the limit well under a second. Run:
// build/bench/micro/agentgen_mstch_work_calibration
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/work_budget.h"
#include "engines/mustache/mustache_template.h"
#include "engines/mustache/mustache_work.h"

namespace agentgen {
namespace {

struct Shape {
  std::string name;
  std::function<std::string(int)> text;
  std::vector<int> sizes;
  std::map<std::string, std::string> partials;
};

std::string Repeat(const std::string& piece, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += piece;
  return text;
}

nlohmann::json Context() {
  nlohmann::json items = nlohmann::json::array();
  for (int i = 0; i < 1000; ++i)
    items.push_back({{"name", "item" + std::to_string(i)}, {"n", i}});
  return {{"agpm",
           {{"project",
             {{"two", {"a", "b"}},
              {"items", items},
              {"big", std::string(1 << 20, 'x')},
              {"table", {{"text", std::string(size_t{64} << 10, 'y')}}},
              {"flag", true}}}}},
          {"project", {{"flag", true}}}};
}

std::vector<Shape> Shapes() {
  return {
      {"nested over a list of two",
       [](int depth) {
         return Repeat("{{#agpm.project.two}}", depth) + "x{{.}}" +
                Repeat("{{/agpm.project.two}}", depth);
       },
       {12, 14, 16, 18}},
      {"wide body over 1000 items",
       [](int width) {
         return "{{#agpm.project.items}}" + Repeat("{{name}} and ", width) +
                "{{/agpm.project.items}}";
       },
       {100, 400, 1600}},
      {"standalone comment lines",
       [](int lines) { return Repeat("{{! note }}\n", lines); },
       {1000, 2000, 4000}},
      {"standalone section lines",
       [](int lines) {
         return Repeat("{{#agpm.project.flag}}\ntext\n{{/agpm.project.flag}}\n",
                       lines);
       },
       {500, 1000, 2000}},
      {"plain lines",
       [](int lines) { return Repeat("a line of text\n", lines); },
       {100000, 400000, 1600000}},
      {"deep stack lookups",
       [](int lookups) {
         return Repeat("{{#agpm.project.flag}}", 60) +
                Repeat("{{agpm.project.flag}}", lookups) +
                Repeat("{{/agpm.project.flag}}", 60);
       },
       {1000, 4000, 16000}},
      {"pushing a large table",
       [](int times) {
         return Repeat("{{#agpm.project.table}}.{{/agpm.project.table}}",
                       times);
       },
       {100, 400, 1600}},
      {"printing a large string",
       [](int times) { return Repeat("{{agpm.project.big}}", times); },
       {4, 16, 60}},
      {"long dotted names",
       [](int times) {
         return "{{#agpm.project.items}}" +
                Repeat("{{a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t}}", times) +
                "{{/agpm.project.items}}";
       },
       {20, 80, 320}},
      {"indented partial in a loop",
       [](int times) {
         return "{{#agpm.project.items}}\n" + Repeat("  {{> p}}\n", times) +
                "{{/agpm.project.items}}\n";
       },
       {5, 20, 80},
       {{"p", "line one\n{{name}}\nline three\n"}}},
  };
}

void Measure(const Shape& shape, int size, const nlohmann::json& context) {
  std::string text = shape.text(size);
  WorkBudget counting(~uint64_t{0} >> 1, ~uint64_t{0} >> 1);
  PlayMstchRender(text, context, shape.partials, false, counting);
  uint64_t operations = counting.spent().mstch_operations;

  WorkBudget unlimited(~uint64_t{0} >> 1, ~uint64_t{0} >> 1);
  MustacheOptions options;
  options.budget = &unlimited;
  DiagnosticSink sink;
  auto start = std::chrono::steady_clock::now();
  std::optional<std::string> out =
      RenderMustache(text, context, shape.partials,
                     SliceLocator("t.md", text, 0), sink, options);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("%-28s %8d %12llu ops %9.3f s %8.1f ns/op%s\n",
              shape.name.c_str(), size,
              static_cast<unsigned long long>(operations), seconds,
              operations ? seconds * 1e9 / static_cast<double>(operations) : 0,
              out ? "" : "  (failed)");
}

}  // namespace
}  // namespace agentgen

int main() {
  nlohmann::json context = agentgen::Context();
  for (const agentgen::Shape& shape : agentgen::Shapes()) {
    for (int size : shape.sizes) agentgen::Measure(shape, size, context);
  }
  std::printf("limit: %llu operations\n",
              static_cast<unsigned long long>(agentgen::kMaxMstchOperations));
  return 0;
}
