// SPDX-License-Identifier: MIT
// Lexical path arithmetic (no disk access): every path the generator keeps is
// absolute, lexically normalised and uses '/' separators.
#ifndef AGENTGEN_BASE_PATHS_H_
#define AGENTGEN_BASE_PATHS_H_

#include <string>
#include <string_view>

namespace agentgen {

/// `path` made absolute against `base` and lexically normalised (`.` and
/// `..` folded, no trailing '/'); symlinks are not resolved.
std::string AbsoluteNormal(std::string_view base, std::string_view path);

/// Lexically normalised `path`, relative staying relative ("" becomes ".").
std::string Normal(std::string_view path);

/// The folder part of a normalised path ("/a/b.md" -> "/a", "b.md" -> ".").
std::string ParentOf(std::string_view path);

/// `a` joined with `b` and normalised.
std::string JoinNormal(std::string_view a, std::string_view b);

/// Whether normalised `path` is `folder` or lies below it.
bool IsWithin(std::string_view path, std::string_view folder);

/// `path` relative to `folder` (both normalised and absolute); `path` must
/// lie within `folder` for the result to have no `..`.
std::string RelativeTo(std::string_view path, std::string_view folder);

/// The file name without its last extension ("x/a-b.md" -> "a-b").
std::string StemOf(std::string_view path);

/// The last extension without its dot, lowercased ("A.JSON" -> "json").
std::string ExtensionOf(std::string_view path);

/// `path` without its last extension ("agents/a.md" -> "agents/a").
std::string WithoutExtension(std::string_view path);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_PATHS_H_
