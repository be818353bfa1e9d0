// SPDX-License-Identifier: MIT
// Frontmatter YAML as Claude Code reads it (docs/validation.md, "YAML as
// Claude Code reads it"). When a strict parse fails, Claude Code parses
// again with the one-line values that broke it quoted, so a generated
// `description: ... Examples: <example> Context: ...` still loads. AGPM and
// other YAML readers reject such a file; `check` warns and goes on with the
// second reading.
#ifndef AGENTGEN_VALIDATION_CLAUDE_CODE_YAML_H_
#define AGENTGEN_VALIDATION_CLAUDE_CODE_YAML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// A value the second reading quoted.
struct RequotedValue {
  std::string key;
  size_t begin = 0;  ///< the value in the original text
  size_t end = 0;
  std::string quoted;  ///< the value as a double-quoted YAML string
};

/// The text of the second reading, and how its offsets map back.
struct RequotedYaml {
  std::string text;
  std::vector<RequotedValue> values;  ///< in the order of the text
  /// The first line a value that needed quoting runs on to, unindented
  /// (which no reading makes YAML): its offset in the original, or npos.
  size_t runs_on = std::string::npos;
  /// Offset in `text` -> offset in the original (one entry per byte of
  /// `text`, and one for its end).
  std::vector<size_t> to_original;

  size_t ToOriginal(size_t offset) const {
    return to_original[offset < to_original.size() ? offset
                                                   : to_original.size() - 1];
  }
};

/// Claude Code's second reading of `yaml_text`: every top-level one-line
/// `key: value` whose line is not YAML on its own (say `description: Use
/// it: now`) gets its value double-quoted. A value that continues on
/// indented lines, is already quoted, or opens a block or flow collection is
/// left alone. Returns the values quoted (none when no line qualifies).
/// Claude Code's retry does not work on CRLF line ends; the caller decides
/// what to do with a text holding a CR.
RequotedYaml RequoteOneLineValues(std::string_view yaml_text);

/// `text` as a double-quoted YAML string.
std::string DoubleQuoted(std::string_view text);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_CLAUDE_CODE_YAML_H_
