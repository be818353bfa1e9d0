// SPDX-License-Identifier: MIT
// Fuzzes input checks, frontmatter splitting and the strict YAML reader, and
// checks that the tree it builds is the node YAML::Load reads from the text;
// then Claude Code's second reading of a text that is not YAML, and that its
// offsets map back into the original.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/diagnostic.h"
#include "inputs/frontmatter.h"
#include "inputs/source_text.h"
#include "inputs/yaml_frontmatter.h"
#include "support/yaml_load_comparison.h"
#include "validation/claude_code_yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  agentgen::DiagnosticSink sink;
  if (!agentgen::CheckInputBytes(bytes, "f.md", sink)) return 0;
  std::string text = agentgen::NormalizeLineEnds(bytes);
  std::optional<agentgen::Frontmatter> split = agentgen::SplitFrontmatter(
      text, agentgen::SliceLocator("f.md", text, 0), sink);
  if (!split || !split->present) return 0;
  std::string_view yaml(text.data() + split->yaml_begin,
                        split->yaml_end - split->yaml_begin);
  std::optional<agentgen::YamlSyntaxError> not_yaml;
  std::optional<agentgen::YamlDocument> document =
      agentgen::ParseFrontmatterYaml(
          yaml, agentgen::SliceLocator("f.md", text, split->yaml_begin), sink,
          &not_yaml);
  if (not_yaml) {
    agentgen::RequotedYaml requoted = agentgen::RequoteOneLineValues(yaml);
    size_t previous = 0;
    for (size_t offset = 0; offset <= requoted.text.size(); ++offset) {
      size_t original = requoted.ToOriginal(offset);
      if (original > yaml.size() || original < previous) {
        std::fprintf(stderr, "offset %zu maps to %zu (after %zu)\n", offset,
                     original, previous);
        std::abort();
      }
      previous = original;
    }
    agentgen::DiagnosticSink retry_sink;
    agentgen::ParseFrontmatterYaml(
        requoted.text, [](size_t) { return agentgen::Location(); }, retry_sink);
  }
  for (const agentgen::Diagnostic& diagnostic : sink.diagnostics())
    agentgen::FormatDiagnostic(diagnostic);
  if (document) {
    // The text parsed without an error, so yaml-cpp reads it too.
    std::string difference =
        agentgen::DifferenceFromYamlLoad(document->root(), yaml);
    if (!difference.empty()) {
      std::fprintf(stderr, "tree differs from YAML::Load: %s\n",
                   difference.c_str());
      std::abort();
    }
  }
  return 0;
}
