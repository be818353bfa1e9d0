// SPDX-License-Identifier: MIT
#include "base/unicode_text.h"

#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <memory>

namespace agentgen {

namespace {

// ICU's C API takes int32_t lengths; text longer than that is cut there
// (templates never come near 2 GiB).
int32_t IcuLength(size_t size) {
  return size > INT32_MAX ? INT32_MAX : static_cast<int32_t>(size);
}

// One root-locale case map per process, opened on first use.
const UCaseMap* RootCaseMap() {
  static UCaseMap* const map = [] {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap* opened = ucasemap_open("", 0, &status);
    return U_SUCCESS(status) ? opened : nullptr;
  }();
  return map;
}

using CaseFunction = int32_t (*)(const UCaseMap*, char*, int32_t, const char*,
                                 int32_t, UErrorCode*);

std::string MapCase(std::string_view text, CaseFunction function) {
  const UCaseMap* map = RootCaseMap();
  if (text.empty() || map == nullptr) return std::string(text);
  // A full mapping grows a code point to at most three; one try usually fits.
  std::string result(text.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = function(map, result.data(), IcuLength(result.size()),
                            text.data(), IcuLength(text.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    result.assign(static_cast<size_t>(length), '\0');
    status = U_ZERO_ERROR;
    length = function(map, result.data(), IcuLength(result.size()), text.data(),
                      IcuLength(text.size()), &status);
  }
  if (U_FAILURE(status)) return std::string(text);
  result.resize(static_cast<size_t>(length));
  return result;
}

struct BreakIteratorCloser {
  void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};

struct TextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

}  // namespace

char32_t NextCodePoint(std::string_view text, size_t* offset) {
  int32_t index = static_cast<int32_t>(*offset);
  UChar32 code_point = 0;
  U8_NEXT(text.data(), index, IcuLength(text.size()), code_point);
  *offset = static_cast<size_t>(index);
  return code_point < 0 ? U'\uFFFD' : static_cast<char32_t>(code_point);
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (size_t offset = 0; offset < text.size(); ++count) {
    NextCodePoint(text, &offset);
  }
  return count;
}

std::string LowercaseFull(std::string_view text) {
  return MapCase(text, ucasemap_utf8ToLower);
}

std::string UppercaseFull(std::string_view text) {
  return MapCase(text, ucasemap_utf8ToUpper);
}

bool IsWhiteSpace(char32_t code_point) {
  // ASCII first: most text never reaches ICU's tables.
  if (code_point < 0x80) {
    return code_point == ' ' || (code_point >= 0x09 && code_point <= 0x0D);
  }
  return u_isUWhiteSpace(static_cast<UChar32>(code_point)) != 0;
}

bool IsWordCharacter(char32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') ||
           (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= '0' && code_point <= '9') || code_point == '_';
  }
  UChar32 c = static_cast<UChar32>(code_point);
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
      u_hasBinaryProperty(c, UCHAR_JOIN_CONTROL)) {
    return true;
  }
  uint32_t category = U_MASK(u_charType(c));
  return (category & (U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK)) != 0;
}

std::string_view TrimWhiteSpace(std::string_view text, bool start, bool end) {
  size_t begin = 0;
  if (start) {
    while (begin < text.size()) {
      size_t next = begin;
      if (!IsWhiteSpace(NextCodePoint(text, &next))) break;
      begin = next;
    }
  }
  size_t finish = text.size();
  if (end) {
    while (finish > begin) {
      // Back over up to three continuation bytes to where the last code
      // point starts; a malformed tail counts as its last byte alone.
      size_t last_start = finish - 1;
      while (last_start > begin && finish - last_start < 4 &&
             (static_cast<unsigned char>(text[last_start]) & 0xC0) == 0x80) {
        --last_start;
      }
      size_t decoded_end = last_start;
      char32_t last = NextCodePoint(text, &decoded_end);
      if (decoded_end != finish) {
        last_start = finish - 1;
        last = U'\uFFFD';
      }
      if (!IsWhiteSpace(last)) break;
      finish = last_start;
    }
  }
  return text.substr(begin, finish - begin);
}

size_t GraphemeClusterPrefix(std::string_view text, size_t clusters) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, TextCloser> utext(
      utext_openUTF8(nullptr, text.data(), IcuLength(text.size()), &status));
  std::unique_ptr<UBreakIterator, BreakIteratorCloser> iterator(
      ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status));
  if (U_SUCCESS(status)) ubrk_setUText(iterator.get(), utext.get(), &status);
  if (U_FAILURE(status)) {
    // Without ICU's data, fall back to code points (never expected).
    size_t offset = 0;
    for (size_t i = 0; i < clusters && offset < text.size(); ++i) {
      NextCodePoint(text, &offset);
    }
    return offset < text.size() ? offset : std::string_view::npos;
  }
  int32_t boundary = ubrk_first(iterator.get());
  for (size_t i = 0; i < clusters && boundary != UBRK_DONE; ++i) {
    boundary = ubrk_next(iterator.get());
  }
  if (boundary == UBRK_DONE || static_cast<size_t>(boundary) >= text.size()) {
    return std::string_view::npos;
  }
  return static_cast<size_t>(boundary);
}

}  // namespace agentgen
