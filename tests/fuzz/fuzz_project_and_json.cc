// SPDX-License-Identifier: MIT
// Fuzzes the TOML project file reader, -D definitions and JSON printing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "context/dependency_content.h"
#include "inputs/project.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  agentgen::DiagnosticSink sink;
  std::optional<nlohmann::json> project =
      agentgen::ParseProjectTable(text, "agpm.toml", sink);
  if (project) {
    agentgen::ApplyDefine(*project, "a.b", "x");
    agentgen::PrettyJson(*project);
  }
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_discarded()) {
    try {
      agentgen::PrettyJson(value);
    } catch (const nlohmann::json::type_error&) {
      // Invalid UTF-8 inside a JSON string: the pipeline checks input bytes
      // before JSON ever sees them.
    }
  }
  return 0;
}
