// SPDX-License-Identifier: MIT
#include "sync/sync_plan.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <utility>

#include "base/nearest_name.h"
#include "base/paths.h"
#include "base/sha256.h"
#include "inputs/input_reader.h"
#include "inputs/install_layout.h"
#include "inputs/json_positions.h"
#include "inputs/project.h"
#include "render/render_session.h"
#include "sync/agpm_manifest.h"
#include "sync/path_patterns.h"
#include "sync/plugin_layout.h"
#include "sync/sync_state.h"
#include "validation/mcp_server.h"

namespace agentgen {

namespace {

using nlohmann::json;

std::string TypeOfCategory(std::string_view category) {
  if (category == "mcp-servers") return "mcp-server";
  std::string type(category);
  if (!type.empty() && type.back() == 's') type.pop_back();
  return type;
}

bool IsMarkdown(std::string_view path) { return ExtensionOf(path) == "md"; }

// The variables of one entry: what its renders add to the command line's.
struct Variables {
  /// -D/--var of the command line, then the entry's template_vars.project
  /// as leaves, in that order.
  std::vector<std::pair<std::string, json>> defines;
  json context = json::object();  ///< the other keys of template_vars
  json template_vars;             ///< as written; null in mapping mode
  std::string key;                ///< the merged variables, for identity
};

// The leaves of `table` as dotted names, in key order. An empty table is a
// leaf only where the merged table has no table to merge it into (a deep
// merge of `{}` changes nothing there).
void AddLeaves(const json& table, const std::string& prefix, json* merged,
               std::vector<std::pair<std::string, json>>* leaves) {
  for (const auto& [key, value] : table.items()) {
    std::string name = prefix.empty() ? key : prefix + "." + key;
    json* below = merged && merged->is_object() && merged->contains(key)
                      ? &(*merged)[key]
                      : nullptr;
    if (value.is_object() && !value.empty()) {
      AddLeaves(value, name, below, leaves);
    } else if (value.is_object() && below && below->is_object()) {
      continue;
    } else {
      leaves->emplace_back(name, value);
    }
  }
}

// One resource sync builds: a manifest entry (a pattern's match) or a
// dependency it installs.
struct Resource {
  std::string name;                  // key, key[match], or a chain
  std::optional<std::string> entry;  // the manifest key; none: transitive
  std::vector<std::string> required_by;
  Location at;  // where messages about it point
  std::string type;
  std::string tool;
  std::string source;   // absolute
  std::string display;  // as messages name the source
  std::string output;   // relative to the destination; empty: none
  // In the plugin layout, where the `.claude/` tree would have it (for
  // script paths that name it); else empty.
  std::string agpm_path;
  bool install = true;
  const Variables* variables = nullptr;
};

class Planner {
 public:
  Planner(FileReader& fs, const SyncRequest& request, DiagnosticSink& sink,
          unsigned jobs)
      : fs_(fs),
        request_(request),
        sink_(sink),
        cwd_(fs.CurrentDirectory()),
        jobs_(std::max(jobs, 1u)) {}

  std::optional<SyncPlan> PlanManifest();
  std::optional<SyncPlan> PlanMapping();
  std::optional<SyncPlan> PlanPlugins();

 private:
  bool LoadManifest();
  void PlanEntries(const std::vector<const ManifestEntry*>& entries);
  // The plugin layout (docs/plugins.md).
  std::optional<std::string> PluginOutput(const Resource& resource,
                                          const std::string& layout_path,
                                          const Location& at);
  bool RequireClaudeCode(const Resource& resource, const Location& at);
  std::optional<std::vector<const ManifestEntry*>> SelectEntries(
      const PluginTable& plugin, std::set<const ManifestEntry*>* listed);
  void BuildSourceFolder(const std::string& from);
  void AddGenerated(const std::string& path, std::string bytes,
                    const std::string& from);
  void FinishPlugin(const std::string& prefix);
  void PlanMappedPlugin(const std::string& from);
  std::string Display(const std::string& path) const;
  void Prerequisite(const std::string& path);
  RenderSession& SessionFor(const Variables& variables);
  const Variables& VariablesOf(const json& template_vars);
  std::string Identity(const Resource& resource) const;
  std::string InstallPathOf(const std::string& output) const;

  std::optional<Resource> EntryResource(const ManifestEntry& entry,
                                        const std::string& name,
                                        const std::string& path,
                                        DiagnosticSink& sink);
  void BuildEntry(const ManifestEntry& entry, const std::string& name,
                  const std::string& path);
  std::string RenderKey(const Resource& resource) const;
  std::string SessionKey(const Variables& variables) const;
  void Prefetch(const std::vector<Resource>& resources);
  bool CheckSource(const Resource& resource, bool folder);
  void BuildFile(const Resource& resource);
  void BuildSkill(const Resource& resource);
  void BuildHook(const Resource& resource, const json& value,
                 std::string_view text);
  void BuildServer(const Resource& resource, const json& value,
                   const std::string& bytes, bool is_json,
                   const std::string& key);
  std::optional<RenderedSource> Render(const Resource& resource);
  void FollowDependencies(const InputFile& file, const Resource& parent);
  void BuildDependency(const Resource& parent_made, const InputFile& file);
  void AddFile(const Resource& resource, const std::string& output,
               std::string bytes, std::optional<uint32_t> permissions,
               const std::string& action, std::vector<std::string> args);
  ListRow RowOf(const Resource& resource) const;
  void AddMergeRow(const Resource& resource, const std::string& target);
  std::vector<std::string> RenderArguments(const Resource& resource) const;
  void WarnOtherMergeTarget(const Resource& resource,
                            const std::string& target);
  void WarnSameNames();
  SyncPlan Finish();

  FileReader& fs_;
  const SyncRequest& request_;
  DiagnosticSink& sink_;
  const std::string cwd_;
  const unsigned jobs_;
  bool relative_display_ = true;

  std::optional<AgpmManifest> manifest_;
  std::string manifest_path_;
  std::string root_;  // absolute
  ReadArea root_area_;
  std::string project_file_;  // absolute; empty: none
  WorkspaceOptions workspace_;
  std::set<std::string> manifest_identities_;
  std::set<std::string> followed_;
  std::map<std::string, std::unique_ptr<Variables>> variables_;
  std::map<std::string, std::unique_ptr<RenderSession>> sessions_;
  // Renders done ahead, on every core, by RenderKey; each is taken once,
  // with its diagnostics, when the plan reaches its entry.
  struct Prefetched {
    std::optional<RenderedSource> rendered;
    DiagnosticSink sink;
  };
  std::map<std::string, Prefetched> prefetched_;
  std::set<std::string> listed_;

  struct Output {
    std::string owner;  // the resource's name
    bool transitive = false;
    size_t file = 0;  // index into plan_.files
    size_t row = 0;   // index into plan_.rows
  };
  std::map<std::string, Output> outputs_;
  std::map<std::string, PlannedMerge> merges_;
  std::set<std::string> warned_merge_targets_;
  // claude-code agents by their rendered `name:`: output and place.
  std::map<std::string, std::vector<std::pair<std::string, Location>>> names_;
  SyncPlan plan_;

