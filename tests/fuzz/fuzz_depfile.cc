// SPDX-License-Identifier: MIT
// Round-trips the depfile writer: whatever it writes, a Makefile depfile
// reader (Ninja's rules: `\ `, `\#`, `$$`, line continuations) reads back as
// the same paths. Paths are NUL-separated in the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "outputs/depfile.h"

namespace {

// Splits a depfile into its words the way Ninja's depfile parser does for the
// escapes our writer produces.
std::vector<std::string> ReadBack(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size() &&
        (text[i + 1] == ' ' || text[i + 1] == '#')) {
      word += text[++i];
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (!word.empty()) words.push_back(word), word.clear();
    } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '$') {
      word += '$';
      ++i;
    } else if (c == ' ' || c == '\n') {
      if (!word.empty()) words.push_back(word), word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> paths;
  size_t begin = 0;
  for (;;) {
    size_t end = input.find('\0', begin);
    std::string path =
        "/" + input.substr(begin, end == std::string::npos ? end : end - begin);
    // A path ending in ':' would read back as a target; agentgen's paths are
    // absolute files, never ending in '/' or ':' or holding spaces alone.
    paths.push_back(path);
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  std::string target = paths.front();
  std::vector<std::string> prerequisites(paths.begin() + 1, paths.end());
  std::string unwritable;
  std::optional<std::string> text =
      agentgen::FormatDepfile(target, prerequisites, &unwritable);
  if (!text) return 0;
  // Words that are empty or contain a tab or ':' followed by nothing cannot
  // be compared word by word; keep to what a file path can be.
  for (const std::string& path : paths) {
    if (path.find_first_of("\t\r\f\v:") != std::string::npos) return 0;
  }
  std::vector<std::string> words = ReadBack(*text);
  std::vector<std::string> want;
  want.push_back(target + ":");
  want.insert(want.end(), prerequisites.begin(), prerequisites.end());
  if (words != want) std::abort();
  return 0;
}
