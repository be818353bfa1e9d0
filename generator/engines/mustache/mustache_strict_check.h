// SPDX-License-Identifier: MIT
// The strict pre-check of the Mustache dialect (docs/templates.md, "The
// Mustache dialect"). mstch renders whatever it is given and reports
// nothing: an unclosed section, a tag cut off at the end or a missing partial
// silently lose text. So before mstch sees a template its tags are read the
// way mstch reads them (mustache_tags.h), and what mstch would drop is
// reported.
#ifndef AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_STRICT_CHECK_H_
#define AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_STRICT_CHECK_H_

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engines/mustache/mustache_tags.h"

namespace agentgen {

/// The name parts (between dots) a template and its partials look up. mstch
/// reaches a table's member only through a tag naming it, so a member whose
/// key is no such part can be left out of the context mstch is given.
using NameParts = std::set<std::string, std::less<>>;

/// Partials include partials; deeper than this is taken as runaway
/// recursion.
inline constexpr size_t kMaxPartialDepth = 64;

/// Checks a template and, through it, every partial it includes: unbalanced
/// or unterminated tags, unknown partials and partials that include
/// themselves, and `agpm.`/`project.` names that do not resolve from the
/// root of the context. Partials are checked once each whatever the number
/// of tags naming them, so the cost stays linear in the text.
class StrictCheck {
 public:
  StrictCheck(const nlohmann::json& root,
              const std::map<std::string, std::string>& partials)
      : root_(root), partials_(partials) {}

  /// Every independent error of `text`; scanning stops at a parse error.
  std::vector<TemplateError> CheckTemplate(std::string_view text);

  /// The partials the checked templates include, directly or not.
  const std::set<std::string>& used_partials() const { return used_partials_; }

  /// Every name part the checked templates look up.
  const NameParts& name_parts() const { return name_parts_; }

 private:
  void RecordNameParts(std::string_view name);
  void CheckInterpolation(const Tag& tag, std::vector<TemplateError>* errors);
  void CheckPartialTag(const Tag& tag, std::vector<TemplateError>* errors);
  const std::vector<std::string>& PartialErrors(const std::string& name,
                                                const std::string& text);

  const nlohmann::json& root_;
  const std::map<std::string, std::string>& partials_;
  std::map<std::string, std::vector<std::string>> partial_errors_;
  std::vector<std::string> partial_chain_;  // being checked, outermost first
  std::set<std::string> used_partials_;
  NameParts name_parts_;
};

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_MUSTACHE_MUSTACHE_STRICT_CHECK_H_
