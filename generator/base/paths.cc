// SPDX-License-Identifier: MIT
#include "base/paths.h"

#include <boost/filesystem/path.hpp>
#include <cctype>

namespace agentgen {
namespace fs = boost::filesystem;

namespace {

std::string Generic(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  // lexically_normal keeps a trailing "/." as "/." and "a/" as "a/."; drop it.
  while (text.size() > 1 && (text.back() == '.' || text.back() == '/')) {
    if (text.back() == '/') {
      text.pop_back();
      continue;
    }
    if (text.size() >= 2 && text[text.size() - 2] == '/') {
      text.resize(text.size() - 2);
      if (text.empty()) text = "/";
      continue;
    }
    break;
  }
  // ...and keeps a leading "./" of a relative path.
  while (text.size() > 2 && text.compare(0, 2, "./") == 0) text.erase(0, 2);
  return text.empty() ? "." : text;
}

// Whether `path` is already what Generic would make of it: "/" or a path
// whose components, after at most one leading '/', are neither empty nor "."
// nor "..". A render normalizes every path it meets, nearly all of them
// normal already, and boost::filesystem's element-wise walk cost a twentieth
// of a small render's instructions (callgrind).
bool IsNormal(std::string_view path) {
  if (path == "/") return true;
  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  if (path.empty()) return false;
  for (;;) {
    size_t slash = path.find('/');
    std::string_view component = path.substr(0, slash);
    if (component.empty() || component == "." || component == "..")
      return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

bool IsAbsolute(std::string_view path) {
  return !path.empty() && path[0] == '/';
}

// `a` and `b` joined, both normal and `b` relative.
std::string JoinNormalParts(std::string_view a, std::string_view b) {
  std::string joined(a);
  if (a != "/") joined += '/';
  joined += b;
  return joined;
}

}  // namespace

std::string AbsoluteNormal(std::string_view base, std::string_view path) {
  if (IsAbsolute(path)) return Normal(path);
  if (IsAbsolute(base) && IsNormal(base) && IsNormal(path))
    return JoinNormalParts(base, path);
  return Generic(fs::path{std::string(base)} / fs::path{std::string(path)});
}

std::string Normal(std::string_view path) {
  if (IsNormal(path)) return std::string(path);
  return Generic(fs::path{std::string(path)});
}

std::string ParentOf(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string JoinNormal(std::string_view a, std::string_view b) {
  if (IsNormal(a) && IsNormal(b) && !IsAbsolute(b))
    return JoinNormalParts(a, b);
  return Generic(fs::path{std::string(a)} / fs::path{std::string(b)});
}

bool IsWithin(std::string_view path, std::string_view folder) {
  if (folder == "/") return !path.empty() && path[0] == '/';
  if (path.size() < folder.size() || path.substr(0, folder.size()) != folder)
    return false;
  return path.size() == folder.size() || path[folder.size()] == '/';
}

std::string RelativeTo(std::string_view path, std::string_view folder) {
  if (IsAbsolute(path) && IsNormal(path) && IsNormal(folder) &&
      IsWithin(path, folder)) {
    if (path.size() == folder.size()) return ".";
    return std::string(path.substr(folder == "/" ? 1 : folder.size() + 1));
  }
  return Generic(fs::path{std::string(path)}.lexically_relative(
      fs::path{std::string(folder)}));
}

std::string StemOf(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::string(name);
  return std::string(name.substr(0, dot));
}

std::string ExtensionOf(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string extension(name.substr(dot + 1));
  for (char& c : extension)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

std::string WithoutExtension(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos ||
      (slash != std::string_view::npos && dot < slash + 2) || dot == 0)
    return std::string(path);
  return std::string(path.substr(0, dot));
}

}  // namespace agentgen
