// SPDX-License-Identifier: MIT
#include "command_line/command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>

#include "inputs/dependencies.h"
#include "inputs/install_layout.h"
#include "inputs/project.h"

namespace agentgen {

const char kRenderUsage[] =
    "usage: agentgen render <source.md>... (-o FILE | --out-dir DIR) "
    "[--depfile FILE | --depfile-dir DIR] [--manifest FILE | --manifest-dir "
    "DIR] [--root DIR] [--project-file FILE] [-D name=value]... [--var "
    "name=VALUE]... "
    "[--context-var name=VALUE]... [--type TYPE] "
    "[--tool TOOL] [--install-path PATH] [--depfile-target PATH] "
    "[--write-if-changed] "
    "[--allow-outside-root] [--check]";
const char kCheckUsage[] =
    "usage: agentgen check <file.md>... [--root DIR] [--project-file FILE] "
    "[-D name=value]... [--var name=VALUE]... [--context-var name=VALUE]... "
    "[--type TYPE] [--tool TOOL] "
    "[--werror] [--format text|json|sarif|github] [--allow-outside-root]";
const char kMcpUsage[] =
    "usage: agentgen mcp <agent.md>... -o FILE [--depfile FILE] [--root DIR] "
    "[--project-file FILE] [-D name=value]... [--var name=VALUE]... "
    "[--context-var name=VALUE]... [--type TYPE] "
    "[--allow-outside-root] [--check]";

const char kSyncUsage[] =
    "usage: agentgen sync [MANIFEST] [--to DIR] [--root DIR] [-D "
    "name=value]... [--var name=VALUE]... [--allow-outside-root] [--check | "
    "--list[=jsonl|tsv]] [--force] [--stamp FILE [--depfile FILE]] "
    "[--layout agpm|plugin]\n"
    "       agentgen sync --from DIR --to DIR [--root DIR] [--project-file "
    "FILE] [--tool TOOL] (same options)";

namespace {

// The usage lines a usage error prints: those of the command named, or all.
std::string UsageOf(const std::vector<std::string>& arguments) {
  std::string command = arguments.empty() ? "" : arguments[0];
  if (command == "render") return std::string(kRenderUsage) + "\n";
  if (command == "check") return std::string(kCheckUsage) + "\n";
  if (command == "mcp") return std::string(kMcpUsage) + "\n";
  if (command == "sync") return std::string(kSyncUsage) + "\n";
  return std::string(kRenderUsage) + "\n" + kCheckUsage + "\n" + kMcpUsage +
         "\n" + kSyncUsage + "\n";
}

ParsedCommandLine UsageError(const std::string& message,
                             const std::vector<std::string>& arguments) {
  ParsedCommandLine parsed;
  parsed.exit_code = 2;
  parsed.err = "agentgen: error: " + message + "\n" + UsageOf(arguments);
  return parsed;
}

// CLI11 words its errors in sentences; print them the way the rest of
// agentgen speaks: lowercase, no trailing period.
std::string Lowercased(std::string message) {
  if (!message.empty())
    message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  while (!message.empty() && (message.back() == '.' || message.back() == '\n'))
    message.pop_back();
  return message;
}

// The options every command shares: how sources are read and rendered.
// A variable from the command line, in the order given: the later wins.
struct VariableArgument {
  enum class Kind { kDefine, kVar, kContextVar };
  Kind kind;
  std::string text;  // name=value as given
};

const char* OptionName(VariableArgument::Kind kind) {
  switch (kind) {
    case VariableArgument::Kind::kDefine:
      return "-D";
    case VariableArgument::Kind::kVar:
      return "--var";
    case VariableArgument::Kind::kContextVar:
      return "--context-var";
  }
  return "";
}

struct SharedArguments {
  std::string tool;  ///< --tool (render and check)
  std::string root;
  std::string project_file;
  std::vector<VariableArgument> variables;
};

// Each occurrence is recorded when it is read, so -D and --var keep their
// relative order (CLI11 would otherwise group values by option).
void AddVariableOption(CLI::App* command, const std::string& names,
                       VariableArgument::Kind kind, SharedArguments* shared,
                       const std::string& help) {
  command
      ->add_option_function<std::string>(
          names,
          [shared, kind](const std::string& text) {
            shared->variables.push_back({kind, text});
          },
          help)
      ->trigger_on_parse()
      ->allow_extra_args(false);
}

// -D and --var, which every command takes.
void AddDefineOptions(CLI::App* command, SharedArguments* shared) {
  // One value per option, so `-D a=b x.md` leaves x.md a source.
  AddVariableOption(command, "-D,--define", VariableArgument::Kind::kDefine,
                    shared, "Set a project variable: -D name=value (a string)");
  AddVariableOption(command, "--var", VariableArgument::Kind::kVar, shared,
                    "Set a project variable to a TOML value: --var "
                    "name=VALUE (false, 3, 1.5, [\"a\"], '\"text\"')");
}

void AddSharedOptions(CLI::App* command, SharedArguments* shared,
                      RenderSettings* settings) {
  command->add_option("--root", shared->root,
                      "Folder that bounds every read (default: the git work "
                      "tree, else the source's folder)");
  command->add_option("--project-file", shared->project_file,
                      "TOML file whose [project] table gives agpm.project "
                      "(default: <root>/agpm.toml when present)");
  AddDefineOptions(command, shared);
  AddVariableOption(command, "--context-var",
                    VariableArgument::Kind::kContextVar, shared,
                    "Set a top-level template name to a TOML value: "
                    "--context-var name=VALUE");
  command->add_option("--type", settings->type,
                      "Resource type of the source (default: agent)");
  command->add_flag("--allow-outside-root", settings->allow_outside_root,
                    "Allow reading files outside the root");
}

// Each -D, --var and --context-var: the form name=value, a TOML value where
// one is needed, a name that may be set.
std::optional<std::string> CheckVariables(const SharedArguments& shared) {
  for (const VariableArgument& variable : shared.variables) {
    const std::string& text = variable.text;
    std::string option = OptionName(variable.kind);
    size_t equals = text.find('=');
    if (equals == std::string::npos)
      return option + " '" + text + "' needs the form name=value";
    if (equals == 0) return option + " '" + text + "' has no name";
    std::string name = text.substr(0, equals);
    if (variable.kind == VariableArgument::Kind::kDefine) continue;
    std::string error;
    if (!ParseTomlValue(text.substr(equals + 1), &error)) {
      return option + " '" + text + "': the value is not one TOML value (" +
             error + "); quote a string: " + name + "='\"text\"'";
    }
    if (variable.kind == VariableArgument::Kind::kContextVar &&
        (name == "agpm" || name == "project" ||
         name.find('.') != std::string::npos)) {
      return option + " '" + text + "': '" + name +
             "' cannot be set (agpm and project are computed; set a project "
             "variable with --var, a top-level name without dots here)";
    }
  }
  return std::nullopt;
}

std::optional<std::string> CheckShared(const SharedArguments& shared,
                                       const RenderSettings& settings,
                                       bool for_check = false) {
  if (std::optional<std::string> problem = CheckVariables(shared))
    return problem;
  if (!IsResourceType(settings.type)) {
    return "--type '" + settings.type +
           "' is not one of agent, command, snippet, hook, mcp-server, "
           "script, skill" +
           std::string(for_check ? ", plugin, marketplace" : "");
  }
  return std::nullopt;
}

void ApplyShared(const SharedArguments& shared, RenderSettings* settings) {
  if (!shared.tool.empty()) settings->tool = shared.tool;
  if (!shared.root.empty()) settings->root = shared.root;
  if (!shared.project_file.empty())
    settings->project_file = shared.project_file;
  for (const VariableArgument& variable : shared.variables) {
    size_t equals = variable.text.find('=');
    std::string name = variable.text.substr(0, equals);
    std::string value = variable.text.substr(equals + 1);
    switch (variable.kind) {
      case VariableArgument::Kind::kDefine:
        settings->defines.emplace_back(name, value);
        break;
      case VariableArgument::Kind::kVar:
        settings->defines.emplace_back(name, *ParseTomlValue(value, nullptr));
        break;
      case VariableArgument::Kind::kContextVar:
        settings->context_variables[name] = *ParseTomlValue(value, nullptr);
        break;
    }
  }
}

std::optional<CheckFormat> CheckFormatNamed(const std::string& name) {
  if (name == "text") return CheckFormat::kText;
  if (name == "json") return CheckFormat::kJson;
  if (name == "sarif") return CheckFormat::kSarif;
  if (name == "github") return CheckFormat::kGithub;
  return std::nullopt;
}

bool IsCommandName(const std::string& word) {
  return word == "render" || word == "check" || word == "mcp" || word == "sync";
}

// `-` means standard output for -o only: a depfile or manifest there would
// be mixed with the agent, and a depfile needs an output file to name.
std::optional<std::string> CheckStandardOutput(const RenderOptions& options) {
  if (options.depfile == kStandardOutput)
    return std::string("--depfile cannot be - (standard output): name a file");
  if (options.manifest == kStandardOutput)
    return std::string("--manifest cannot be - (standard output): name a file");
  if (options.output != kStandardOutput) return std::nullopt;
  if (!options.depfile.empty() || !options.depfile_dir.empty()) {
    return std::string(
        "-o - writes to standard output; a depfile needs an output file to "
        "name, so it takes no --depfile or --depfile-dir");
  }
  if (options.check) {
    return std::string(
        "--check compares with an existing output, and -o - names none");
  }
  return std::nullopt;
}

// Checks what CLI11 cannot express: exclusive pairs and one-source options.
std::optional<std::string> CheckRender(const RenderOptions& options) {
  if (options.output.empty() == options.out_dir.empty())
    return std::string("give exactly one of -o and --out-dir");
  if (!options.depfile.empty() && !options.depfile_dir.empty())
    return std::string("give at most one of --depfile and --depfile-dir");
  if (!options.manifest.empty() && !options.manifest_dir.empty())
    return std::string("give at most one of --manifest and --manifest-dir");
  if (options.sources.size() > 1 &&
      (!options.output.empty() || !options.depfile.empty() ||
       !options.manifest.empty())) {
    return std::string(
        "-o, --depfile and --manifest take exactly one source; with several "
        "sources use --out-dir, --depfile-dir and --manifest-dir");
  }
  if (const std::optional<std::string>& install_path =
          options.settings.install_path) {
    if (options.sources.size() > 1)
      return std::string("--install-path takes exactly one source");
    if (install_path->empty() || (*install_path)[0] == '/') {
      return "--install-path '" + *install_path +
             "' must be a path relative to the project directory";
    }
  }
  if (!options.depfile_target.empty()) {
    if (options.sources.size() > 1)
      return std::string("--depfile-target takes exactly one source");
    if (options.depfile.empty())
      return std::string(
          "--depfile-target names the rule of --depfile: give it");
  }
  if (!options.out_dir.empty() &&
      (!options.depfile.empty() || !options.manifest.empty())) {
    return std::string("with --out-dir use --depfile-dir and --manifest-dir");
  }
  if (options.check &&
      (!options.depfile.empty() || !options.depfile_dir.empty() ||
       !options.manifest.empty() || !options.manifest_dir.empty())) {
    return std::string(
        "--check writes nothing; it takes no depfile or manifest options");
  }
  return CheckStandardOutput(options);
}

std::optional<std::string> CheckMcp(const McpOptions& mcp) {
  if (mcp.depfile == kStandardOutput)
    return std::string("--depfile cannot be - (standard output): name a file");
  if (mcp.output == kStandardOutput && !mcp.depfile.empty()) {
    return std::string(
        "-o - writes to standard output; a depfile needs an output file to "
        "name, so it takes no --depfile");
  }
  if (mcp.check && mcp.output == kStandardOutput) {
    return std::string(
        "--check compares with an existing file, and -o - names none");
  }
  if (mcp.check && !mcp.depfile.empty())
    return std::string("--check writes nothing; it takes no --depfile");
  return std::nullopt;
}

// The description of each command. A build starts agentgen once per agent,
// and building CLI11's description of all three commands costs more than
// parsing a small frontmatter, so only the command named is built.
CLI::App* AddRenderCommand(CLI::App& app, RenderOptions* options,
                           SharedArguments* shared) {
  CLI::App* render = app.add_subcommand(
      "render", "Render agent files; see docs/command-line.md.");
  render->add_option("sources", options->sources, "Agent files to render")
      ->required();
  render->add_option("-o,--output", options->output,
                     "The rendered file (- for standard output)");
  render->add_option("--out-dir", options->out_dir,
                     "Folder for several sources' outputs (root-relative "
                     "paths kept)");
  render->add_option("--depfile", options->depfile,
                     "Write a Makefile-syntax depfile");
  render->add_option("--depfile-dir", options->depfile_dir,
                     "Folder for several sources' depfiles");
  render->add_option("--manifest", options->manifest,
                     "Write a JSON manifest of every input");
  render->add_option("--manifest-dir", options->manifest_dir,
                     "Folder for several sources' manifests");
  AddSharedOptions(render, shared, &options->settings);
  render->add_option("--tool", shared->tool,
                     "The tool the source installs for (its layout column; "
                     "default: its type's default tool)");
  render->add_option("--install-path", options->settings.install_path,
                     "The source's agpm.resource.install_path, relative to "
                     "the project directory (default: the layout's)");
  render->add_option("--depfile-target", options->depfile_target,
                     "The depfile rule's target as the build tool spells the "
                     "output (default: the absolute output path)");
  render->add_flag("--write-if-changed", options->write_if_changed,
                   "Leave an output whose bytes would not change untouched");
  render->add_flag("--check", options->check,
                   "Write nothing; exit 1 with a unified diff on stdout when "
                   "an existing output is not what the render gives");
  return render;
}

CLI::App* AddCheckCommand(CLI::App& app, CheckOptions* check,
                          SharedArguments* shared, std::string* format) {
  CLI::App* command = app.add_subcommand(
      "check",
      "Render in memory and check each file against its tool's schema; "
      "writes nothing.");
  command->add_option("sources", check->sources, "Files to check")->required();
  AddSharedOptions(command, shared, &check->settings);
  command->add_option("--tool", shared->tool,
                      "The tool whose schema applies (default: the type's "
                      "default tool, claude-code except for snippets)");
  command->add_flag("--werror", check->werror, "Exit 1 on warnings too");
  command->add_option("--format", *format,
                      "text (default: diagnostics on stderr), or a report on "
                      "stdout: json, sarif (SARIF 2.1.0) or github (GitHub "
                      "Actions annotations)");
  return command;
}

CLI::App* AddMcpCommand(CLI::App& app, McpOptions* mcp,
                        SharedArguments* shared) {
  CLI::App* command = app.add_subcommand(
      "mcp",
      "Write the MCP servers the agents depend on into Claude Code's "
      ".mcp.json, keeping the servers and keys that agentgen did not write.");
  command->add_option("sources", mcp->sources, "Agent files")->required();
  command
      ->add_option("-o,--output", mcp->output,
                   "The .mcp.json to write (- for standard output)")
      ->required();
  command->add_option("--depfile", mcp->depfile,
                      "Write a Makefile-syntax depfile");
  command->add_flag("--check", mcp->check,
                    "Write nothing; exit 1 with a unified diff on stdout when "
                    "the file or its record is not what mcp would write");
  AddSharedOptions(command, shared, &mcp->settings);
  return command;
}

CLI::App* AddSyncCommand(CLI::App& app, SyncOptions* sync,
                         SharedArguments* shared, std::string* list,
                         std::string* layout) {
  CLI::App* command = app.add_subcommand(
      "sync",
      "Build a project's whole tree from an AGPM manifest (or a folder) and "
      "keep it exact; see docs/sync.md.");
  command->add_option("manifest", sync->request.manifest,
                      "The AGPM manifest (default: agpm.toml)");
  command->add_option("--from", sync->request.from,
                      "Mapping mode: the folder of sources");
  command->add_option("--to", sync->request.to,
                      "The destination (default: the manifest's folder)");
  command->add_option("--root", shared->root,
                      "Folder that bounds every read (default: the git work "
                      "tree, else the manifest's or --from folder)");
  command->add_option("--project-file", shared->project_file,
                      "Mapping mode: the project file (default: "
                      "<root>/agpm.toml when present)");
  AddDefineOptions(command, shared);
  command->add_option("--tool", shared->tool,
                      "Mapping mode: the tool of every file");
  command->add_flag("--allow-outside-root",
                    sync->request.workspace.allow_outside_root,
                    "Allow reading files outside the root");
  command->add_flag("--check", sync->check,
                    "Write nothing; exit 1 with a patch on stdout when the "
                    "tree is not what sync would write");
  command->add_option("--list", *list,
                      "Print the outputs: jsonl (default) or tsv");
  command->add_flag("--force", sync->force,
                    "Overwrite files edited by hand or not written by sync");
  command
      ->add_option("--layout", *layout,
                   "agpm: the tree agpm install writes (default); plugin: "
                   "Claude Code plugins, see docs/plugins.md")
      ->check(CLI::IsMember({"agpm", "plugin"}));
  command->add_option("--stamp", sync->stamp,
                      "Write this file on every successful sync");
  command->add_option("--depfile", sync->depfile,
                      "Write a depfile for the stamp (needs --stamp)");
  return command;
}

std::optional<std::string> CheckSync(const SyncOptions& sync,
                                     const SharedArguments& shared) {
  const SyncRequest& request = sync.request;
  if (!request.from.empty() && !request.manifest.empty())
    return std::string("give a manifest or --from, not both");
  if (!request.from.empty() && request.to.empty())
    return std::string("--from needs --to");
  if (request.from.empty() &&
      (!shared.project_file.empty() || !shared.tool.empty()))
    return std::string(
        "--project-file and --tool belong to mapping mode (--from); a "
        "manifest is its own project file and names each entry's tool");
  if (request.plugin_layout && !shared.tool.empty())
    return std::string(
        "--tool does not go with --layout plugin: a plugin is Claude Code's");
  const bool list = sync.list != SyncListFormat::kNone;
  if (sync.check && (list || sync.force))
    return std::string("--check takes neither --list nor --force");
  if (list && sync.force) return std::string("--list takes no --force");
  if (!sync.depfile.empty() && sync.stamp.empty())
    return std::string("--depfile needs --stamp (the depfile's target)");
  if ((!sync.stamp.empty() || !sync.depfile.empty()) && (sync.check || list))
    return std::string("--stamp and --depfile go with a plain sync only");
  if (sync.stamp == kStandardOutput || sync.depfile == kStandardOutput)
    return std::string("--stamp and --depfile cannot be - (standard output)");
  return CheckVariables(shared);
}

}  // namespace

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& arguments) {
  ParsedCommandLine parsed;
  RenderOptions& options = parsed.options;
  CheckOptions& check = parsed.check;
  McpOptions& mcp = parsed.mcp;
  SharedArguments render_shared;
  SharedArguments check_shared;
  SharedArguments mcp_shared;
  SharedArguments sync_shared;
  std::string format = "text";
  std::string list;
  std::string layout;

  CLI::App app{
      "agentgen renders AGPM-format agent files (Markdown with YAML "
      "frontmatter) with everything they depend on, checks them against the "
      "target tool's schema, and writes the MCP configuration they need.",
      "agentgen"};
  app.set_version_flag("--version",
                       std::string("agentgen ") + AGENTGEN_VERSION);
  app.require_subcommand(1);

  // All three commands when none is named, for --help and the usage error.
  const std::string first = arguments.empty() ? "" : arguments[0];
  const bool named = IsCommandName(first);
  CLI::App* render = nullptr;
  CLI::App* check_command = nullptr;
  if (!named || first == "render")
    render = AddRenderCommand(app, &options, &render_shared);
  if (!named || first == "check")
    check_command = AddCheckCommand(app, &check, &check_shared, &format);
  if (!named || first == "mcp") AddMcpCommand(app, &mcp, &mcp_shared);
  CLI::App* sync_command = nullptr;
  if (!named || first == "sync")
    sync_command =
        AddSyncCommand(app, &parsed.sync, &sync_shared, &list, &layout);

  // CLI11 would only say that a subcommand is required.
  if (!first.empty() && first[0] != '-' && !named) {
    return UsageError("unknown command '" + arguments[0] +
                          "' (expected render, check, mcp or sync)",
                      arguments);
  }
  // `--list` alone means `--list=jsonl`; CLI11 options take a value.
  std::vector<std::string> spelled = arguments;
  if (first == "sync") {
    for (std::string& argument : spelled)
      if (argument == "--list") argument = "--list=jsonl";
  }
  std::vector<std::string> reversed(spelled.rbegin(), spelled.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    parsed.out = app.help();  // the parsed command's help, when one was given
    return parsed;
  } catch (const CLI::CallForVersion&) {
    parsed.out = std::string("agentgen ") + AGENTGEN_VERSION + "\n";
    return parsed;
  } catch (const CLI::CallForAllHelp&) {
    parsed.out = app.help("", CLI::AppFormatMode::All);
    return parsed;
  } catch (const CLI::ParseError& error) {
    return UsageError(Lowercased(error.what()), arguments);
  }

  if (render != nullptr && render->parsed()) {
    parsed.command = Command::kRender;
    if (std::optional<std::string> problem = CheckRender(options))
      return UsageError(*problem, arguments);
    if (std::optional<std::string> problem =
            CheckShared(render_shared, options.settings))
      return UsageError(*problem, arguments);
    ApplyShared(render_shared, &options.settings);
  } else if (check_command != nullptr && check_command->parsed()) {
    parsed.command = Command::kCheck;
    // A plugin folder or a marketplace is checked whole, for Claude Code.
    bool whole_plugin =
        check.settings.type == "plugin" || check.settings.type == "marketplace";
    RenderSettings shared_settings = check.settings;
    if (whole_plugin) shared_settings.type = "agent";
    if (std::optional<std::string> problem =
            CheckShared(check_shared, shared_settings, true))
      return UsageError(*problem, arguments);
    // A tool the layout does not have, or without a place for the type, is
    // an input error the render reports (the project file decides).
    check.tool = !check_shared.tool.empty() ? check_shared.tool
                 : whole_plugin             ? "claude-code"
                                : InstallLayout::BuiltIn().DefaultTool(
                                      CategoryOfType(check.settings.type));
    std::optional<CheckFormat> check_format = CheckFormatNamed(format);
    if (!check_format) {
      return UsageError(
          "--format '" + format + "' is not one of text, json, sarif, github",
          arguments);
    }
    check.format = *check_format;
    ApplyShared(check_shared, &check.settings);
  } else if (sync_command != nullptr && sync_command->parsed()) {
    parsed.command = Command::kSync;
    SyncOptions& sync = parsed.sync;
    sync.request.plugin_layout = layout == "plugin";
    if (list == "jsonl") {
      sync.list = SyncListFormat::kJsonLines;
    } else if (list == "tsv") {
      sync.list = SyncListFormat::kTsv;
    } else if (!list.empty()) {
      return UsageError("--list '" + list + "' is not one of jsonl, tsv",
                        arguments);
    }
    if (std::optional<std::string> problem = CheckSync(sync, sync_shared))
      return UsageError(*problem, arguments);
    RenderSettings settings;
    ApplyShared(sync_shared, &settings);
    WorkspaceOptions& workspace = sync.request.workspace;
    workspace.root = settings.root;
    workspace.project_file = settings.project_file;
    workspace.defines = settings.defines;
    sync.request.tool = settings.tool;
  } else {
    parsed.command = Command::kMcp;
    if (std::optional<std::string> problem = CheckMcp(mcp))
      return UsageError(*problem, arguments);
    if (std::optional<std::string> problem =
            CheckShared(mcp_shared, mcp.settings))
      return UsageError(*problem, arguments);
    ApplyShared(mcp_shared, &mcp.settings);
  }
  parsed.run = true;
  return parsed;
}

}  // namespace agentgen
