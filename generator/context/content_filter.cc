// SPDX-License-Identifier: MIT
#include "context/content_filter.h"

#include <utility>

#include "base/paths.h"
#include "base/sha256.h"
#include "context/dependency_content.h"
#include "inputs/frontmatter.h"
#include "inputs/source_text.h"

namespace agentgen {
namespace {

bool IsAllowedExtension(const std::string& extension) {
  return extension == "md" || extension == "txt" || extension == "json" ||
         extension == "toml" || extension == "yaml" || extension == "yml";
}

// Whether `..` ever climbs above the start of `path` (`./` ignored).
bool ClimbsOut(const std::string& path) {
  int depth = 0;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    if (slash == std::string::npos) slash = path.size();
    std::string_view part(path.data() + begin, slash - begin);
    if (part == "..") {
      if (--depth < 0) return true;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    begin = slash + 1;
  }
  return false;
}

}  // namespace

ContentFilterReader::ContentFilterReader(FileReader& fs,
                                         std::string project_directory,
                                         std::string display_directory)
    : fs_(fs),
      project_directory_(std::move(project_directory)),
      display_directory_(std::move(display_directory)) {}

void ContentFilterReader::BeginRecording(std::vector<ContentInput>* reads) {
  recordings_.push_back(reads);
}

void ContentFilterReader::EndRecording() { recordings_.pop_back(); }

void ContentFilterReader::Replay(const std::vector<ContentInput>& reads) {
  for (std::vector<ContentInput>* recording : recordings_)
    recording->insert(recording->end(), reads.begin(), reads.end());
}

std::optional<std::string> ContentFilterReader::Read(const std::string& path,
                                                     const Location& where) {
  const std::string prefix = "content filter: ";
  if (path.empty() || path[0] == '/') {
    sink_->Error(where, prefix + "absolute path '" + path +
                            "' is not allowed (paths are relative to the "
                            "project directory)");
    return std::nullopt;
  }
  if (ClimbsOut(path)) {
    sink_->Error(where, prefix + "'" + path + "' leaves the project directory");
    return std::nullopt;
  }
  std::string extension = ExtensionOf(path);
  if (!IsAllowedExtension(extension)) {
    sink_->Error(where,
                 prefix + "'" + path + "' has " +
                     (extension.empty() ? std::string("no extension")
                                        : "extension '." + extension + "'") +
                     "; allowed are md, txt, json, toml, yaml and yml");
    return std::nullopt;
  }
  std::string absolute = JoinNormal(project_directory_, path);
  auto cached = cache_.find(absolute);
  if (cached == cache_.end()) {
    std::string display = Normal(display_directory_ + "/" + path);
    Kept kept;
    kept.input.path = absolute;
    kept.text = Load(path, absolute, display, where, &kept.input.sha256);
    cached = cache_.emplace(absolute, std::move(kept)).first;
  }
  // A file that was read counts as an input even when it was refused, so a
  // fix to it triggers the next render.
  if (!cached->second.input.sha256.empty()) Replay({cached->second.input});
  return cached->second.text;
}

std::optional<std::string> ContentFilterReader::Load(
    const std::string& path, const std::string& absolute,
    const std::string& display, const Location& where, std::string* sha256) {
  const std::string prefix = "content filter: ";
  uint64_t size = 0;
  switch (fs_.Stat(absolute, &size)) {
    case FileReader::Kind::kFile:
      break;
    case FileReader::Kind::kMissing:
      sink_->Error(where, prefix + "file '" + path + "' not found (no file '" +
                              display + "')");
      return std::nullopt;
    case FileReader::Kind::kDirectory:
    case FileReader::Kind::kOther:
      sink_->Error(where, prefix + "'" + path + "' is not a regular file");
      return std::nullopt;
  }
  if (!real_project_directory_)
    real_project_directory_ = fs_.RealPath(project_directory_);
  std::optional<std::string> real = fs_.RealPath(absolute);
  if (!real || !real_project_directory_ ||
      !IsWithin(*real, *real_project_directory_)) {
    sink_->Error(where, prefix + "'" + path +
                            "' leaves the project directory through a symlink");
    return std::nullopt;
  }
  if (size > kMaxContentFileSize) {
    sink_->Error(where, prefix + "'" + path + "' is too large (" +
                            std::to_string(size) + " bytes; the limit is " +
                            std::to_string(kMaxContentFileSize) + ")");
    return std::nullopt;
  }
  std::string bytes;
  std::string error;
  if (!fs_.ReadFile(absolute, &bytes, &error)) {
    sink_->Error(where, prefix + "cannot read '" + display + "': " + error);
    return std::nullopt;
  }
  *sha256 = Sha256Hex(bytes);
  if (!CheckInputBytes(bytes, display, *sink_)) return std::nullopt;

  std::string extension = ExtensionOf(path);
  if (extension == "md") {
    std::string text = NormalizeLineEnds(bytes);
    std::optional<Frontmatter> frontmatter =
        SplitFrontmatter(text, SliceLocator(display, text, 0), *sink_);
    if (!frontmatter) return std::nullopt;
    return std::string(
        TrimBody(std::string_view(text).substr(frontmatter->body_begin)));
  }
  if (extension == "json") {
    try {
      return PrettyJson(nlohmann::json::parse(bytes));
    } catch (const nlohmann::json::parse_error& parse_error) {
      size_t offset = parse_error.byte > 0 ? parse_error.byte - 1 : 0;
      sink_->Error(LocateOffset(display, bytes, offset),
                   std::string("invalid JSON (read by the content filter)"));
      return std::nullopt;
    }
  }
  return bytes;
}

}  // namespace agentgen
