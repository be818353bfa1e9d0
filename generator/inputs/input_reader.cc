// SPDX-License-Identifier: MIT
#include "inputs/input_reader.h"

#include "base/paths.h"
#include "base/sha256.h"
#include "inputs/source_text.h"

namespace agentgen {
namespace {

// How messages name an input, by what asked for it. A file the user named
// (a source, a project file) "cannot be read"; a file a declaration named
// is reported at that declaration, as the declaration wrote it.
std::string Subject(const InputToRead& input) {
  switch (input.role) {
    case InputRole::kSource:
      return "'" + input.display + "'";
    case InputRole::kProjectFile:
      return "project file '" + input.display + "'";
    case InputRole::kDependency:
      return "dependency '" + input.declared + "'";
    case InputRole::kContentFile:
      return "content filter: '" + input.declared + "'";
  }
  return "";
}

// The file itself, for the failures that concern its bytes.
std::string FileName(const InputToRead& input) {
  switch (input.role) {
    case InputRole::kProjectFile:
      return "project file '" + input.display + "'";
    case InputRole::kContentFile:
      return "content filter: '" + input.declared + "'";
    default:
      return "'" + input.display + "'";
  }
}

// "cannot read X", with the `content` filter's messages all prefixed.
std::string CannotRead(const InputToRead& input) {
  if (input.role == InputRole::kContentFile)
    return "content filter: cannot read '" + input.display + "'";
  if (input.role == InputRole::kProjectFile)
    return "cannot read project file '" + input.display + "'";
  return "cannot read '" + input.display + "'";
}

std::string NotAFile(const InputToRead& input, FileReader::Kind kind) {
  bool missing = kind == FileReader::Kind::kMissing;
  switch (input.role) {
    case InputRole::kSource:
      return CannotRead(input) +
             (missing ? ": no such file" : ": not a regular file");
    case InputRole::kProjectFile:
      return CannotRead(input) + ": no such file";
    case InputRole::kDependency:
      if (missing) {
        return Subject(input) + " not found (no file '" + input.display + "')";
      }
      return Subject(input) + (kind == FileReader::Kind::kDirectory
                                   ? " is a folder, not a file"
                                   : " is not a regular file");
    case InputRole::kContentFile:
      if (missing) {
        return "content filter: file '" + input.declared +
               "' not found (no file '" + input.display + "')";
      }
      return Subject(input) + " is not a regular file";
  }
  return "";
}

std::string Outside(const InputToRead& input, const ReadArea& area) {
  if (input.role == InputRole::kContentFile)
    return Subject(input) + " leaves the project directory through a symlink";
  return Subject(input) + " lies outside the root '" + area.display +
         "' (pass --allow-outside-root to allow it)";
}

std::string TooLarge(const InputToRead& input, uint64_t size) {
  if (input.role == InputRole::kContentFile) {
    return FileName(input) + " is too large (" + std::to_string(size) +
           " bytes; the limit is " + std::to_string(kMaxContentFileSize) + ")";
  }
  return FileName(input) + " is larger than " +
         std::to_string(kMaxInputFileSize >> 20) +
         " MiB, the limit on an input file";
}

// The rule id of a problem reading `input`: the role's own kind.
std::string RuleOf(const InputToRead& input) {
  switch (input.role) {
    case InputRole::kSource:
      return "input";
    case InputRole::kProjectFile:
      return "project";
    case InputRole::kDependency:
      return "dependency";
    case InputRole::kContentFile:
      return "template";
  }
  return "input";
}

uint64_t SizeLimit(InputRole role) {
  return role == InputRole::kContentFile ? kMaxContentFileSize
                                         : kMaxInputFileSize;
}

}  // namespace

bool StatInput(FileReader& fs, const InputToRead& input, DiagnosticSink& sink,
               uint64_t* size) {
  FileReader::Kind kind = fs.Stat(input.path, size);
  if (kind == FileReader::Kind::kFile) return true;
  sink.Error(input.where, NotAFile(input, kind), RuleOf(input));
  return false;
}

bool ConfineInput(FileReader& fs, const InputToRead& input, ReadArea& area,
                  DiagnosticSink& sink) {
  if (!area.confined) return true;
  if (!area.real) area.real = fs.RealPath(area.path);
  std::optional<std::string> real = fs.RealPath(input.path);
  if (*area.real && real && IsWithin(*real, **area.real)) return true;
  sink.Error(input.where, Outside(input, area), RuleOf(input));
  return false;
}

InputBytes ReadInput(FileReader& fs, const InputToRead& input, uint64_t size,
                     DiagnosticSink& sink) {
  InputBytes read;
  if (size > SizeLimit(input.role)) {
    sink.Error(input.where, TooLarge(input, size), RuleOf(input));
    return read;
  }
  std::string error;
  if (!fs.ReadFile(input.path, &read.bytes, &error)) {
    sink.Error(input.where, CannotRead(input) + ": " + error, RuleOf(input));
    return read;
  }
  read.sha256 = Sha256Hex(read.bytes);
  read.ok = CheckInputBytes(read.bytes, input.display, sink);
  return read;
}

InputBytes OpenInput(FileReader& fs, const InputToRead& input, ReadArea& area,
                     DiagnosticSink& sink) {
  uint64_t size = 0;
  if (!StatInput(fs, input, sink, &size) ||
      !ConfineInput(fs, input, area, sink)) {
    return InputBytes();
  }
  return ReadInput(fs, input, size, sink);
}

}  // namespace agentgen
