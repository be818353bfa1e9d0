// SPDX-License-Identifier: MIT
#include "outputs.h"

#include <unistd.h>

#include "paths.h"

namespace agentgen {
namespace {

bool Unchanged(FileSystem& fs, const PendingOutput& output) {
  if (fs.Stat(output.path) != FileSystem::Kind::kFile) return false;
  std::string existing;
  std::string ignored;
  return fs.ReadFile(output.path, &existing, &ignored) &&
         existing == output.bytes;
}

// Beside the target, so the rename stays within one file system; the pid
// keeps parallel builds of different agents from sharing a name.
std::string TemporaryPathFor(const std::string& path) {
  return ParentOf(path) + "/." + path.substr(path.rfind('/') + 1) +
         ".agentgen-tmp-" + std::to_string(::getpid());
}

}  // namespace

bool CommitOutputs(FileSystem& fs, const std::vector<PendingOutput>& outputs,
                   std::string* error) {
  struct Staged {
    std::string temporary;
    const PendingOutput* output;
  };
  std::vector<Staged> staged;
  auto discard = [&] {
    for (const Staged& file : staged) fs.Remove(file.temporary);
  };
  for (const PendingOutput& output : outputs) {
    if (output.write_if_changed && Unchanged(fs, output)) continue;
    std::string why;
    if (!fs.CreateDirectories(ParentOf(output.path), &why)) {
      *error = "cannot create folder '" + ParentOf(output.path) + "': " + why;
      discard();
      return false;
    }
    std::string temporary = TemporaryPathFor(output.path);
    staged.push_back({temporary, &output});
    if (!fs.WriteFile(temporary, output.bytes, &why)) {
      *error = "cannot write '" + output.path + "': " + why;
      discard();
      return false;
    }
  }
  for (size_t i = 0; i < staged.size(); ++i) {
    std::string why;
    if (!fs.Rename(staged[i].temporary, staged[i].output->path, &why)) {
      *error = "cannot replace '" + staged[i].output->path + "': " + why;
      for (size_t j = i; j < staged.size(); ++j) fs.Remove(staged[j].temporary);
      return false;
    }
  }
  return true;
}

}  // namespace agentgen
