// SPDX-License-Identifier: MIT
#include "inputs/install_layout.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "base/paths.h"
#include "inputs/dependencies.h"
#include "inputs/project.h"
#include "validation/formats_data.h"

namespace agentgen {
namespace {

// The `/`-separated components of a normal relative path.
std::vector<std::string_view> Components(std::string_view path) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(begin, slash - begin);
    if (!part.empty() && part != ".") parts.push_back(part);
    begin = slash + 1;
  }
  return parts;
}

std::string Joined(const std::vector<std::string_view>& parts, size_t from) {
  std::string joined;
  for (size_t i = from; i < parts.size(); ++i) {
    if (!joined.empty()) joined += '/';
    joined += parts[i];
  }
  return joined;
}

// Reads one table of the layout; every problem is reported at the node it
// is about, as AGPM's TOML reader or its validation would refuse it.
class LayoutReader {
 public:
  LayoutReader(std::string_view text, std::string_view display,
               DiagnosticSink& sink)
      : text_(text), display_(display), sink_(sink) {}

  bool ok() const { return ok_; }

  void Error(const toml::node& node, const std::string& message) {
    sink_.Error(LocateLineColumn(display_, text_, node.source().begin),
                message);
    ok_ = false;
  }

  // `[tools]`: each tool replaces the built-in one of its name, keeping the
  // built-in cells it does not list (AGPM's ToolsConfig deserializer).
  void ReadTools(const toml::node& node, const InstallLayout* built_in,
                 std::map<std::string, LayoutTool, std::less<>>* tools) {
    const toml::table* table = node.as_table();
    if (!table) {
      Error(node, "'tools' must be a table of tools ([tools.<name>])");
      return;
    }
    for (const auto& [key, value] : *table) {
      std::string name(key.str());
      const toml::table* tool_table = value.as_table();
      if (!tool_table) {
        Error(value, "'tools." + name + "' must be a table with 'path'");
        continue;
      }
      LayoutTool tool;
      if (built_in) {
        if (const LayoutTool* known = built_in->Tool(name))
          tool.cells = known->cells;
      }
      const toml::node* path = tool_table->get("path");
      if (!path) {
        Error(value, "'tools." + name +
                         "' has no 'path' (the tool's folder, such as "
                         "\".claude\")");
      } else if (const auto* folder = path->as_string()) {
        tool.folder = folder->get();
      } else {
        Error(*path, "'tools." + name + ".path' must be a string");
      }
      if (const toml::node* enabled = tool_table->get("enabled")) {
        if (const auto* flag = enabled->as_boolean())
          tool.enabled = flag->get();
        else
          Error(*enabled, "'tools." + name + ".enabled' must be true or false");
      }
      if (const toml::node* resources = tool_table->get("resources"))
        ReadCells(*resources, "tools." + name + ".resources", &tool.cells);
      (*tools)[name] = std::move(tool);
    }
  }

  void ReadCells(const toml::node& node, const std::string& where,
                 std::map<std::string, LayoutCell>* cells) {
    const toml::table* table = node.as_table();
    if (!table) {
      Error(node, "'" + where + "' must be a table of resource types");
      return;
    }
    for (const auto& [key, value] : *table) {
      std::string category(key.str());
      std::string name = where + "." + category;
      const toml::table* cell_table = value.as_table();
      if (!cell_table) {
        Error(value, "'" + name +
                         "' must be a table with 'path' (and 'flatten') or "
                         "'merge-target'");
        continue;
      }
      LayoutCell cell;
      cell.folder = String(*cell_table, "path", name);
      cell.merge_target = String(*cell_table, "merge-target", name);
      if (const toml::node* flatten = cell_table->get("flatten")) {
        if (const auto* flag = flatten->as_boolean())
          cell.flatten = flag->get();
        else
          Error(*flatten, "'" + name + ".flatten' must be true or false");
      }
      if (!cell.folder && !cell.merge_target) {
        Error(value, "'" + name +
                         "' has neither 'path' nor 'merge-target', so it "
                         "says nowhere to install " +
                         category);
        continue;
      }
      (*cells)[category] = std::move(cell);
    }
  }

  // `[default-tools]`: a category's tool must exist and support it.
  void ReadDefaultTools(const toml::node& node, const InstallLayout& layout,
                        std::map<std::string, std::string, std::less<>>* out) {
    const toml::table* table = node.as_table();
    if (!table) {
      Error(node, "'default-tools' must be a table of tools by category");
      return;
    }
    for (const auto& [key, value] : *table) {
      std::string category(key.str());
      const auto* tool = value.as_string();
      if (!tool) {
        Error(value, "'default-tools." + category + "' must be a tool name");
        continue;
      }
      // AGPM ignores keys that are no category; so does agentgen.
      if (!IsResourceType(SingularOf(category)) ||
          CategoryOfType(SingularOf(category)) != category) {
        continue;
      }
      if (std::optional<std::string> problem =
              ToolProblem(layout, tool->get(), category)) {
        Error(value, "'default-tools." + category + "': " + *problem);
        continue;
      }
      (*out)[category] = tool->get();
    }
  }

 private:
  std::optional<std::string> String(const toml::table& table,
                                    std::string_view key,
                                    const std::string& where) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (const auto* text = node->as_string()) return text->get();
    Error(*node, "'" + where + "." + std::string(key) + "' must be a string");
    return std::nullopt;
  }

  std::string_view text_;
  std::string_view display_;
  DiagnosticSink& sink_;
  bool ok_ = true;
};

