// SPDX-License-Identifier: MIT
#include "base/quoted_text.h"

namespace agentgen {

size_t PastClosingQuote(std::string_view text, size_t quote) {
  char quote_char = text[quote];
  for (size_t at = quote + 1; at < text.size(); ++at) {
    if (quote_char == '"' && text[at] == '\\') {
      ++at;
    } else if (text[at] == quote_char) {
      if (quote_char == '\'' && at + 1 < text.size() && text[at + 1] == '\'') {
        ++at;
        continue;
      }
      return at + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace agentgen
