// SPDX-License-Identifier: MIT
// The tools' formats as data (generator/validation/formats.toml): the lists
// of tools, models, events and fields the schemas check against, each with
// the date and source it was taken from. The file is compiled in.
#ifndef AGENTGEN_VALIDATION_FORMATS_DATA_H_
#define AGENTGEN_VALIDATION_FORMATS_DATA_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace agentgen {

/// The text of formats.toml, as compiled in.
std::string_view FormatsDataText();

/// The strings of the array at `path` (dotted: "claude_code.tools.builtin").
/// A missing path or an entry that is not a string is a bug in formats.toml
/// (the tests read every path the code uses): it aborts, naming the path.
std::vector<std::string> FormatsList(std::string_view path);

/// The string at `path`; aborts as FormatsList does.
std::string FormatsString(std::string_view path);

/// The table at `path` whose values are strings (a name to its replacement),
/// sorted by key; aborts as FormatsList does.
std::map<std::string, std::string> FormatsMap(std::string_view path);

/// Whether `path` names anything in formats.toml.
bool FormatsHas(std::string_view path);

/// The keys of the table at `path`, sorted; aborts as FormatsList does.
std::vector<std::string> FormatsKeys(std::string_view path);

/// One table of an array of tables (`[[schema.x.fields]]`): its strings,
/// booleans and numbers by key. Any other kind of value aborts.
struct FormatsRecord {
  std::map<std::string, std::string> text;
  std::map<std::string, bool> flag;
  std::map<std::string, double> number;
};

/// The tables of the array of tables at `path`, in file order; aborts as
/// FormatsList does.
std::vector<FormatsRecord> FormatsRecords(std::string_view path);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_FORMATS_DATA_H_
