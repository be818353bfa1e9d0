// SPDX-License-Identifier: MIT
#include "outputs/json_file.h"

#include <map>

#include "inputs/json_positions.h"

namespace agentgen {

std::optional<nlohmann::json> ReadJsonObjectFile(
    std::string_view display, const std::optional<std::string>& text,
    std::string_view member, std::string_view rule, DiagnosticSink& sink) {
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos)
    return nlohmann::json::object();
  nlohmann::json value;
  size_t error_offset = 0;
  if (std::optional<std::string> error =
          ParseJsonStrictly(*text, &value, &error_offset)) {
    sink.Error(LocateOffset(display, *text, error_offset), *error,
               std::string(rule));
    return std::nullopt;
  }
  std::map<std::string, size_t> offsets = JsonValueOffsets(*text);
  if (!value.is_object()) {
    sink.Error(LocateOffset(display, *text, offsets[""]),
               "'" + std::string(display) + "' must hold a JSON object",
               std::string(rule));
    return std::nullopt;
  }
  std::string key(member);
  if (value.contains(key) && !value[key].is_object()) {
    sink.Error(
        LocateOffset(display, *text, offsets["/" + JsonPointerToken(key)]),
        "'" + key + "' must be a JSON object", std::string(rule));
    return std::nullopt;
  }
  return value;
}

std::string FormatJsonFile(const nlohmann::json& value) {
  return value.dump(2) + "\n";
}

}  // namespace agentgen
