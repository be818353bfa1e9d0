// SPDX-License-Identifier: MIT
// Fuzzes the whole render over an in-memory tree. The input is split at
// "\n====\n" into files: a.md (the source), s.md, t.md, m.json, agpm.toml,
// docs/c.md, in that order.
#include <cstddef>
#include <cstdint>
#include <string>

#include "command_line/command_line.h"
#include "command_line/render_command.h"
#include "support/memory_file_system.h"
#include "validation/check.h"
#include "validation/check_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* const kNames[] = {"a.md",   "s.md",      "t.md",
                                       "m.json", "agpm.toml", "docs/c.md"};
  std::string input(reinterpret_cast<const char*>(data), size);
  agentgen::MemoryFileSystem fs("/w");
  size_t begin = 0;
  for (const char* name : kNames) {
    if (begin > input.size()) break;
    size_t end = input.find("\n====\n", begin);
    fs.Add(name,
           input.substr(begin, end == std::string::npos ? std::string::npos
                                                        : end - begin));
    if (end == std::string::npos) break;
    begin = end + 6;
  }
  agentgen::ParsedCommandLine parsed = agentgen::ParseCommandLine(
      {"render", "a.md", "-o", "out/a.md", "--depfile", "out/a.d", "--manifest",
       "out/a.json", "-D", "lang=go"});
  // Smaller limits than a render's keep each run short.
  parsed.options.settings.max_steps = 200 * 1000;
  parsed.options.settings.max_mstch_operations = 200 * 1000;
  agentgen::DiagnosticSink sink;
  int status = agentgen::RunRender(fs, parsed.options, "", sink);
  // A failed render writes nothing; a successful one writes all three.
  if (status != 0 && fs.Has("out/a.md")) __builtin_trap();
  if (status == 0 && !fs.Has("out/a.d")) __builtin_trap();
  for (const agentgen::Diagnostic& diagnostic : sink.diagnostics())
    agentgen::FormatDiagnostic(diagnostic);

  // The same tree through `check`, as a subagent, and its reports.
  agentgen::ParsedCommandLine check =
      agentgen::ParseCommandLine({"check", "a.md", "--root", "."});
  check.check.settings.max_steps = 200 * 1000;
  check.check.settings.max_mstch_operations = 200 * 1000;
  agentgen::DiagnosticSink check_sink;
  agentgen::RunCheck(fs, check.check, check_sink);
  agentgen::ReportRoot root = agentgen::FindReportRoot(fs, check.check);
  for (agentgen::CheckFormat format :
       {agentgen::CheckFormat::kJson, agentgen::CheckFormat::kSarif,
        agentgen::CheckFormat::kGithub}) {
    check.check.format = format;
    agentgen::FormatCheckReport(check.check, root, check_sink);
  }
  return 0;
}
