// SPDX-License-Identifier: MIT
// The built-in filters and tests of the AGPM dialect (docs/templates.md,
// "Filters" and "Tests"), with Tera 1.20.1's semantics: which there are, the
// parameters each takes, and applying one to evaluated values. The parser
// checks names and arguments against the signatures; the renderer evaluates
// the arguments and calls Apply*. `default` and `content` are listed here
// for the parser but applied by the renderer (they need the context and the
// file system).
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTINS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTINS_H_

#include <cstddef>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen::agpm {

/// One named parameter of a filter; a required one has no default.
struct Parameter {
  std::string_view name;
  bool required = false;
};

struct FilterSignature {
  std::string_view name;
  std::vector<Parameter> parameters;
};

/// The filter called `name` (`default`, `content` and `safe` included), or
/// nullptr when the dialect has none.
const FilterSignature* FindFilter(std::string_view name);

/// Every filter's name, in code point order (messages, did-you-mean).
const std::vector<std::string_view>& FilterNames();

/// True for a filter Tera 1.20.1 has and the dialect does not support
/// (`date`, `escape`, `map`, ...): its use is an "unsupported" error rather
/// than an unknown name.
bool IsUnsupportedTeraFilter(std::string_view name);

/// A filter's evaluated arguments by name; an optional one not given is
/// absent (the filter applies its default).
using FilterArguments = std::map<std::string, nlohmann::json, std::less<>>;

/// Why a filter or test could not be applied. `argument` names the argument
/// at fault (empty: the input or subject; for a test, whose arguments are
/// positional, its position: "0"), for the caller to locate it; the
/// message says what is wrong and, for a case the dialect refuses on purpose
/// (`round` precision beyond 22, `int` base outside 2..36, `slugify` on
/// non-ASCII), contains the word "unsupported".
struct BuiltinError {
  std::string argument;
  std::string message;
};

/// Applies filter `name` (any but `default` and `content`) to `input`.
/// nullopt with `*error` set when the input or an argument is of the wrong
/// kind or out of range.
std::optional<nlohmann::json> ApplyFilter(std::string_view name,
                                          const nlohmann::json& input,
                                          const FilterArguments& arguments,
                                          BuiltinError* error);

struct TesterSignature {
  std::string_view name;
  size_t arguments = 0;  // positional: `divisibleby(3)`
};

/// The test called `name` (`defined` and `undefined` included), or nullptr.
const TesterSignature* FindTester(std::string_view name);

/// Every test's name, in code point order.
const std::vector<std::string_view>& TesterNames();

/// True for a test Tera 1.20.1 has and the dialect does not support
/// (`matching`): an "unsupported" error.
bool IsUnsupportedTeraTester(std::string_view name);

/// Applies test `name` (any but `defined` and `undefined`, which the
/// renderer answers from the lookup) to a defined `subject`. nullopt with
/// `*error` set on a subject or argument of the wrong kind.
std::optional<bool> ApplyTester(std::string_view name,
                                const nlohmann::json& subject,
                                const std::vector<nlohmann::json>& arguments,
                                BuiltinError* error);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_BUILTINS_H_
