// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_tags.h"

#include <algorithm>

namespace agentgen {
namespace {

bool IsSpace(char c) { return c == ' '; }

// mstch trims tag names of spaces only (a tab stays part of the name).
std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDelimiterChar(char c) {
  return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '=';
}

bool IsValidDelimiter(std::string_view delimiter) {
  return !delimiter.empty() &&
         std::all_of(delimiter.begin(), delimiter.end(), IsDelimiterChar);
}

}  // namespace

TagReader::Result TagReader::Next(Tag* tag, TemplateError* error) {
  size_t begin = text_.find(open_, pos_);
  if (begin == std::string_view::npos) return Result::kEnd;
  size_t inner_begin = begin + open_.size();
  // mstch looks for the closing delimiter from the second character of the
  // opening one on, so with delimiters such as `<%` and `%>` the two can
  // overlap (`<%>`); mstch then cuts a tag of negative length.
  size_t end = text_.find(close_, begin + 1);
  if (end == std::string_view::npos || end < inner_begin) {
    *error = {begin, "unterminated tag"};
    return Result::kError;
  }
  tag->begin = begin;
  std::string_view inner = text_.substr(inner_begin, end - inner_begin);
  if (!inner.empty() && inner.front() == '{')
    return ReadTripleMustache(begin, end, tag, error);
  pos_ = end + close_.size();
  tag->end = pos_;

  // mstch takes a tag as set-delimiter only with '=' right inside both
  // delimiters; `{{ =a b= }}` would become a variable, so it is an error too.
  std::string_view body = TrimSpaces(inner);
  if (!body.empty() && body.front() == '=') {
    tag->kind = TagKind::kSetDelimiters;
    bool well_formed = inner.size() >= 2 && inner.front() == '=' &&
                       inner.back() == '=' &&
                       SetDelimiters(inner.substr(1, inner.size() - 2));
    if (well_formed) return Result::kTag;
    *error = {begin, "bad set-delimiter tag"};
    return Result::kError;
  }

  tag->kind = TagKind::kEscaped;
  if (!body.empty()) {
    switch (body.front()) {
      case '&':
        tag->kind = TagKind::kUnescaped;
        break;
      case '#':
        tag->kind = TagKind::kSection;
        break;
      case '^':
        tag->kind = TagKind::kInvertedSection;
        break;
      case '/':
        tag->kind = TagKind::kSectionEnd;
        break;
      case '>':
        tag->kind = TagKind::kPartial;
        break;
      case '!':
        tag->kind = TagKind::kComment;
        break;
      default:
        break;
    }
    if (tag->kind != TagKind::kEscaped) body.remove_prefix(1);
  }
  tag->name = TrimSpaces(body);
  if (tag->name.empty() && tag->kind != TagKind::kComment) {
    *error = {begin, "tag has no name"};
    return Result::kError;
  }
  return Result::kTag;
}

// `{{{name}}}`: mstch needs the extra '}' right after the closing delimiter,
// else it reads a variable named "{name".
TagReader::Result TagReader::ReadTripleMustache(size_t begin, size_t end,
                                                Tag* tag,
                                                TemplateError* error) {
  size_t after = end + close_.size();
  if (after >= text_.size() || text_[after] != '}') {
    *error = {begin, "unterminated tag"};
    return Result::kError;
  }
  size_t name_begin = begin + open_.size() + 1;
  tag->kind = TagKind::kUnescaped;
  tag->name = TrimSpaces(text_.substr(name_begin, end - name_begin));
  pos_ = after + 1;
  tag->end = pos_;
  if (!tag->name.empty()) return Result::kTag;
  *error = {begin, "tag has no name"};
  return Result::kError;
}

// `inner` is what lies between the two '='. mstch splits it at spaces only
// and ignores anything between the first and the last word, so we accept
// exactly two words without whitespace or '=' in them.
bool TagReader::SetDelimiters(std::string_view inner) {
  inner = TrimSpaces(inner);
  size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view open = inner.substr(0, space);
  std::string_view close = TrimSpaces(inner.substr(space));
  if (!IsValidDelimiter(open) || !IsValidDelimiter(close)) return false;
  open_ = std::string(open);
  close_ = std::string(close);
  return true;
}

}  // namespace agentgen
