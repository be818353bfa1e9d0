// SPDX-License-Identifier: MIT
// Unicode operations on UTF-8 text, as Rust's `str` does them (what Tera's
// filters call): full case mapping without locale, White_Space, the word
// characters of Rust's regex `\w`, and extended grapheme clusters (UAX #29).
// ICU answers each; its data is loaded on first use, not at start-up.
// Malformed UTF-8 counts one code point (U+FFFD) per bad byte.
#ifndef AGENTGEN_BASE_UNICODE_TEXT_H_
#define AGENTGEN_BASE_UNICODE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace agentgen {

/// The code point starting at `*offset` in `text`, moving `*offset` past it.
/// `*offset` must be less than `text.size()`.
char32_t NextCodePoint(std::string_view text, size_t* offset);

/// How many code points `text` holds.
size_t CountCodePoints(std::string_view text);

/// `text` with Unicode's full lowercase mapping, no locale (Rust's
/// `to_lowercase`): a final sigma becomes `ς`, `İ` becomes `i̇`.
std::string LowercaseFull(std::string_view text);

/// `text` with Unicode's full uppercase mapping, no locale (`ß` → `SS`).
std::string UppercaseFull(std::string_view text);

/// The White_Space property (Rust's `char::is_whitespace`).
bool IsWhiteSpace(char32_t code_point);

/// A word character of Rust's regex `\w`: Alphabetic, a mark, a decimal
/// digit, connector punctuation or a joiner (ZWNJ, ZWJ).
bool IsWordCharacter(char32_t code_point);

/// `text` without White_Space at its start and/or end.
std::string_view TrimWhiteSpace(std::string_view text, bool start, bool end);

/// The length in bytes of the first `clusters` extended grapheme clusters of
/// `text` (UAX #29; CR LF is one), or std::string_view::npos when `text`
/// holds no more than `clusters` of them.
size_t GraphemeClusterPrefix(std::string_view text, size_t clusters);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_UNICODE_TEXT_H_
