// SPDX-License-Identifier: MIT
// The AGPM dialect (docs/templates.md, "The AGPM dialect"): the subset of Tera
// that real agent files use, parsed and evaluated by our own compact code since
// no C++ Jinja library is packaged.
#ifndef AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_
#define AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/work_budget.h"

namespace agentgen {

/// Maps offsets of a rendered text back to the template text it came from:
/// text copied from the template keeps its offsets, text a tag produced maps
/// to that tag. The frontmatter pre-pass uses it to locate YAML errors in the
/// original file.
class OffsetMap {
 public:
  /// A run of output starting at `out_begin` copied from `in_begin` onwards.
  void AddCopied(size_t out_begin, size_t in_begin);
  /// A run of output starting at `out_begin` produced by the tag at `in_begin`.
  void AddProduced(size_t out_begin, size_t in_begin);
  /// The template offset that output offset `out` came from.
  size_t ToInput(size_t out) const;

 private:
  struct Run {
    size_t out_begin;
    size_t in_begin;
    bool copied;
  };
  std::vector<Run> runs_;
};

/// Implements the `content` filter: reads `path` (the filter's argument) and
/// returns its processed text, or reports an error at `where` to `sink` and
/// returns nullopt.
using ContentFilter = std::function<std::optional<std::string>(
    const std::string& path, const Location& where, DiagnosticSink& sink)>;

struct AgpmNode;  // the parsed template; private to agpm_template.cc

/// A parsed AGPM template. Parse once, render many times.
class AgpmTemplate {
 public:
  /// Parses `text` (LF line ends). `locate` turns offsets of `text` into
  /// places in its file. Reports parse errors to `sink` and returns nullopt
  /// on any.
  static std::optional<AgpmTemplate> Parse(std::string text, Locator locate,
                                           DiagnosticSink& sink);

  /// Renders over `context` (a JSON object). Reports every evaluation error
  /// (an undefined name does not stop the render) and returns nullopt when
  /// there was any. `offsets`, when given, receives the output-to-template map.
  /// Every step is taken from `budget` (the render's; a budget of its own
  /// when null).
  std::optional<std::string> Render(const nlohmann::json& context,
                                    const ContentFilter& content,
                                    DiagnosticSink& sink,
                                    OffsetMap* offsets = nullptr,
                                    WorkBudget* budget = nullptr) const;

  AgpmTemplate(AgpmTemplate&&) noexcept;
  AgpmTemplate& operator=(AgpmTemplate&&) noexcept;
  ~AgpmTemplate();

 private:
  AgpmTemplate();
  std::string text_;
  Locator locate_;
  std::unique_ptr<AgpmNode> root_;
};

/// Prints a scalar as a template prints it: strings as they are, integers in
/// decimal, floats in the shortest form that reads back the same (`0.1`,
/// `100.0`), booleans as true/false, null as nothing. Lists and tables:
/// nullopt.
std::optional<std::string> PrintScalar(const nlohmann::json& value);

/// Truthiness of `{% if %}`: null, false, 0, 0.0, "", [] and {} are false.
bool IsTruthy(const nlohmann::json& value);

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_AGPM_AGPM_TEMPLATE_H_
