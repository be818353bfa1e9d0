// SPDX-License-Identifier: MIT
#include "context/content_filter.h"

#include <utility>

#include "base/paths.h"
#include "base/sha256.h"
#include "context/dependency_content.h"
#include "inputs/frontmatter.h"
#include "inputs/json_positions.h"
#include "inputs/source_text.h"
#include "inputs/yaml_frontmatter.h"

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
                                         ReadArea project_directory)
    : fs_(fs), project_directory_(std::move(project_directory)) {
  project_directory_.confined = true;
}

void ContentFilterReader::BeginRecording(std::vector<ContentInput>* reads) {
  recordings_.push_back(reads);
}

void ContentFilterReader::EndRecording() { recordings_.pop_back(); }

void ContentFilterReader::Replay(const std::vector<ContentInput>& reads) {
  for (std::vector<ContentInput>* recording : recordings_)
    recording->insert(recording->end(), reads.begin(), reads.end());
}

std::optional<std::string> ContentFilterReader::Read(const std::string& path,
                                                     const Location& where,
                                                     DiagnosticSink& sink) {
  const std::string prefix = "content filter: ";
  if (path.empty() || path[0] == '/') {
    sink.Error(where, prefix + "absolute path '" + path +
                          "' is not allowed (paths are relative to the "
                          "project directory)");
    return std::nullopt;
  }
  if (ClimbsOut(path)) {
    sink.Error(where, prefix + "'" + path + "' leaves the project directory");
    return std::nullopt;
  }
  std::string extension = ExtensionOf(path);
  if (!IsAllowedExtension(extension)) {
    sink.Error(where,
               prefix + "'" + path + "' has " +
                   (extension.empty() ? std::string("no extension")
                                      : "extension '." + extension + "'") +
                   "; allowed are md, txt, json, toml, yaml and yml");
    return std::nullopt;
  }
  std::string absolute = JoinNormal(project_directory_.path, path);
  auto cached = cache_.find(absolute);
  if (cached == cache_.end()) {
    InputToRead input{InputRole::kContentFile, absolute,
                      Normal(project_directory_.display + "/" + path), path,
                      where};
    Kept kept;
    kept.input.path = absolute;
    kept.text = Load(input, sink, &kept.input.sha256);
    cached = cache_.emplace(absolute, std::move(kept)).first;
  }
  // A file that was read counts as an input even when it was refused, so a
  // fix to it triggers the next render.
  if (!cached->second.input.sha256.empty()) Replay({cached->second.input});
  return cached->second.text;
}

std::optional<std::string> ContentFilterReader::Load(const InputToRead& input,
                                                     DiagnosticSink& sink,
                                                     std::string* sha256) {
  InputBytes read = OpenInput(fs_, input, project_directory_, sink);
  *sha256 = read.sha256;
  if (!read.ok) return std::nullopt;
  const std::string& bytes = read.bytes;
  const std::string& display = input.display;

  std::string extension = ExtensionOf(input.path);
  if (extension == "md") {
    std::string text = NormalizeLineEnds(bytes);
    std::optional<Frontmatter> frontmatter =
        SplitFrontmatter(text, SliceLocator(display, text, 0), sink);
    if (!frontmatter) return std::nullopt;
    if (frontmatter->present) {
      // A frontmatter that is not YAML makes AGPM's Markdown reader fall
      // back to the whole document.
      std::string_view yaml = std::string_view(text).substr(
          frontmatter->yaml_begin,
          frontmatter->yaml_end - frontmatter->yaml_begin);
      Locator locate = SliceLocator(display, text, frontmatter->yaml_begin);
      std::optional<YamlSyntaxError> not_yaml;
      DiagnosticSink yaml_sink;
      ParseFrontmatterYaml(yaml, locate, yaml_sink, &not_yaml);
      if (yaml_sink.has_errors()) {  // a duplicate key: YAML, but an error
        for (const Diagnostic& diagnostic : yaml_sink.diagnostics())
          sink.Report(diagnostic);
        return std::nullopt;
      }
      if (not_yaml && !not_yaml->not_mapping) {
        sink.Warning(locate(not_yaml->offset),
                     not_yaml->message +
                         ": the frontmatter is not valid YAML, so the "
                         "content filter embeds the whole file, frontmatter "
                         "included (as AGPM does)",
                     "yaml.not-yaml");
        return bytes;
      }
    }
    return std::string(
        TrimBody(std::string_view(text).substr(frontmatter->body_begin)));
  }
  if (extension == "json") {
    nlohmann::json value;
    size_t error_offset = 0;
    if (std::optional<std::string> problem =
            ParseJsonStrictly(bytes, &value, &error_offset)) {
      sink.Error(LocateOffset(display, bytes, error_offset),
                 *problem + " (read by the content filter)");
      return std::nullopt;
    }
    return PrettyJson(value);
  }
  return bytes;
}

}  // namespace agentgen
