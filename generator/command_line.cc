// SPDX-License-Identifier: MIT
#include "command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "dependencies.h"

namespace agentgen {

const char kRenderUsage[] =
    "usage: agentgen render <source.md>... (-o FILE | --out-dir DIR) "
    "[--depfile FILE | --depfile-dir DIR] [--manifest FILE | --manifest-dir "
    "DIR] [--root DIR] [--project-file FILE] [-D name=value]... [--type TYPE] "
    "[--write-if-changed] [--allow-outside-root]";

namespace {

ParsedCommandLine UsageError(const std::string& message) {
  ParsedCommandLine parsed;
  parsed.exit_code = 2;
  parsed.err = "agentgen: error: " + message + "\n" + kRenderUsage + "\n";
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

// Checks what CLI11 cannot express: exclusive pairs and one-source options.
std::optional<std::string> CheckRender(
    const RenderOptions& options, const std::vector<std::string>& defines) {
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
  if (!options.out_dir.empty() &&
      (!options.depfile.empty() || !options.manifest.empty())) {
    return std::string("with --out-dir use --depfile-dir and --manifest-dir");
  }
  for (const std::string& define : defines) {
    size_t equals = define.find('=');
    if (equals == std::string::npos)
      return "-D '" + define + "' needs the form name=value";
    if (equals == 0) return "-D '" + define + "' has no name";
  }
  if (!IsResourceType(options.settings.type)) {
    return "--type '" + options.settings.type +
           "' is not one of agent, command, snippet, hook, mcp-server, "
           "script, skill";
  }
  return std::nullopt;
}

}  // namespace

ParsedCommandLine ParseCommandLine(const std::vector<std::string>& arguments) {
  ParsedCommandLine parsed;
  RenderOptions& options = parsed.options;
  std::vector<std::string> defines;
  std::string root;
  std::string project_file;

  CLI::App app{
      "agentgen renders AGPM-format agent files (Markdown with YAML "
      "frontmatter) with everything they depend on, and writes a depfile and "
      "a JSON manifest of every input.",
      "agentgen"};
  app.set_version_flag("--version",
                       std::string("agentgen ") + AGENTGEN_VERSION);
  app.require_subcommand(1);
  CLI::App* render = app.add_subcommand(
      "render", "Render agent files; see SPEC.md section 8.");
  render->add_option("sources", options.sources, "Agent files to render")
      ->required();
  render->add_option("-o,--output", options.output, "The rendered file");
  render->add_option("--out-dir", options.out_dir,
                     "Folder for several sources' outputs (root-relative "
                     "paths kept)");
  render->add_option("--depfile", options.depfile,
                     "Write a Makefile-syntax depfile");
  render->add_option("--depfile-dir", options.depfile_dir,
                     "Folder for several sources' depfiles");
  render->add_option("--manifest", options.manifest,
                     "Write a JSON manifest of every input");
  render->add_option("--manifest-dir", options.manifest_dir,
                     "Folder for several sources' manifests");
  render->add_option("--root", root,
                     "Folder that bounds every read (default: the git work "
                     "tree, else the source's folder)");
  render->add_option("--project-file", project_file,
                     "TOML file whose [project] table gives agpm.project "
                     "(default: <root>/agpm.toml when present)");
  render->add_option("-D,--define", defines,
                     "Set a project variable: -D name=value (a string)");
  render->add_option("--type", options.settings.type,
                     "Resource type of the source (default: agent)");
  render->add_flag("--write-if-changed", options.write_if_changed,
                   "Leave an output whose bytes would not change untouched");
  render->add_flag("--allow-outside-root", options.settings.allow_outside_root,
                   "Allow reading files outside the root");

  std::vector<std::string> reversed(arguments.rbegin(), arguments.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    parsed.out = app.help();
    return parsed;
  } catch (const CLI::CallForVersion&) {
    parsed.out = std::string("agentgen ") + AGENTGEN_VERSION + "\n";
    return parsed;
  } catch (const CLI::CallForAllHelp&) {
    parsed.out = app.help("", CLI::AppFormatMode::All);
    return parsed;
  } catch (const CLI::ParseError& error) {
    return UsageError(Lowercased(error.what()));
  }

  if (!root.empty()) options.settings.root = root;
  if (!project_file.empty()) options.settings.project_file = project_file;
  if (std::optional<std::string> problem = CheckRender(options, defines))
    return UsageError(*problem);
  for (const std::string& define : defines) {
    size_t equals = define.find('=');
    options.settings.defines.emplace_back(define.substr(0, equals),
                                          define.substr(equals + 1));
  }
  parsed.run = true;
  return parsed;
}

}  // namespace agentgen
