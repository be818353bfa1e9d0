// SPDX-License-Identifier: MIT
// Where the values of a JSON text lie. nlohmann's parser keeps no positions,
// and a diagnostic about an MCP server's `args` should point at them.
#ifndef AGENTGEN_INPUTS_JSON_POSITIONS_H_
#define AGENTGEN_INPUTS_JSON_POSITIONS_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace agentgen {

/// For a JSON text that parses, the byte offset of every value by its JSON
/// pointer ("" for the whole document, "/args/0", "/env/KEY" with `~` and
/// `/` escaped as `~0` and `~1`). An object member's offset is that of its
/// key's opening quote, where a reader looks for it. A repeated key keeps
/// its last occurrence, as nlohmann does.
std::map<std::string, size_t> JsonValueOffsets(std::string_view text);

/// nlohmann's parse error text without its "[json.exception...] parse error
/// at line 1, column 5: " prefix: the place is ours to print.
std::string JsonParseErrorText(const std::string& what);

/// `token` escaped for use in a JSON pointer.
std::string JsonPointerToken(std::string_view token);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_JSON_POSITIONS_H_
