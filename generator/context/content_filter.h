// SPDX-License-Identifier: MIT
// The `content` filter (SPEC.md section 6): `{{ 'docs/x.md' | content }}`
// reads a file of the project directory, with every read confined to it.
#ifndef AGENTGEN_CONTEXT_CONTENT_FILTER_H_
#define AGENTGEN_CONTEXT_CONTENT_FILTER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/file_system.h"

namespace agentgen {

/// A file the filter read, for the depfile and the manifest.
struct ContentInput {
  std::string path;  ///< absolute, lexically normal
  std::string sha256;
};

class ContentFilterReader {
 public:
  /// `project_directory` is absolute and normal; `display_directory` is how
  /// diagnostics name it.
  ContentFilterReader(FileReader& fs, std::string project_directory,
                      std::string display_directory);

  /// Where errors go from now on (the current render's sink).
  void SetSink(DiagnosticSink& sink) { sink_ = &sink; }

  /// The filter itself: the processed text of `path`, or an error reported
  /// at `where` and nullopt. Files are read once and kept.
  std::optional<std::string> Read(const std::string& path,
                                  const Location& where);

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
  std::optional<std::string> Load(const std::string& path,
                                  const std::string& absolute,
                                  const std::string& display,
                                  const Location& where, std::string* sha256);

  struct Kept {
    std::optional<std::string> text;  ///< nullopt: reading it failed
    ContentInput input;
  };

  FileReader& fs_;
  std::string project_directory_;
  std::string display_directory_;
  DiagnosticSink* sink_ = nullptr;
  std::optional<std::string> real_project_directory_;
  std::map<std::string, Kept> cache_;
  std::vector<std::vector<ContentInput>*> recordings_;
};

/// Files larger than this are refused.
inline constexpr uint64_t kMaxContentFileSize = 1024 * 1024;

}  // namespace agentgen

#endif  // AGENTGEN_CONTEXT_CONTENT_FILTER_H_
