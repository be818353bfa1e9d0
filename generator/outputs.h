// SPDX-License-Identifier: MIT
// Writing the outputs of one source (SPEC.md section 8): the rendered file,
// manifest and depfile are committed together, each atomically.
#ifndef AGENTGEN_OUTPUTS_H_
#define AGENTGEN_OUTPUTS_H_

#include <string>
#include <vector>

#include "file_system.h"

namespace agentgen {

/// One file to write.
struct PendingOutput {
  std::string path;  ///< absolute, normal
  std::string bytes;
  /// Leave a file whose bytes would not change alone, timestamp included.
  bool write_if_changed = false;
};

/// Writes each file to a temporary file in its own folder (creating missing
/// folders), and renames them all into place only when every write
/// succeeded. On failure removes its temporary files, leaves every existing
/// output as it was, and says why in `error`.
bool CommitOutputs(FileSystem& fs, const std::vector<PendingOutput>& outputs,
                   std::string* error);

}  // namespace agentgen

#endif  // AGENTGEN_OUTPUTS_H_
