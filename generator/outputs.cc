// SPDX-License-Identifier: MIT
#include "outputs.h"

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

}  // namespace

bool CommitOutputs(FileSystem& fs, const std::vector<PendingOutput>& outputs,
                   std::string* error) {
  // Every output is staged before any is published, so a failed write
  // (a full disk) leaves all of them as they were.
  struct Staged {
    size_t id;
    const PendingOutput* output;
  };
  std::vector<Staged> staged;
  auto discard_from = [&](size_t first) {
    for (size_t i = first; i < staged.size(); ++i) fs.Discard(staged[i].id);
  };
  for (const PendingOutput& output : outputs) {
    if (output.write_if_changed && Unchanged(fs, output)) continue;
    std::string why;
    std::vector<std::string> created;
    if (!fs.CreateDirectories(ParentOf(output.path), &created, &why)) {
      *error = "cannot create folder '" + ParentOf(output.path) + "': " + why;
      discard_from(0);
      return false;
    }
    std::optional<size_t> id = fs.Stage(output.path, output.bytes, &why);
    if (!id) {
      *error = "cannot write '" + output.path + "': " + why;
      discard_from(0);
      return false;
    }
    staged.push_back({*id, &output});
  }
  for (size_t i = 0; i < staged.size(); ++i) {
    std::string why;
    if (!fs.Publish(staged[i].id, &why)) {
      *error = "cannot replace '" + staged[i].output->path + "': " + why;
      discard_from(i + 1);
      return false;
    }
  }
  return true;
}

}  // namespace agentgen
