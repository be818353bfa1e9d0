// SPDX-License-Identifier: MIT
// Where a quoted string ends, by the rules YAML and JSON quote with.
#ifndef AGENTGEN_BASE_QUOTED_TEXT_H_
#define AGENTGEN_BASE_QUOTED_TEXT_H_

#include <cstddef>
#include <string_view>

namespace agentgen {

/// Just past the closing quote of the string whose opening quote (`"` or
/// `'`) is at `quote` in `text`: a backslash escapes the next byte in
/// "...", and '' is an escaped quote in '...'. npos when it never closes.
size_t PastClosingQuote(std::string_view text, size_t quote);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_QUOTED_TEXT_H_