// The `[agpm_layout...]` tables of formats.toml: every render needs the
// layout, and parsing the whole file would cost each process half a
// millisecond (docs/performance.md).
std::string_view BuiltInLayoutText() {
  std::string_view all = FormatsDataText();
  size_t begin = all.find("\n[agpm_layout");
  if (begin == std::string_view::npos) return {};
  size_t end = begin + 1;
  for (;;) {
    end = all.find("\n[", end);
    if (end == std::string_view::npos) return all.substr(begin + 1);
    if (all.compare(end + 1, 12, "[agpm_layout") != 0) break;
    ++end;
  }
  return all.substr(begin + 1, end - begin);
}

InstallLayout ReadBuiltIn() {
  std::string_view text = BuiltInLayoutText();
  DiagnosticSink sink;
  std::optional<InstallLayout> layout;
  try {
    toml::table formats = toml::parse(text, std::string_view("formats.toml"));
    if (const toml::table* table = formats["agpm_layout"].as_table())
      layout = InstallLayout::Read(*table, text, "formats.toml", sink);
  } catch (const toml::parse_error&) {
  }
  if (!layout) {
    // formats.toml is compiled in and its tests read this table.
    std::cerr << "agentgen: formats.toml: 'agpm_layout' is broken\n";
    std::abort();
  }
  return *layout;
}

}  // namespace

const InstallLayout& InstallLayout::BuiltIn() {
  static const InstallLayout built_in = ReadBuiltIn();
  return built_in;
}

std::optional<InstallLayout> InstallLayout::Read(const toml::table& document,
                                                 std::string_view text,
                                                 std::string_view display,
                                                 DiagnosticSink& sink) {
  DiagnosticSink::RuleScope rule(sink, "project.tools");
  LayoutReader reader(text, display, sink);
  // The built-in layout is read by this same function, from formats.toml.
  const bool reading_built_in = display == "formats.toml";
  InstallLayout layout = reading_built_in ? InstallLayout() : BuiltIn();
  if (const toml::node* tools = document.get("tools")) {
    layout.tools_.clear();
    reader.ReadTools(*tools, reading_built_in ? nullptr : &BuiltIn(),
                     &layout.tools_);
  }
  if (const toml::node* defaults = document.get("default-tools")) {
    std::map<std::string, std::string, std::less<>> chosen;
    reader.ReadDefaultTools(*defaults, layout, &chosen);
    for (auto& [category, tool] : chosen)
      layout.default_tools_[category] = std::move(tool);
  }
  if (!reader.ok()) return std::nullopt;
  return layout;
}

const LayoutTool* InstallLayout::Tool(std::string_view name) const {
  auto found = tools_.find(name);
  return found == tools_.end() ? nullptr : &found->second;
}

const LayoutCell* InstallLayout::Cell(std::string_view tool,
                                      std::string_view category) const {
  const LayoutTool* found = Tool(tool);
  if (!found) return nullptr;
  auto cell = found->cells.find(std::string(category));
  return cell == found->cells.end() ? nullptr : &cell->second;
}

std::string InstallLayout::DefaultTool(std::string_view category) const {
  // formats.toml names the tool of every category.
  auto chosen = default_tools_.find(category);
  return chosen == default_tools_.end() ? std::string() : chosen->second;
}

std::string InstallLayout::ToolNames() const {
  std::string names;
  for (const auto& [name, tool] : tools_) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::string InstallLayout::InstallPath(std::string_view tool,
                                       std::string_view category,
                                       std::string_view relative) const {
  const LayoutCell& cell = *Cell(tool, category);
  if (cell.merge_target) return *cell.merge_target;
  return ResourcePath(tool, category, relative, std::nullopt, "");
}

std::string InstallLayout::ResourcePath(std::string_view tool,
                                        std::string_view category,
                                        std::string_view relative,
                                        std::optional<bool> flatten,
                                        std::string_view target) const {
  const LayoutTool& found = *Tool(tool);
  const LayoutCell& cell = *Cell(tool, category);
  std::string folder = Normal(found.folder + "/" + cell.folder.value_or(""));
  std::vector<std::string_view> parts = Components(relative);
  size_t first = 0;
  while (first < parts.size() && parts[first] == "..") ++first;
  std::string below;
  if (first == parts.size()) {
    below = "";
  } else if (flatten.value_or(cell.flatten)) {
    below = std::string(parts.back());
  } else {
    std::vector<std::string_view> folder_parts = Components(folder);
    bool repeats_folder = false;
    for (std::string_view part : folder_parts)
      repeats_folder = repeats_folder || part == parts[first];
    below = Joined(parts, repeats_folder ? first + 1 : first);
  }
  while (!target.empty() && target.front() == '/') target.remove_prefix(1);
  std::string path = folder;
  if (!target.empty()) path += "/" + std::string(target);
  if (!below.empty()) path += "/" + below;
  return Normal(path);
}

std::vector<std::string> InstallLayout::ToolFolders() const {
  std::vector<std::string> folders;
  for (const auto& [name, tool] : tools_) folders.push_back(tool.folder);
  std::sort(folders.begin(), folders.end());
  return folders;
}

std::optional<std::string> ToolProblem(const InstallLayout& layout,
                                       std::string_view tool,
                                       std::string_view category) {
  if (!layout.Tool(tool)) {
    return "tool '" + std::string(tool) +
           "' is not in the layout (tools: " + layout.ToolNames() + ")";
  }
  if (!layout.Cell(tool, category)) {
    return "tool '" + std::string(tool) + "' has no place for " +
           std::string(category) + " in the layout (AGPM refuses to install " +
           std::string(category) + " for it)";
  }
  return std::nullopt;
}

std::string CategoryOfType(std::string_view type) {
  if (type == "mcp-server") return "mcp-servers";
  return std::string(type) + "s";
}

}  // namespace agentgen