  // The plugin layout: the tables, the plugin being planned, and what its
  // generated files hold.
  std::optional<PluginTables> plugin_tables_;
  const PluginTable* plugin_ = nullptr;
  std::vector<WantedHook> plugin_hooks_;
  std::vector<WantedServer> plugin_servers_;
  // A script's paths in the project (its source, its place in `.claude/`)
  // -> its path in the plugin.
  std::map<std::string, std::string> plugin_scripts_;
  size_t plugin_files_begin_ = 0;
  size_t plugin_rows_begin_ = 0;
};

std::string Planner::Display(const std::string& path) const {
  return relative_display_ ? RelativeTo(path, cwd_) : path;
}

void Planner::Prerequisite(const std::string& path) {
  if (listed_.insert(path).second) plan_.prerequisites.push_back(path);
}

const Variables& Planner::VariablesOf(const json& template_vars) {
  json merged = manifest_ ? manifest_->project : json::object();
  auto variables = std::make_unique<Variables>();
  variables->defines = workspace_.defines;
  for (const auto& [name, value] : workspace_.defines)
    ApplyDefine(merged, name, value);
  variables->template_vars = template_vars;
  if (template_vars.is_object()) {
    std::vector<std::pair<std::string, json>> leaves;
    if (template_vars.contains("project") &&
        template_vars["project"].is_object())
      AddLeaves(template_vars["project"], "", &merged, &leaves);
    for (auto& [name, value] : leaves) {
      ApplyDefine(merged, name, value);
      variables->defines.emplace_back(std::move(name), std::move(value));
    }
    for (const auto& [key, value] : template_vars.items())
      if (key != "project") variables->context[key] = value;
  }
  variables->key = merged.dump() + '\n' + variables->context.dump();
  std::string key = variables->key + '\n' + json(variables->defines).dump();
  auto [known, added] = variables_.emplace(key, std::move(variables));
  return *known->second;
}

std::string Planner::SessionKey(const Variables& variables) const {
  return variables.key + '\n' + json(variables.defines).dump();
}

RenderSession& Planner::SessionFor(const Variables& variables) {
  std::unique_ptr<RenderSession>& session = sessions_[SessionKey(variables)];
  if (!session) {
    RenderSettings settings;
    static_cast<WorkspaceOptions&>(settings) = workspace_;
    settings.defines = variables.defines;
    settings.context_variables = variables.context;
    session = std::make_unique<RenderSession>(fs_, std::move(settings));
  }
  return *session;
}

std::string Planner::Identity(const Resource& resource) const {
  std::optional<std::string> real = fs_.RealPath(resource.source);
  return resource.type + '\n' + real.value_or(resource.source) + '\n' +
         resource.tool + '\n' + resource.variables->key;
}

std::string Planner::InstallPathOf(const std::string& output) const {
  // A plugin's paths are the plugin's: it is installed as a whole, anywhere.
  if (request_.plugin_layout) return output;
  return RelativeTo(JoinNormal(plan_.destination, output),
                    plan_.project_directory);
}

// The arguments after the source with which `agentgen render` gives the
// bytes sync writes for `resource`.
std::vector<std::string> Planner::RenderArguments(
    const Resource& resource) const {
  std::vector<std::string> args = {"--root", root_};
  if (!project_file_.empty()) {
    args.push_back("--project-file");
    args.push_back(project_file_);
  }
  args.insert(args.end(), {"--type", resource.type, "--tool", resource.tool,
                           "--install-path", InstallPathOf(resource.output)});
  for (const auto& [name, value] : resource.variables->defines) {
    if (value.is_string()) {
      args.push_back("-D");
      args.push_back(name + "=" + value.get<std::string>());
    } else {
      args.push_back("--var");
      args.push_back(name + "=" + TomlSpelling(value));
    }
  }
  for (const auto& [name, value] : resource.variables->context.items()) {
    args.push_back("--context-var");
    args.push_back(name + "=" + TomlSpelling(value));
  }
  return args;
}

ListRow Planner::RowOf(const Resource& resource) const {
  ListRow row;
  row.type = resource.type;
  row.tool = resource.tool;
  row.source = RelativeTo(resource.source, root_);
  row.entry = resource.entry;
  row.required_by = resource.required_by;
  row.vars = resource.variables->template_vars;
  return row;
}

// `--list`'s row for a hook or a server merged into `target`.
void Planner::AddMergeRow(const Resource& resource, const std::string& target) {
  ListRow row = RowOf(resource);
  row.output = target;
  row.action = "merge";
  row.install_path = InstallPathOf(target);
  plan_.rows.push_back(std::move(row));
}

void Planner::AddFile(const Resource& resource, const std::string& output,
                      std::string bytes, std::optional<uint32_t> permissions,
                      const std::string& action,
                      std::vector<std::string> args) {
  const bool transitive = !resource.entry;
  auto known = outputs_.find(output);
  if (known != outputs_.end()) {
    Output& first = known->second;
    PlannedFile& file = plan_.files[first.file];
    if (first.transitive && transitive && file.bytes == bytes) {
      // One file reached with several variables and the same bytes: one
      // copy, as AGPM installs one.
      for (const std::string& parent : resource.required_by) {
        std::vector<std::string>& by = plan_.rows[first.row].required_by;
        if (std::find(by.begin(), by.end(), parent) == by.end())
          by.push_back(parent);
      }
      return;
    }
    sink_.Error(
        resource.at,
        (first.transitive && transitive
             ? "'" + resource.name + "' and '" + first.owner +
                   "' reach one file with different bytes for '" + output + "'"
             : "'" + resource.name + "' writes '" + output + "', which '" +
                   first.owner + "' writes too") +
            "; give one of them another filename or target",
        "sync.clash");
    return;
  }
  for (const char* reserved :
       {kSyncStatePath, kSyncLocalStatePath, kLocalSettingsPath}) {
    if (output == reserved) {
      sink_.Error(resource.at,
                  "'" + resource.name + "' would write '" + output +
                      "', which sync keeps for itself",
                  "sync.clash");
      return;
    }
  }
  // A script or a source folder's file may be what a hook or a server
  // runs: FinishPlugin rewrites its project path.
  if (request_.plugin_layout &&
      (resource.type == "script" || resource.type == "file")) {
    plugin_scripts_[RelativeTo(resource.source, plan_.project_directory)] =
        output;
    if (!resource.agpm_path.empty())
      plugin_scripts_[resource.agpm_path] = output;
  }
  outputs_[output] = {resource.name, transitive, plan_.files.size(),
                      plan_.rows.size()};
  plan_.files.push_back(
      {output, std::move(bytes), permissions, resource.display});
  ListRow row = RowOf(resource);
  row.output = output;
  row.action = action;
  row.install_path = InstallPathOf(output);
  row.args = std::move(args);
  plan_.rows.push_back(std::move(row));
}

std::string Planner::RenderKey(const Resource& resource) const {
  return resource.display + '\n' + resource.type + '\n' + resource.tool + '\n' +
         InstallPathOf(resource.output) + '\n' +
         SessionKey(*resource.variables);
}

// The renders of the manifest's entries, which are most of a sync's work,
// spread over `jobs_` threads. A session is not shared between threads, so
// each thread takes whole sessions (one per set of variables).
void Planner::Prefetch(const std::vector<Resource>& resources) {
  std::map<std::string, std::vector<const Resource*>> by_session;
  for (const Resource& resource : resources) {
    if (!IsMarkdown(resource.source) || prefetched_.count(RenderKey(resource)))
      continue;
    prefetched_[RenderKey(resource)];
    by_session[SessionKey(*resource.variables)].push_back(&resource);
  }
  if (jobs_ < 2 || by_session.size() < 2) {
    prefetched_.clear();  // rendered in order as the plan meets them
    return;
  }
  std::vector<std::pair<RenderSession*, std::vector<const Resource*>>> groups;
  groups.reserve(by_session.size());
  for (auto& [key, members] : by_session)
    groups.emplace_back(&SessionFor(*members.front()->variables), members);
  std::vector<std::vector<Prefetched>> results(groups.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t group = next++; group < groups.size(); group = next++) {
      auto& [session, members] = groups[group];
      for (const Resource* resource : members) {
        Prefetched done;
        ResourceOptions options;
        options.type = resource->type;
        options.tool = resource->tool;
        options.install_path = InstallPathOf(resource->output);
        done.rendered = session->Render(
            resource->display, options, [](const std::string&) { return ""; },
            done.sink);
        results[group].push_back(std::move(done));
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < std::min<size_t>(jobs_, groups.size()); ++i)
    threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  for (size_t group = 0; group < groups.size(); ++group) {
    for (size_t i = 0; i < results[group].size(); ++i)
      prefetched_[RenderKey(*groups[group].second[i])] =
          std::move(results[group][i]);
  }
}

std::optional<RenderedSource> Planner::Render(const Resource& resource) {
  auto ahead = prefetched_.find(RenderKey(resource));
  if (ahead != prefetched_.end()) {
    Prefetched done = std::move(ahead->second);
    prefetched_.erase(ahead);
    for (const Diagnostic& diagnostic : done.sink.diagnostics())
      sink_.Report(diagnostic);
    if (done.rendered) {
      for (const RenderInput& input : done.rendered->inputs)
        Prerequisite(input.path);
    }
    return std::move(done.rendered);
  }
  ResourceOptions options;
  options.type = resource.type;
  options.tool = resource.tool;
  options.install_path = InstallPathOf(resource.output);
  RenderSession& session = SessionFor(*resource.variables);
  std::optional<RenderedSource> rendered = session.Render(
      resource.display, options, [](const std::string&) { return ""; }, sink_);
  if (!rendered) return std::nullopt;
  for (const RenderInput& input : rendered->inputs) Prerequisite(input.path);
  return rendered;
}

bool Planner::CheckSource(const Resource& resource, bool folder) {
  FileReader::Kind kind = fs_.Stat(resource.source);
  bool ok = folder ? kind == FileReader::Kind::kDirectory
                   : kind == FileReader::Kind::kFile;
  if (!ok) {
    std::string what = kind == FileReader::Kind::kMissing ? "does not exist"
                       : folder                           ? "is not a folder"
                                : "is not a regular file";
    sink_.Error(resource.at,
                "'" + resource.name + "': '" + resource.display + "' " + what,
                "sync.path");
    return false;
  }
  InputToRead input{InputRole::kSource, resource.source, resource.display, "",
                    resource.at};
  return ConfineInput(fs_, input, root_area_, sink_);
}

// The frontmatter `name:` of a rendered agent, for the same-name warning.
std::optional<std::string> FrontmatterName(std::string_view text) {
  if (text.substr(0, 4) != "---\n" && text.substr(0, 5) != "---\r\n")
    return std::nullopt;
  size_t at = text.find('\n') + 1;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    std::string_view line = text.substr(
        at, end == std::string_view::npos ? std::string_view::npos : end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---") break;
    if (line.substr(0, 5) == "name:") {
      std::string_view value = line.substr(5);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      if (value.size() >= 2 &&
          (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      return std::string(value);
    }
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return std::nullopt;
}

void Planner::BuildFile(const Resource& resource) {
  if (IsMarkdown(resource.source)) {
    std::optional<RenderedSource> rendered = Render(resource);
    if (!rendered) return;
    if (resource.install && !resource.output.empty()) {
      if (resource.type == "agent" && resource.tool == "claude-code") {
        if (std::optional<std::string> name = FrontmatterName(rendered->text))
          names_[*name].push_back({resource.output, resource.at});
      }
      std::string text = rendered->text;
      if (request_.plugin_layout) {
        std::vector<std::string> removed;
        text = WithoutPluginKeys(rendered->text, resource.type == "agent",
                                 &removed);
        removed.erase(std::remove_if(removed.begin(), removed.end(),
                                     [](const std::string& key) {
                                       return !IsIgnoredPluginAgentKey(key);
                                     }),
                      removed.end());
        if (!removed.empty()) {
          std::string names;
          for (const std::string& key : removed)
            names += (names.empty() ? "'" : ", '") + key + "'";
          // Located where the first key is in the rendered text, which is
          // the source's line when the frontmatter is not templated.
          size_t key_at = std::string::npos;
          for (const char* quote : {"", "\"", "'"}) {
            if (key_at == std::string::npos)
              key_at = rendered->text.find("\n" + std::string(quote) +
                                           removed[0] + quote + ":");
          }
          sink_.Warning(
              LocateOffset(resource.display, rendered->text,
                           key_at == std::string::npos ? 0 : key_at + 1),
              "Claude Code ignores " + names +
                  " in a plugin's agent; left out of '" + resource.output + "'",
              "plugin.agent-field");
        }
      }
      AddFile(resource, resource.output, std::move(text), std::nullopt,
              "render", RenderArguments(resource));
    }
    if (!rendered->files.empty())
      FollowDependencies(*rendered->files[0], resource);
    return;
  }
  InputToRead input{InputRole::kSource, resource.source, resource.display, "",
                    resource.at};
  InputBytes read = OpenInput(fs_, input, root_area_, sink_);
  if (!read.ok) return;
  Prerequisite(resource.source);
  if (resource.install && !resource.output.empty()) {
    AddFile(resource, resource.output, std::move(read.bytes),
            fs_.Permissions(resource.source), "copy", {});
  }
}

void Planner::BuildSkill(const Resource& resource) {
  if (!CheckSource(resource, true)) return;
  if (fs_.Stat(JoinNormal(resource.source, "SKILL.md")) !=
      FileReader::Kind::kFile) {
    sink_.Error(resource.at,
                "'" + resource.name + "': the skill folder '" +
                    resource.display + "' holds no SKILL.md",
                "sync.skill");
    return;
  }
  std::string error;
  std::optional<WalkResult> files =
      ListSkillFiles(fs_, resource.source, &error);
  if (!files) {
    sink_.Error(resource.at, "cannot list '" + resource.display + "': " + error,
                "sync.skill");
    return;
  }
  for (const std::string& folder : files->folders) Prerequisite(folder);
  if (!resource.install || resource.output.empty()) return;
  for (const std::string& relative : files->matches) {
    std::string path = JoinNormal(resource.source, relative);
    std::string bytes;
    if (!fs_.ReadFile(path, &bytes, &error)) {
      sink_.Error(resource.at, "cannot read '" + Display(path) + "': " + error,
                  "sync.skill");
      continue;
    }
    Prerequisite(path);
    Resource part = resource;
    part.display = Display(path);
    AddFile(part, resource.output + "/" + relative, std::move(bytes),
            fs_.Permissions(path), "copy", {});
  }
}

// Sync writes merged resources where AGPM 0.4.14 does; a layout that says
// otherwise is answered once per tool and category.
void Planner::WarnOtherMergeTarget(const Resource& resource,
                                   const std::string& target) {
  if (!manifest_) return;
  std::string category = CategoryOfType(resource.type);
  const LayoutCell* cell = manifest_->layout.Cell(resource.tool, category);
  if (!cell || !cell->merge_target || Normal(*cell->merge_target) == target)
    return;
  if (!warned_merge_targets_.insert(resource.tool + '\n' + category).second)
    return;
  sink_.Warning(resource.at,
                "the layout merges " + category + " of tool '" + resource.tool +
                    "' into '" + *cell->merge_target +
                    "'; sync writes them to '" + target +
                    "', where AGPM 0.4.14 does",
                "sync.merge-target");
}

void Planner::BuildHook(const Resource& resource, const json& value,
                        std::string_view text) {
  std::optional<HookDefinition> hook =
      ReadHookDefinition(value, text, resource.display, sink_);
  if (!hook) return;
  if (request_.plugin_layout) {
    if (!RequireClaudeCode(resource, resource.at)) return;
    // One file reached twice (two entries, several agents) is one hook, as
    // in the merged file.
    bool known = false;
    for (const WantedHook& wanted : plugin_hooks_)
      known = known || wanted.source == resource.display;
    if (!known) plugin_hooks_.push_back({std::move(*hook), resource.display});
    AddMergeRow(resource, "hooks/hooks.json");
    return;
  }
  WarnOtherMergeTarget(resource, kLocalSettingsPath);
  PlannedMerge& merge = merges_[kLocalSettingsPath];
  merge.target = kLocalSettingsPath;
  merge.kind = MergeKind::kHooks;
  merge.hooks.push_back({std::move(*hook), resource.display});
  AddMergeRow(resource, kLocalSettingsPath);
}

void Planner::BuildServer(const Resource& resource, const json& value,
                          const std::string& bytes, bool is_json,
                          const std::string& key) {
  McpServerDependency server;
  server.name = key;
  server.path = resource.source;
  server.display = resource.display;
  server.relative = RelativeTo(resource.source, root_);
  server.bytes = bytes;
  server.is_json = is_json;
  server.value = value;
  server.declared_at = resource.at;
  std::optional<json> config = ValidateMcpServer(server, sink_);
  if (!config) return;
  if (request_.plugin_layout) {
    if (!RequireClaudeCode(resource, resource.at)) return;
    for (const WantedServer& wanted : plugin_servers_) {
      if (wanted.key == key && wanted.source != resource.display) {
        sink_.Error(resource.at,
                    "the MCP server '" + key + "' of '" + resource.display +
                        "' is in '" + wanted.source +
                        "' too; give one of them another name",
                    "plugin.mcp-server");
        return;
      }
      if (wanted.key == key) return;  // one file reached twice
    }
    plugin_servers_.push_back({key, std::move(*config), resource.display});
    AddMergeRow(resource, ".mcp.json");
    return;
  }
  std::string target;
  MergeKind kind = MergeKind::kMcpServers;
  const InstallLayout& layout = manifest_->layout;
  if (resource.tool == "claude-code") {
    target = ".mcp.json";
  } else if (resource.tool == "opencode" && layout.Tool("opencode")) {
    target = Normal(layout.Tool("opencode")->folder + "/opencode.json");
    kind = MergeKind::kOpenCodeMcp;
  } else {
    sink_.Warning(resource.at,
                  "'" + resource.name + "': MCP servers of tool '" +
                      resource.tool +
                      "' are not written (AGPM has no place for them)",
                  "sync.mcp-server");
    return;
  }
  WarnOtherMergeTarget(resource, target);
  PlannedMerge& merge = merges_[target];
  merge.target = target;
  merge.kind = kind;
  merge.servers.push_back({key, std::move(*config), resource.display});
  AddMergeRow(resource, target);
}

// A hook or MCP server file read as JSON, by the rules every JSON input
// follows (a repeated key is an error), its problem located in the file.
std::optional<json> ReadJsonResource(FileReader& fs, const std::string& path,
                                     const std::string& display,
                                     const Location& at, ReadArea& root,
                                     DiagnosticSink& sink, std::string* bytes) {
  InputToRead input{InputRole::kSource, path, display, "", at};
  InputBytes read = OpenInput(fs, input, root, sink);
  if (!read.ok) return std::nullopt;
  json value;
  size_t error_offset = 0;
  if (std::optional<std::string> problem =
          ParseJsonStrictly(read.bytes, &value, &error_offset)) {
    sink.Error(LocateOffset(display, read.bytes, error_offset), *problem,
               "sync.json");
    return std::nullopt;
  }
  *bytes = std::move(read.bytes);
  return value;
}

std::optional<Resource> Planner::EntryResource(const ManifestEntry& entry,
                                               const std::string& name,
                                               const std::string& path,
                                               DiagnosticSink& sink) {
  Resource resource;
  resource.name = name;
  resource.entry = name;
  resource.at = entry.path_at;
  resource.type = entry.type;
  resource.tool = entry.tool;
  resource.source = AbsoluteNormal(plan_.project_directory, path);
  resource.display = Display(resource.source);
  resource.install = entry.install;
  resource.variables = &VariablesOf(entry.template_vars);
  if (request_.plugin_layout && entry.type == "snippet") return resource;
  if (request_.plugin_layout && !RequireClaudeCode(resource, entry.tool_at))
    return std::nullopt;
  const InstallLayout& layout = manifest_->layout;
  const LayoutCell* cell = layout.Cell(entry.tool, entry.section);
  if (cell && cell->folder) {
    std::string meaningful =
        entry.filename ? *entry.filename
                       : RelativeTo(resource.source, plan_.project_directory);
    std::string output =
        layout.ResourcePath(entry.tool, entry.section, meaningful,
                            entry.flatten, entry.target.value_or(""));
    if (entry.type == "skill" && ExtensionOf(output) == "md")
      output = WithoutExtension(output);
    if (output == ".." || output.rfind("../", 0) == 0 || output[0] == '/') {
      Location at = entry.target     ? entry.target_at
                    : entry.filename ? entry.filename_at
                                     : entry.path_at;
      sink.Error(at,
                 "'" + name + "' would be written to '" + output +
                     "', outside the destination",
                 "sync.output");
      return std::nullopt;
    }
    resource.output = output;
    if (request_.plugin_layout) {
      Location at = entry.target     ? entry.target_at
                    : entry.filename ? entry.filename_at
                                     : entry.path_at;
      std::optional<std::string> in_plugin = PluginOutput(resource, output, at);
      if (!in_plugin) return std::nullopt;
      resource.agpm_path = output;
      resource.output = *in_plugin;
    }
  }
  return resource;
}

void Planner::BuildEntry(const ManifestEntry& entry, const std::string& name,
                         const std::string& path) {
  std::optional<Resource> made = EntryResource(entry, name, path, sink_);
  if (!made) return;
  const Resource& resource = *made;
  if (entry.type == "skill") {
    BuildSkill(resource);
    return;
  }
  if (!CheckSource(resource, false)) return;
  if (entry.type == "hook" || entry.type == "mcp-server") {
    std::string bytes;
    std::optional<json> value =
        ReadJsonResource(fs_, resource.source, resource.display, resource.at,
                         root_area_, sink_, &bytes);
    if (!value) return;
    Prerequisite(resource.source);
    if (entry.type == "hook")
      BuildHook(resource, *value, bytes);
    else
      BuildServer(resource, *value, bytes, true, entry.key);
    return;
  }
  BuildFile(resource);
}

void Planner::FollowDependencies(const InputFile& file,
                                 const Resource& parent) {
  for (const ResolvedDependency& dependency : file.dependencies) {
    if (!dependency.file) continue;
    const InputFile& found = *dependency.file;
    Resource resource;
    resource.name = parent.name + " -> " + dependency.entry.path;
    resource.required_by = {parent.entry ? *parent.entry : parent.name};
    resource.at = dependency.entry.where;
    resource.type = TypeOfCategory(dependency.entry.category);
    resource.tool = dependency.tool;
    resource.source = found.path;
    resource.display = found.display;
    resource.install = !(dependency.entry.install.is_boolean() &&
                         !dependency.entry.install.get<bool>());
    resource.variables = parent.variables;
    if (!dependency.entry.flatten.is_null()) {
      sink_.Warning(dependency.entry.where,
                    "'flatten' on a dependency is ignored (AGPM ignores it): "
                    "the layout's setting applies",
                    "sync.flatten");
    }
    std::string identity = Identity(resource);
    if (!followed_.insert(identity).second) {
      // Reached again: only its list of parents grows.
      for (ListRow& row : plan_.rows) {
        if (!row.entry && row.source == RelativeTo(found.path, root_) &&
            row.tool == resource.tool &&
            std::find(row.required_by.begin(), row.required_by.end(),
                      resource.required_by[0]) == row.required_by.end())
          row.required_by.push_back(resource.required_by[0]);
      }
      continue;
    }
    if (manifest_identities_.count(identity)) continue;  // the entry's
    BuildDependency(resource, found);
    FollowDependencies(found, resource);
  }
}

void Planner::BuildDependency(const Resource& parent_made,
                              const InputFile& file) {
  Resource resource = parent_made;
  const std::string category = CategoryOfType(resource.type);
  Prerequisite(file.path);
  if (category == "hooks") {
    if (file.kind == FileKind::kJson)
      BuildHook(resource, file.json, file.bytes);
    return;
  }
  if (category == "mcp-servers") {
    BuildServer(resource, file.json, file.bytes, file.kind == FileKind::kJson,
                StemOf(file.path));
    return;
  }
  if (!resource.install) return;
  if (request_.plugin_layout &&
      (category == "snippets" || !RequireClaudeCode(resource, resource.at)))
    return;
  const InstallLayout& layout = manifest_->layout;
  const LayoutCell* cell = layout.Cell(resource.tool, category);
  if (!cell || !cell->folder) return;
  resource.output = layout.ResourcePath(
      resource.tool, category,
      RelativeTo(resource.source, plan_.project_directory), std::nullopt, "");
  if (request_.plugin_layout) {
    std::optional<std::string> in_plugin =
        PluginOutput(resource, resource.output, resource.at);
    if (!in_plugin) return;
    resource.agpm_path = resource.output;
    resource.output = *in_plugin;
  }
  if (file.kind == FileKind::kMarkdown) {
    std::optional<RenderedSource> rendered = Render(resource);
    if (rendered)
      AddFile(resource, resource.output, rendered->text, std::nullopt, "render",
              RenderArguments(resource));
    return;
  }
  // The graph keeps the bytes of every dependency but Markdown: the copy
  // is what it read, not a second read.
  AddFile(resource, resource.output, file.bytes, fs_.Permissions(file.path),
          "copy", {});
}

void Planner::WarnSameNames() {
  for (const auto& [name, agents] : names_) {
    if (agents.size() < 2) continue;
    std::string outputs;
    for (const auto& [output, at] : agents)
      outputs += (outputs.empty() ? "" : ", ") + output;
    sink_.Warning(agents.back().second,
                  "agents with one name '" + name + "': " + outputs +
                      " (Claude Code loads one of them)",
                  "sync.same-name");
  }
}

SyncPlan Planner::Finish() {
  for (auto& [target, merge] : merges_) plan_.merges.push_back(merge);
  std::vector<size_t> order(plan_.files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return plan_.files[a].path < plan_.files[b].path;
  });
  std::vector<PlannedFile> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(std::move(plan_.files[i]));
  plan_.files = std::move(sorted);
  if (!plan_.files.empty() || !plan_.merges.empty()) {
    ListRow row;
    row.output = kSyncStatePath;
    row.action = "state";
    plan_.rows.push_back(row);
  }
  return std::move(plan_);
}

bool Planner::LoadManifest() {
  const std::string given =
      request_.manifest.empty() ? "agpm.toml" : request_.manifest;
  relative_display_ = given[0] != '/';
  manifest_path_ = AbsoluteNormal(cwd_, given);
  std::string text;
  std::string error;
  if (fs_.Stat(manifest_path_) != FileReader::Kind::kFile ||
      !fs_.ReadFile(manifest_path_, &text, &error)) {
    sink_.Error({}, "cannot read the manifest '" + given + "'" +
                        (error.empty() ? ": no such file" : ": " + error));
    return false;
  }
  const std::string display = Display(manifest_path_);
  plan_.project_directory = ParentOf(manifest_path_);
  Prerequisite(manifest_path_);
  if (fs_.Stat(JoinNormal(plan_.project_directory, "agpm.private.toml")) ==
      FileReader::Kind::kFile) {
    sink_.Warning(
        {},
        "'" +
            Display(JoinNormal(plan_.project_directory, "agpm.private.toml")) +
            "' is not read: sync builds what agpm.toml says",
        "sync.private-manifest");
  }
  manifest_ = ReadAgpmManifest(text, display, sink_);
  if (manifest_ && request_.plugin_layout)
    plugin_tables_ = ReadPluginTables(text, display, sink_);
  if (!manifest_ || (request_.plugin_layout && !plugin_tables_)) return false;
  std::string lockfile = JoinNormal(plan_.project_directory, "agpm.lock");
  if (fs_.Stat(lockfile) == FileReader::Kind::kFile) {
    plan_.lockfile = lockfile;
    Prerequisite(lockfile);
  }
  plan_.destination = request_.to.empty() ? plan_.project_directory
                                          : AbsoluteNormal(cwd_, request_.to);
  plan_.destination_display =
      request_.to.empty() ? Display(plan_.destination) : request_.to;
  root_ = request_.workspace.root
              ? AbsoluteNormal(cwd_, *request_.workspace.root)
              : DefaultRoot(fs_, manifest_path_);
  root_area_ = {root_, Display(root_), !request_.workspace.allow_outside_root,
                std::nullopt};
  project_file_ = manifest_path_;
  workspace_ = request_.workspace;
  workspace_.root = root_;
  workspace_.project_file = manifest_path_;
  workspace_.preloaded_project = std::make_shared<PreloadedProject>(
      PreloadedProject{manifest_path_, Sha256Hex(text),
                       ProjectFile{manifest_->project, manifest_->layout}});
  for (const SkippedEntry& skipped : manifest_->skipped) {
    ListRow row;
    row.action = "skip";
    row.entry = skipped.key;
    row.reason = skipped.reason;
    plan_.rows.push_back(std::move(row));
  }
  return true;
}

std::optional<SyncPlan> Planner::PlanManifest() {
  if (!LoadManifest()) return std::nullopt;
  std::vector<const ManifestEntry*> entries;
  for (const ManifestEntry& entry : manifest_->entries)
    entries.push_back(&entry);
  PlanEntries(entries);
  WarnSameNames();
  if (sink_.has_errors()) return std::nullopt;
  return Finish();
}

void Planner::PlanEntries(const std::vector<const ManifestEntry*>& entries) {
  std::string error;
  std::vector<std::string> excluded;
  for (const std::string& folder : manifest_->layout.ToolFolders())
    excluded.push_back(JoinNormal(plan_.destination, folder));
  // A plugin's outputs are never its sources: the destination, and its
  // plugins/ folder for a marketplace whose root is the manifest's folder.
  if (request_.plugin_layout) {
    excluded.push_back(plan_.destination);
    excluded.push_back(JoinNormal(plan_.destination, "plugins"));
  }
  // Every entry with its pattern's matches, in the order of the manifest.
  struct Expanded {
    const ManifestEntry* entry;
    std::string name;
    std::string path;
  };
  std::vector<Expanded> expanded;
  for (const ManifestEntry* listed : entries) {
    const ManifestEntry& entry = *listed;
    if (!entry.is_pattern) {
      expanded.push_back({&entry, entry.key, entry.path});
      continue;
    }
    std::optional<WalkResult> walk =
        ExpandPattern(fs_, plan_.project_directory, entry.path,
                      entry.type == "skill", excluded, &error);
    if (!walk) {
      sink_.Error(entry.path_at, "cannot expand '" + entry.path + "': " + error,
                  "sync.pattern");
      continue;
    }
    for (const std::string& folder : walk->folders) Prerequisite(folder);
    if (walk->matches.empty()) {
      sink_.Warning(entry.path_at,
                    "'" + entry.key + "': the pattern '" + entry.path +
                        "' matches nothing",
                    "sync.pattern");
    }
    for (const std::string& match : walk->matches)
      expanded.push_back({&entry, entry.key + "[" + match + "]", match});
  }
  // Every entry's identity is known before any dependency is followed, so
  // a dependency that is a later entry is that entry (docs/sync.md). Their
  // renders are done ahead on every core.
  DiagnosticSink unreported;  // reported when each entry is built
  std::vector<Resource> resources;
  for (const Expanded& item : expanded) {
    std::optional<Resource> resource =
        EntryResource(*item.entry, item.name, item.path, unreported);
    if (!resource) continue;
    if (item.entry->type != "skill")
      manifest_identities_.insert(Identity(*resource));
    resources.push_back(std::move(*resource));
  }
  Prefetch(resources);
  for (const Expanded& item : expanded)
    BuildEntry(*item.entry, item.name, item.path);
}

std::optional<SyncPlan> Planner::PlanMapping() {
  relative_display_ = request_.from[0] != '/';
  const std::string from = AbsoluteNormal(cwd_, request_.from);
  plan_.destination = AbsoluteNormal(cwd_, request_.to);
  plan_.destination_display = request_.to;
  if (fs_.Stat(from) != FileReader::Kind::kDirectory) {
    sink_.Error({}, "--from '" + request_.from + "' is not a folder");
    return std::nullopt;
  }
  root_ = request_.workspace.root
              ? AbsoluteNormal(cwd_, *request_.workspace.root)
              : DefaultRoot(fs_, JoinNormal(from, "-"));
  root_area_ = {root_, Display(root_), !request_.workspace.allow_outside_root,
                std::nullopt};
  workspace_ = request_.workspace;
  workspace_.root = root_;
  if (request_.workspace.project_file) {
    project_file_ = AbsoluteNormal(cwd_, *request_.workspace.project_file);
  } else if (fs_.Stat(JoinNormal(root_, "agpm.toml")) ==
             FileReader::Kind::kFile) {
    project_file_ = JoinNormal(root_, "agpm.toml");
  }
  if (!project_file_.empty()) workspace_.project_file = project_file_;
  plan_.project_directory =
      project_file_.empty() ? root_ : ParentOf(project_file_);

  if (!project_file_.empty()) Prerequisite(project_file_);
  if (request_.plugin_layout) {
    PlanMappedPlugin(from);
    if (sink_.has_errors()) return std::nullopt;
    return Finish();
  }
  std::vector<MappedSource> sources;
  std::string error;
  std::optional<WalkResult> walk =
      WalkSourceFolder(fs_, from, &sources, &error);
  if (!walk) {
    sink_.Error({}, "cannot walk '" + request_.from + "': " + error);
    return std::nullopt;
  }
  for (const std::string& folder : walk->folders) Prerequisite(folder);
  const Variables& variables = VariablesOf(json());
  const InstallLayout& layout = InstallLayout::BuiltIn();
  for (const MappedSource& source : sources) {
    Resource resource;
    resource.name = source.relative;
    resource.entry = source.relative;
    resource.type = source.type;
    resource.tool = request_.tool
                        ? *request_.tool
                        : layout.DefaultTool(CategoryOfType(source.type));
    resource.source = JoinNormal(from, source.relative);
    resource.display = Display(resource.source);
    resource.output = source.relative;
    resource.variables = &variables;
    if (source.is_skill_folder) {
      BuildSkill(resource);
      continue;
    }
    std::optional<RenderedSource> rendered = Render(resource);
    if (!rendered) continue;
    AddFile(resource, resource.output, rendered->text, std::nullopt, "render",
            RenderArguments(resource));
  }
  if (sink_.has_errors()) return std::nullopt;
  return Finish();
}

// The plugin layout (docs/plugins.md) -----------------------------------

// Where a file the `.claude/` tree would hold at `layout_path` goes in a
// plugin: the type's default folder instead of the tool's cell.
std::optional<std::string> Planner::PluginOutput(const Resource& resource,
                                                 const std::string& layout_path,
                                                 const Location& at) {
  const std::string category = CategoryOfType(resource.type);
  const InstallLayout& layout = manifest_->layout;
  const LayoutTool* tool = layout.Tool(resource.tool);
  const LayoutCell* cell = layout.Cell(resource.tool, category);
  const std::string folder = tool && cell && cell->folder
                                 ? Normal(tool->folder + "/" + *cell->folder)
                                 : "";
  if (folder.empty() || layout_path.rfind(folder + "/", 0) != 0) {
    sink_.Error(at,
                "'" + resource.name + "' would be written to '" + layout_path +
                    "', outside the plugin's " + category + " folder",
                "sync.output");
    return std::nullopt;
  }
  return category + layout_path.substr(folder.size());
}

bool Planner::RequireClaudeCode(const Resource& resource, const Location& at) {
  if (resource.tool == "claude-code") return true;
  sink_.Error(at,
              "'" + resource.name + "' has the tool '" + resource.tool +
                  "'; a plugin is Claude Code's, so every " + resource.type +
                  " in it must have the tool 'claude-code'",
              "plugin.tool");
  return false;
}

// The manifest entries a plugin's `entries` names, in the manifest's order.
std::optional<std::vector<const ManifestEntry*>> Planner::SelectEntries(
    const PluginTable& plugin, std::set<const ManifestEntry*>* listed) {
  const std::vector<std::string>& sections = ManifestSections();
  std::string section_list;
  for (const std::string& name : sections)
    section_list += (section_list.empty() ? "" : ", ") + name;
  std::set<const ManifestEntry*> chosen;
  bool ok = true;
  for (const auto& [item, at] : plugin.entries) {
    size_t dot = item.find('.');
    std::string section = item.substr(0, dot);
    std::string key = dot == std::string::npos ? "" : item.substr(dot + 1);
    if (item != "*" &&
        (dot == std::string::npos || std::find(sections.begin(), sections.end(),
                                               section) == sections.end())) {
      sink_.Error(at,
                  "'" + item +
                      "' names no manifest entry: write \"<section>.<key>\", "
                      "\"<section>.*\" or \"*\" (sections: " +
                      section_list + ")",
                  "plugin.entries");
      ok = false;
      continue;
    }
    bool found = false;
    std::vector<std::string> names;
    for (const ManifestEntry& entry : manifest_->entries) {
      names.push_back(entry.section + "." + entry.key);
      if (item == "*" ||
          (entry.section == section && (key == "*" || entry.key == key))) {
        chosen.insert(&entry);
        found = true;
      }
    }
    if (!found && key != "*" && item != "*") {
      std::optional<std::string> near = NearestName(item, names);
      sink_.Error(at,
                  "the manifest has no entry '" + item + "'" +
                      (near ? "; did you mean '" + *near + "'?" : ""),
                  "plugin.entries");
      ok = false;
    }
  }
  std::vector<const ManifestEntry*> entries;
  for (const ManifestEntry& entry : manifest_->entries) {
    if (chosen.count(&entry)) {
      entries.push_back(&entry);
      listed->insert(&entry);
    }
  }
  if (!ok) return std::nullopt;
  return entries;
}

// A plugin source folder: agents and commands rendered, skills copied
// whole, every other file copied as it is, each to the same path.
void Planner::BuildSourceFolder(const std::string& from) {
  std::vector<MappedSource> sources;
  std::string error;
  std::optional<WalkResult> walk =
      WalkSourceFolder(fs_, from, &sources, &error, true);
  if (!walk) {
    sink_.Error({}, "cannot walk '" + Display(from) + "': " + error,
                "sync.walk");
    return;
  }
  for (const std::string& folder : walk->folders) Prerequisite(folder);
  const Variables& variables = VariablesOf(json::object());
  for (const MappedSource& source : sources) {
    Resource resource;
    resource.name = source.relative;
    resource.entry = source.relative;
    resource.type = source.type.empty() ? "file" : source.type;
    resource.tool = "claude-code";
    resource.source = JoinNormal(from, source.relative);
    resource.display = Display(resource.source);
    resource.at = Location{resource.display, 0, 0, ""};
    resource.output = source.relative;
    resource.variables = &variables;
    if (source.is_skill_folder) {
      BuildSkill(resource);
    } else if (!source.type.empty()) {
      BuildFile(resource);
    } else {
      InputToRead input{InputRole::kSource, resource.source, resource.display,
                        "", resource.at};
      InputBytes read = OpenInput(fs_, input, root_area_, sink_);
      if (!read.ok) continue;
      Prerequisite(resource.source);
      AddFile(resource, resource.output, std::move(read.bytes),
              fs_.Permissions(resource.source), "copy", {});
    }
  }
}

// A file the layout writes from the tables, the hooks or the servers.
void Planner::AddGenerated(const std::string& path, std::string bytes,
                           const std::string& from) {
  auto known = outputs_.find(path);
  if (known != outputs_.end()) {
    sink_.Error(plugin_ ? plugin_->at : Location{},
                "'" + path + "' is generated from " + from + ", and '" +
                    plan_.files[known->second.file].trace +
                    "' gives it too; leave one of them out",
                "plugin.generated");
    return;
  }
  outputs_[path] = {from, false, plan_.files.size(), plan_.rows.size()};
  plan_.files.push_back({path, std::move(bytes), std::nullopt, from});
  ListRow row;
  row.output = path;
  row.action = "generate";
  row.install_path = path;
  plan_.rows.push_back(std::move(row));
}

// Generates the plugin's JSON files and moves its outputs below `prefix`.
void Planner::FinishPlugin(const std::string& prefix) {
  auto is_project_file = [&](const std::string& path) {
    std::string absolute = JoinNormal(plan_.project_directory, path);
    return IsWithin(absolute, plan_.project_directory) &&
           fs_.Stat(absolute) == FileReader::Kind::kFile;
  };
  auto rewrite = [&](const std::string& text, bool shell,
                     const std::string& source) {
    std::vector<std::string> project_paths;
    std::string rewritten = RewriteScriptPaths(text, shell, plugin_scripts_,
                                               is_project_file, &project_paths);
    for (const std::string& path : project_paths) {
      sink_.Warning(Location{source, 0, 0, ""},
                    "'" + path +
                        "' is a file of the project that the plugin does not "
                        "hold: it will not exist where the plugin is "
                        "installed (add it as a script entry)",
                    "plugin.project-path");
    }
    return rewritten;
  };
  for (WantedHook& wanted : plugin_hooks_) {
    json& hook = wanted.definition.hook;
    if (hook.contains("command") && hook["command"].is_string())
      hook["command"] = rewrite(hook["command"], true, wanted.source);
  }
  for (WantedServer& server : plugin_servers_) {
    json& config = server.config;
    if (config.contains("command") && config["command"].is_string())
      config["command"] = rewrite(config["command"], false, server.source);
    if (config.contains("args") && config["args"].is_array()) {
      for (json& arg : config["args"])
        if (arg.is_string()) arg = rewrite(arg, false, server.source);
    }
  }
  const std::string tables = plugin_ && !plugin_->name.empty()
                                 ? "[plugins." + plugin_->name + "]"
                                 : "";
  if (!tables.empty())
    AddGenerated(".claude-plugin/plugin.json", PluginJsonText(*plugin_),
                 tables);
  if (!plugin_hooks_.empty())
    AddGenerated("hooks/hooks.json", HooksJsonText(plugin_hooks_),
                 "the plugin's hooks");
  if (!plugin_servers_.empty())
    AddGenerated(".mcp.json", McpJsonText(plugin_servers_),
                 "the plugin's MCP servers");
  WarnSameNames();
  for (size_t i = plugin_files_begin_; i < plan_.files.size(); ++i)
    plan_.files[i].path = prefix + plan_.files[i].path;
  for (size_t i = plugin_rows_begin_; i < plan_.rows.size(); ++i) {
    if (plan_.rows[i].output)
      plan_.rows[i].output = prefix + *plan_.rows[i].output;
  }
  plugin_files_begin_ = plan_.files.size();
  plugin_rows_begin_ = plan_.rows.size();
  outputs_.clear();
  followed_.clear();
  manifest_identities_.clear();
  names_.clear();
  plugin_hooks_.clear();
  plugin_servers_.clear();
  plugin_scripts_.clear();
}

std::optional<SyncPlan> Planner::PlanPlugins() {
  if (!LoadManifest()) return std::nullopt;
  const std::string manifest_display = Display(manifest_path_);
  const PluginTables& tables = *plugin_tables_;
  if (tables.plugins.empty()) {
    sink_.Error(Location{manifest_display, 0, 0, ""},
                "--layout plugin: the manifest has no plugin table "
                "([plugins.<name>], docs/plugins.md)",
                "plugin.table");
    return std::nullopt;
  }
  if (!tables.marketplace && tables.plugins.size() > 1) {
    sink_.Error(tables.plugins[1].at,
                "several plugins need a [marketplace]: without one the "
                "destination is the one plugin's folder",
                "plugin.table");
    return std::nullopt;
  }
  plugin_files_begin_ = plan_.files.size();
  plugin_rows_begin_ = plan_.rows.size();
  std::set<const ManifestEntry*> listed;
  for (const PluginTable& plugin : tables.plugins) {
    plugin_ = &plugin;
    std::optional<std::vector<const ManifestEntry*>> entries =
        SelectEntries(plugin, &listed);
    if (!entries) continue;
    PlanEntries(*entries);
    if (plugin.from) {
      std::string from = AbsoluteNormal(plan_.project_directory, *plugin.from);
      if (fs_.Stat(from) != FileReader::Kind::kDirectory) {
        sink_.Error(plugin.from_at, "'" + *plugin.from + "' is not a folder",
                    "plugin.from");
      } else if (IsWithin(plan_.destination, from)) {
        sink_.Error(plugin.from_at,
                    "the destination '" + plan_.destination_display +
                        "' is inside the plugin's sources '" + *plugin.from +
                        "'",
                    "plugin.from");
      } else {
        BuildSourceFolder(from);
      }
    }
    FinishPlugin(tables.marketplace ? "plugins/" + plugin.name + "/" : "");
  }
  plugin_ = nullptr;
  for (const ManifestEntry& entry : manifest_->entries) {
    if (listed.count(&entry) || entry.type == "snippet") continue;
    sink_.Warning(entry.key_at,
                  "'" + entry.section + "." + entry.key +
                      "' is in no plugin's 'entries', so --layout plugin "
                      "does not write it",
                  "plugin.unlisted");
  }
  if (tables.marketplace) {
    AddGenerated(".claude-plugin/marketplace.json",
                 MarketplaceJsonText(*tables.marketplace, tables.plugins),
                 "[marketplace]");
  }
  if (sink_.has_errors()) return std::nullopt;
  return Finish();
}

// Mapping mode's plugin: `--from` with the project file's one plugin
// table, if any.
void Planner::PlanMappedPlugin(const std::string& from) {
  static const PluginTable kNoTable;
  plugin_ = &kNoTable;
  std::string text;
  std::string error;
  if (!project_file_.empty() && fs_.ReadFile(project_file_, &text, &error)) {
    plugin_tables_ = ReadPluginTables(text, Display(project_file_), sink_);
    if (!plugin_tables_) return;
    const std::vector<PluginTable>& plugins = plugin_tables_->plugins;
    if (plugins.size() > 1) {
      sink_.Error(plugins[1].at,
                  "mapping mode builds one plugin, and the project file has " +
                      std::to_string(plugins.size()) +
                      " plugin tables; use manifest mode for several",
                  "plugin.table");
      return;
    }
    if (plugins.size() == 1) {
      plugin_ = &plugins[0];
      if (plugin_->from) {
        sink_.Error(plugin_->from_at,
                    "'from' is manifest mode's: mapping mode's sources are "
                    "--from",
                    "plugin.from");
      }
      if (plugin_->has_entries) {
        sink_.Error(plugin_->entries_at,
                    "'entries' is manifest mode's: mapping mode has no "
                    "manifest entries",
                    "plugin.entries");
      }
    }
    if (plugin_tables_->marketplace) {
      sink_.Warning(plugin_tables_->marketplace->at,
                    "mapping mode writes one plugin and no marketplace; "
                    "[marketplace] is ignored",
                    "plugin.table");
    }
  }
  plugin_files_begin_ = plan_.files.size();
  plugin_rows_begin_ = plan_.rows.size();
  BuildSourceFolder(from);
  FinishPlugin("");
  plugin_ = nullptr;
}

std::string TomlString(const std::string& text) {
  // JSON's escapes are TOML's for a basic string, except that TOML has no
  // `\/` (nlohmann never writes it) and wants control characters as \u.
  return json(text).dump();
}

std::string TomlKey(const std::string& key) {
  bool bare = !key.empty();
  for (char c : key) {
    bare = bare && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
                    c == '-');
  }
  return bare ? key : TomlString(key);
}

}  // namespace

std::string TomlSpelling(const json& value) {
  if (value.is_string()) return TomlString(value.get<std::string>());
  if (value.is_array()) {
    std::string out = "[";
    for (const json& item : value)
      out += (out.size() > 1 ? ", " : "") + TomlSpelling(item);
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    for (const auto& [key, item] : value.items())
      out += (out.size() > 1 ? ", " : "") + TomlKey(key) + " = " +
             TomlSpelling(item);
    return out + "}";
  }
  if (value.is_number_float()) {
    std::string text = value.dump();
    if (text.find_first_of(".eE") == std::string::npos) text += ".0";
    return text;
  }
  return value.dump();  // booleans and integers are spelt alike
}

std::optional<SyncPlan> PlanSync(FileReader& fs, const SyncRequest& request,
                                 DiagnosticSink& sink, unsigned jobs) {
  Planner planner(fs, request, sink, jobs);
  if (!request.from.empty()) return planner.PlanMapping();
  return request.plugin_layout ? planner.PlanPlugins() : planner.PlanManifest();
}

}  // namespace agentgen
