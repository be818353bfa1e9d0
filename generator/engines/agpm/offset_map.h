// SPDX-License-Identifier: MIT
// Where each part of a rendered text came from in its template: text copied
// from the template keeps its offsets, text a tag produced maps to that tag.
// The frontmatter pre-pass uses it to locate YAML errors in the original
// file, and `agentgen check` to point at what produced a rendered value.
#ifndef AGENTGEN_ENGINES_AGPM_OFFSET_MAP_H_
#define AGENTGEN_ENGINES_AGPM_OFFSET_MAP_H_

#include <cstddef>
#include <vector>

namespace agentgen {

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

}  // namespace agentgen

#endif  // AGENTGEN_ENGINES_AGPM_OFFSET_MAP_H_
