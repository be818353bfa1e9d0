// SPDX-License-Identifier: MIT
// The tags of a Mustache template, read the way mstch reads them (same
// delimiters, same set-delimiter parsing, names trimmed of spaces only): the
// strict check and the work model both read templates through it.
#ifndef AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TAGS_H_
#define AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TAGS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace agentgen {

/// A problem found in a template.
struct TemplateError {
  size_t offset = 0;  ///< into the template text the error was found in
  std::string message;
};

/// The kinds of tags, as mstch tells them apart.
enum class TagKind {
  kEscaped,          // {{name}}
  kUnescaped,        // {{{name}}} and {{&name}}
  kSection,          // {{#name}}
  kInvertedSection,  // {{^name}}
  kSectionEnd,       // {{/name}}
  kPartial,          // {{>name}}
  kComment,          // {{!text}}
  kSetDelimiters,    // {{=open close=}}
};

/// One tag of a template.
struct Tag {
  TagKind kind = TagKind::kEscaped;
  std::string_view name;  ///< trimmed of spaces, as mstch trims it
  size_t begin = 0;       ///< offset of the opening delimiter
  size_t end = 0;         ///< just after the closing delimiter
};

/// Reads a template's tags in order, following set-delimiter tags, the way
/// mstch's tokenizer cuts them; what mstch would misread (a tag that does
/// not close, a bad set-delimiter tag, a tag without a name) is an error.
class TagReader {
 public:
  enum class Result { kTag, kEnd, kError };

  explicit TagReader(std::string_view text) : text_(text) {}

  /// The next tag into `tag`; at a malformed tag, the error into `error`.
  Result Next(Tag* tag, TemplateError* error);

  /// `name`'s closing tag written with the current delimiters, for messages.
  std::string SectionEndText(std::string_view name) const {
    return open_ + "/" + std::string(name) + close_;
  }

 private:
  Result ReadTripleMustache(size_t begin, size_t end, Tag* tag,
                            TemplateError* error);
  bool SetDelimiters(std::string_view inner);

  std::string_view text_;
  size_t pos_ = 0;
  std::string open_ = "{{";
  std::string close_ = "}}";
};

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_TAGS_H_
