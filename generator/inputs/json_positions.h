// SPDX-License-Identifier: MIT
// Where the values of a JSON text lie. nlohmann's parser keeps no positions,
// and a diagnostic about an MCP server's `args` should point at them.
#ifndef AGENTGEN_INPUTS_JSON_POSITIONS_H_
#define AGENTGEN_INPUTS_JSON_POSITIONS_H_

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace agentgen {

/// For a JSON text that parses, the byte offset of every value by its JSON
/// pointer ("" for the whole document, "/args/0", "/env/KEY" with `~` and
/// `/` escaped as `~0` and `~1`). An object member's offset is that of its
/// key's opening quote, where a reader looks for it. A repeated key keeps
/// its last occurrence, as nlohmann does.
std::map<std::string, size_t> JsonValueOffsets(std::string_view text);

/// A key an object of a JSON text repeats: where its second occurrence's
/// opening quote is.
struct JsonDuplicateKey {
  size_t offset = 0;
  std::string key;
};

/// The first repeated key of a JSON text that parses, in text order.
std::optional<JsonDuplicateKey> FindDuplicateJsonKey(std::string_view text);

/// Parses `text` into `value`; a syntax error or a repeated key (which
/// nlohmann and serde_json would resolve silently) gives its message, and
/// its offset in `error_offset`.
std::optional<std::string> ParseJsonStrictly(std::string_view text,
                                             nlohmann::json* value,
                                             size_t* error_offset);

/// nlohmann's parse error text without its "[json.exception...] parse error
/// at line 1, column 5: " prefix: the place is ours to print.
std::string JsonParseErrorText(const std::string& what);

/// `token` escaped for use in a JSON pointer.
std::string JsonPointerToken(std::string_view token);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_JSON_POSITIONS_H_
