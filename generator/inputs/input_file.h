// SPDX-License-Identifier: MIT
// The files of a render as the inputs stage hands them on: read, checked and
// parsed as far as their kind allows, with their dependencies resolved
// (docs/templates.md, "Dependencies"). Plain data: the stages after inputs
// read it, none of them reads files itself.
#ifndef AGENTGEN_INPUTS_INPUT_FILE_H_
#define AGENTGEN_INPUTS_INPUT_FILE_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/work_budget.h"
#include "inputs/dependencies.h"
#include "inputs/frontmatter.h"
#include "inputs/templating_switch.h"

namespace agentgen {

struct InputFile;

/// A dependency as the graph resolved it.
struct ResolvedDependency {
  DependencyEntry entry;
  std::shared_ptr<InputFile> file;  ///< null when it could not be loaded
  std::vector<std::string> keys;    ///< its context keys in its category
  std::string tool;                 ///< the tool it installs for
  /// Where it installs (docs/templates.md, "Install paths"); null when its
  /// tool cannot install it (an error reported).
  nlohmann::json install_path;
};

enum class FileKind { kMarkdown, kJson, kOther };

/// A file the `content` filter read: an input of the render like any other,
/// for the depfile and the manifest.
struct ContentInput {
  std::string path;  ///< absolute, lexically normal
  std::string sha256;
};

/// One file the render read, parsed as far as its kind allows.
struct InputFile {
  std::string path;      ///< absolute, lexically normal
  std::string display;   ///< how diagnostics name it
  std::string relative;  ///< relative to the root
  std::string type;      ///< singular resource type it was first reached as
  std::string tool;      ///< the tool it was reached for (its layout column)
  nlohmann::json install_path;  ///< `agpm.resource.install_path`
  std::string bytes;  ///< as read (released for kept Markdown dependencies)
  std::string text;   ///< `bytes` with LF line ends
  std::string sha256;
  FileKind kind = FileKind::kOther;
  Frontmatter frontmatter;
  /// The frontmatter (after the pre-pass) is YAML, a mapping or not.
  bool frontmatter_is_yaml = false;
  Dialect dialect = Dialect::kNone;
  nlohmann::json json;  ///< a JSON file's value, `dependencies` removed
  std::vector<ResolvedDependency> dependencies;
  bool ok = true;  ///< read and parsed without error
  /// Files the `content` filter read in this file's frontmatter pre-pass.
  std::vector<ContentInput> prepass_reads;
  /// What the pre-pass took from the render's budget.
  WorkCost prepass_cost;
};

/// The files of a render: the source and every file it depends on, depth
/// first in declaration order, each once (the order of a fresh render's
/// reads).
using RenderFiles = std::vector<std::shared_ptr<const InputFile>>;

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_INPUT_FILE_H_
