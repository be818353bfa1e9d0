// SPDX-License-Identifier: MIT
// The `content` filter (docs/templates.md, "The content filter"):
// `{{ 'docs/x.md' | content }}` reads a file of the project directory, with
// every read confined to it.
#ifndef AGENTGEN_CONTEXT_CONTENT_FILTER_H_
#define AGENTGEN_CONTEXT_CONTENT_FILTER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "inputs/input_file.h"
#include "inputs/input_reader.h"

namespace agentgen {

class ContentFilterReader {
 public:
  /// Reads stay inside `project_directory`, whatever --allow-outside-root
  /// says.
  ContentFilterReader(FileReader& fs, ReadArea project_directory);

  /// The filter itself: the processed text of `path`, or an error reported
  /// at `where` to `sink` and nullopt. Files are read once and kept.
  std::optional<std::string> Read(const std::string& path,
                                  const Location& where, DiagnosticSink& sink);

  /// Every file read from now on (or met again in the cache) is appended to
  /// `reads` as well, until the matching EndRecording. Recordings nest: a
  /// read goes to every open one.
  void BeginRecording(std::vector<ContentInput>* reads);
  void EndRecording();
  /// Appends `reads` to every open recording, as if read again now.
  void Replay(const std::vector<ContentInput>& reads);

  /// Forgets every kept file (after a failed render).
  void Clear() { cache_.clear(); }

 private:
  std::optional<std::string> Load(const InputToRead& input,
                                  DiagnosticSink& sink, std::string* sha256);

  struct Kept {
    std::optional<std::string> text;  ///< nullopt: reading it failed
    ContentInput input;
  };

  FileReader& fs_;
  ReadArea project_directory_;
  std::map<std::string, Kept> cache_;
  std::vector<std::vector<ContentInput>*> recordings_;
};

}  // namespace agentgen

#endif  // AGENTGEN_CONTEXT_CONTENT_FILTER_H_
