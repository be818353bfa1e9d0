// SPDX-License-Identifier: MIT
#include "outputs/depfile.h"

namespace agentgen {
namespace {

// Escapes the way Ninja's depfile parser and GNU Make both read: `\ ` for a
// space, `\#` for a comment sign, `$$` for a dollar. Make would also take a
// backslash before other characters literally but Ninja would not, and
// neither can carry a newline, so such paths are refused.
bool AppendEscaped(const std::string& path, std::string* out) {
  for (char c : path) {
    switch (c) {
      case '\n':
      case '\r':
      case '\\':
        return false;
      case ' ':
        *out += "\\ ";
        break;
      case '#':
        *out += "\\#";
        break;
      case '$':
        *out += "$$";
        break;
      default:
        *out += c;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> FormatDepfile(
    const std::string& target, const std::vector<std::string>& prerequisites,
    std::string* unwritable) {
  std::string out;
  if (!AppendEscaped(target, &out)) {
    *unwritable = target;
    return std::nullopt;
  }
  out += ":";
  for (size_t i = 0; i < prerequisites.size(); ++i) {
    out += i == 0 ? " " : " \\\n ";
    if (!AppendEscaped(prerequisites[i], &out)) {
      *unwritable = prerequisites[i];
      return std::nullopt;
    }
  }
  out += "\n";
  return out;
}

std::optional<std::string> FormatDepfile(
    const std::string& target, const std::vector<std::string>& prerequisites,
    DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "output");
  std::string unwritable;
  std::optional<std::string> depfile =
      FormatDepfile(target, prerequisites, &unwritable);
  if (!depfile) {
    sink.Error({}, "path '" + unwritable +
                       "' cannot be written to a depfile (it holds a newline "
                       "or a backslash)");
  }
  return depfile;
}

}  // namespace agentgen
