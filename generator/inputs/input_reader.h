// SPDX-License-Identifier: MIT
// Reading an input (docs/limits.md, "What agentgen reads"): every file a
// render reads, whatever asked for it (the command line, a project file, a
// dependency entry, the `content` filter), passes the same checks in the
// same order, worded in this one place: what the path is (a file), that it
// lies where reads may go (the root, or the project directory for the
// `content` filter), its size, then its bytes, which are hashed and checked.
#ifndef AGENTGEN_INPUTS_INPUT_READER_H_
#define AGENTGEN_INPUTS_INPUT_READER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"

namespace agentgen {

/// The largest input file (source, project file, dependency).
inline constexpr uint64_t kMaxInputFileSize = uint64_t{16} << 20;
/// The largest file the `content` filter reads.
inline constexpr uint64_t kMaxContentFileSize = uint64_t{1} << 20;

/// Why a file is read: it decides the limits and how messages name it.
enum class InputRole { kSource, kProjectFile, kDependency, kContentFile };

/// One file to read.
struct InputToRead {
  InputRole role = InputRole::kSource;
  std::string path;     ///< absolute, lexically normal
  std::string display;  ///< how diagnostics name the file
  /// How its declaration wrote it (a dependency's `path:`, the filter's
  /// argument); unused for the source and the project file.
  std::string declared;
  Location where;  ///< the declaration that asked for it, or none
};

/// The folder reads must stay in, once symlinks are resolved: the root, or
/// for the `content` filter the project directory.
struct ReadArea {
  std::string path;      ///< absolute, lexically normal
  std::string display;   ///< how diagnostics name it
  bool confined = true;  ///< false: --allow-outside-root
  /// Its real path, found on first use (nullopt inside: it does not exist).
  std::optional<std::optional<std::string>> real;
};

/// A file as read.
struct InputBytes {
  bool ok = false;     ///< read, and its bytes passed the checks
  std::string bytes;   ///< as read
  std::string sha256;  ///< of `bytes`; empty when it could not be read
};

/// Checks that the input is a regular file; its size goes to `*size`.
/// Reports why not and returns false.
bool StatInput(FileReader& fs, const InputToRead& input, DiagnosticSink& sink,
               uint64_t* size);

/// Checks that the input lies inside `area`, symlinks resolved (always true
/// when the area is not confined). Reports why not and returns false.
bool ConfineInput(FileReader& fs, const InputToRead& input, ReadArea& area,
                  DiagnosticSink& sink);

/// Reads an input that passed StatInput (`size` is what it gave): the size
/// limit, the read, the hash, and the byte checks (UTF-8, no NUL, no BOM).
/// A file whose bytes are refused is still hashed, since it was read.
InputBytes ReadInput(FileReader& fs, const InputToRead& input, uint64_t size,
                     DiagnosticSink& sink);

/// All three in order, for a caller with nothing to do between them.
InputBytes OpenInput(FileReader& fs, const InputToRead& input, ReadArea& area,
                     DiagnosticSink& sink);

}  // namespace agentgen

#endif  // AGENTGEN_INPUTS_INPUT_READER_H_
