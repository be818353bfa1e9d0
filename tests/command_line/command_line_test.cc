// SPDX-License-Identifier: MIT
#include "command_line/command_line.h"

#include <gtest/gtest.h>

namespace agentgen {
namespace {

using nlohmann::json;

std::string UsageErrorOf(const std::vector<std::string>& arguments) {
  ParsedCommandLine parsed = ParseCommandLine(arguments);
  EXPECT_FALSE(parsed.run);
  EXPECT_EQ(parsed.exit_code, 2);
  return parsed.err;
}

TEST(CommandLineTest, ParsesEveryRenderOption) {
  ParsedCommandLine parsed = ParseCommandLine({"render",
                                               "a.md",
                                               "-o",
                                               "out.md",
                                               "--depfile",
                                               "out.d",
                                               "--manifest",
                                               "out.json",
                                               "--root",
                                               "r",
                                               "--project-file",
                                               "p.toml",
                                               "-D",
                                               "a=1",
                                               "-D",
                                               "b.c=x=y",
                                               "--type",
                                               "command",
                                               "--write-if-changed",
                                               "--allow-outside-root"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  const RenderOptions& options = parsed.options;
  EXPECT_EQ(options.sources, std::vector<std::string>{"a.md"});
  EXPECT_EQ(options.output, "out.md");
  EXPECT_EQ(options.depfile, "out.d");
  EXPECT_EQ(options.manifest, "out.json");
  EXPECT_EQ(options.settings.root, "r");
  EXPECT_EQ(options.settings.project_file, "p.toml");
  ASSERT_EQ(options.settings.defines.size(), 2u);
  EXPECT_EQ(options.settings.defines[1].first, "b.c");
  EXPECT_EQ(options.settings.defines[1].second, "x=y");
  EXPECT_EQ(options.settings.type, "command");
  EXPECT_TRUE(options.write_if_changed);
  EXPECT_TRUE(options.settings.allow_outside_root);
}

TEST(CommandLineTest, ADefineTakesOneValue) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"render", "--out-dir", "d", "-D", "a=b", "x.md", "-D", "c=d", "y.md"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.options.sources, (std::vector<std::string>{"x.md", "y.md"}));
  EXPECT_EQ(parsed.options.settings.defines.size(), 2u);
}

TEST(CommandLineTest, DefinesAndVarsKeepTheirOrderAndVarsAreToml) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"render", "a.md", "-o", "o", "--var", "n=3", "-D", "n=x", "--var",
       "list=[1, \"b\"]", "--context-var", "style='terse'", "--var",
       "t={k = 1.5}", "--var", "n=false"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  const auto& defines = parsed.options.settings.defines;
  ASSERT_EQ(defines.size(), 5u);
  EXPECT_EQ(defines[0].second, json(3));
  EXPECT_EQ(defines[1].second, json("x"));
  EXPECT_EQ(defines[2].second, json::parse(R"([1, "b"])"));
  EXPECT_EQ(defines[3].second, json::parse(R"({"k": 1.5})"));
  EXPECT_EQ(defines[4].first, "n");
  EXPECT_EQ(defines[4].second, json(false));
  EXPECT_EQ(parsed.options.settings.context_variables,
            json::parse(R"({"style": "terse"})"));
}

TEST(CommandLineTest, AVarThatIsNotOneTomlValueIsAUsageError) {
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--var", "n=word"})
                .find("--var 'n=word': the value is not one TOML value"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--var", "n=1\nm=2"})
                .find("more than one value"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--var", "n=nan"})
                .find("nan and inf"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--var", "n"})
                .find("--var 'n' needs the form name=value"),
            std::string::npos);
  for (const char* name : {"agpm=1", "project=1", "a.b=1"}) {
    EXPECT_NE(UsageErrorOf({"check", "a.md", "--context-var", name})
                  .find("cannot be set"),
              std::string::npos)
        << name;
  }
}

TEST(CommandLineTest, DepfileTargetGoesWithOneSourceAndADepfile) {
  ParsedCommandLine parsed =
      ParseCommandLine({"render", "a.md", "-o", "o.md", "--depfile", "o.d",
                        "--depfile-target", "agents/o.md"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.options.depfile_target, "agents/o.md");
  EXPECT_NE(
      UsageErrorOf({"render", "a.md", "-o", "o.md", "--depfile-target", "o.md"})
          .find("--depfile-target names the rule of --depfile"),
      std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "a.md", "b.md", "--out-dir", "o",
                          "--depfile-dir", "d", "--depfile-target", "o.md"})
                .find("--depfile-target takes exactly one source"),
            std::string::npos);
}

TEST(CommandLineTest, SeveralSourcesWithOutDir) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"render", "a.md", "b.md", "--out-dir", "o", "--depfile-dir", "d"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.options.sources.size(), 2u);
}

TEST(CommandLineTest, UsageErrorsExitTwoWithTheUsage) {
  EXPECT_EQ(
      UsageErrorOf({"render", "a.md", "-o", "o", "-D", "flag"}),
      std::string("agentgen: error: -D 'flag' needs the form name=value\n") +
          kRenderUsage + "\n");
  EXPECT_EQ(
      UsageErrorOf({"render", "a.md"}),
      std::string("agentgen: error: give exactly one of -o and --out-dir\n") +
          kRenderUsage + "\n");
  EXPECT_NE(UsageErrorOf({"render", "a.md", "b.md", "-o", "o"})
                .find("-o, --depfile and --manifest take exactly one source"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--type", "agents"})
                .find("--type 'agents' is not one of"),
            std::string::npos);
  EXPECT_NE(
      UsageErrorOf({"render", "a.md", "-o", "o", "--bogus"}).find("bogus"),
      std::string::npos);
  EXPECT_NE(UsageErrorOf({"render", "-o", "o"}).find("sources"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({}).find("agentgen: error:"), std::string::npos);
}

TEST(CommandLineTest, ParsesCheck) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"check", "a.md", "b.md", "--root", "r", "-D", "x=1", "--tool",
       "opencode", "--werror", "--format", "json", "--type", "command"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.command, Command::kCheck);
  EXPECT_EQ(parsed.check.sources, (std::vector<std::string>{"a.md", "b.md"}));
  EXPECT_EQ(parsed.check.settings.root, "r");
  EXPECT_EQ(parsed.check.settings.defines.size(), 1u);
  EXPECT_EQ(parsed.check.tool, "opencode");
  EXPECT_TRUE(parsed.check.werror);
  EXPECT_EQ(parsed.check.format, CheckFormat::kJson);
  EXPECT_EQ(parsed.check.settings.type, "command");
}

TEST(CommandLineTest, CheckNamesEachFormat) {
  const std::pair<const char*, CheckFormat> kFormats[] = {
      {"text", CheckFormat::kText},
      {"json", CheckFormat::kJson},
      {"sarif", CheckFormat::kSarif},
      {"github", CheckFormat::kGithub}};
  for (const auto& [name, format] : kFormats) {
    ParsedCommandLine parsed =
        ParseCommandLine({"check", "a.md", "--format", name});
    ASSERT_TRUE(parsed.run) << parsed.err;
    EXPECT_EQ(parsed.check.format, format) << name;
  }
  EXPECT_EQ(ParseCommandLine({"check", "a.md"}).check.format,
            CheckFormat::kText);
}

TEST(CommandLineTest, ParsesMcpAndRenderCheck) {
  ParsedCommandLine mcp = ParseCommandLine(
      {"mcp", "a.md", "b.md", "-o", ".mcp.json", "--depfile", "m.d"});
  ASSERT_TRUE(mcp.run) << mcp.err;
  EXPECT_EQ(mcp.command, Command::kMcp);
  EXPECT_EQ(mcp.mcp.output, ".mcp.json");
  EXPECT_EQ(mcp.mcp.depfile, "m.d");
  ParsedCommandLine render =
      ParseCommandLine({"render", "a.md", "-o", "a.out", "--check"});
  ASSERT_TRUE(render.run) << render.err;
  EXPECT_TRUE(render.options.check);
}

TEST(CommandLineTest, InstallPathIsRelativeAndForOneSource) {
  ParsedCommandLine parsed =
      ParseCommandLine({"render", "a.md", "-o", "o.md", "--install-path",
                        ".claude/x.md", "--tool", "opencode"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.options.settings.install_path, ".claude/x.md");
  EXPECT_EQ(parsed.options.settings.tool, "opencode");
  EXPECT_EQ(UsageErrorOf({"render", "a.md", "-o", "o.md", "--install-path",
                          "/abs/x.md"}),
            std::string("agentgen: error: --install-path '/abs/x.md' must be "
                        "a path relative to the project directory\n") +
                kRenderUsage + "\n");
  EXPECT_EQ(UsageErrorOf({"render", "a.md", "b.md", "--out-dir", "o",
                          "--install-path", "x.md"}),
            std::string("agentgen: error: --install-path takes exactly one "
                        "source\n") +
                kRenderUsage + "\n");
}

TEST(CommandLineTest, CheckToolDefaultsToTheTypesTool) {
  EXPECT_EQ(ParseCommandLine({"check", "a.md"}).check.tool, "claude-code");
  EXPECT_EQ(ParseCommandLine({"check", "a.md", "--type", "snippet"}).check.tool,
            "agpm");
  ParsedCommandLine chosen =
      ParseCommandLine({"check", "a.md", "--tool", "opencode"});
  EXPECT_EQ(chosen.check.tool, "opencode");
  EXPECT_EQ(chosen.check.settings.tool, "opencode");
}

TEST(CommandLineTest, CheckTakesPluginsAndMarketplaces) {
  for (const char* type : {"plugin", "marketplace"}) {
    ParsedCommandLine parsed = ParseCommandLine({"check", "p", "--type", type});
    ASSERT_TRUE(parsed.run) << parsed.err;
    EXPECT_EQ(parsed.check.settings.type, type);
    EXPECT_EQ(parsed.check.tool, "claude-code");
  }
  EXPECT_EQ(UsageErrorOf({"check", "p", "--type", "plugins"}),
            std::string("agentgen: error: --type 'plugins' is not one of "
                        "agent, command, snippet, hook, mcp-server, script, "
                        "skill, plugin, marketplace\n") +
                kCheckUsage + "\n");
  EXPECT_FALSE(
      ParseCommandLine({"render", "p", "-o", "x", "--type", "plugin"}).run)
      << "only check reads a whole plugin";
}

TEST(CommandLineTest, UsageErrorsOfCheckAndMcp) {
  EXPECT_EQ(UsageErrorOf({"check", "a.md", "--format", "xml"}),
            std::string("agentgen: error: --format 'xml' is not one of text, "
                        "json, sarif, github\n") +
                kCheckUsage + "\n");
  EXPECT_EQ(UsageErrorOf({"mcp", "a.md"}),
            std::string("agentgen: error: --output is required\n") + kMcpUsage +
                "\n");
  EXPECT_EQ(
      UsageErrorOf({"render", "a.md", "-o", "o", "--check", "--depfile", "d"}),
      std::string("agentgen: error: --check writes nothing; it takes no "
                  "depfile or manifest options\n") +
          kRenderUsage + "\n");
  EXPECT_EQ(UsageErrorOf({"lint"}),
            std::string("agentgen: error: unknown command 'lint' (expected "
                        "render, check, mcp or sync)\n") +
                kRenderUsage + "\n" + kCheckUsage + "\n" + kMcpUsage + "\n" +
                kSyncUsage + "\n");
}

// `-` is standard output for -o only; what needs a file to name is a usage
// error with it.
TEST(CommandLineTest, DashIsStandardOutputForOutputOnly) {
  ParsedCommandLine render =
      ParseCommandLine({"render", "a.md", "-o", "-", "--manifest", "m.json"});
  ASSERT_TRUE(render.run) << render.err;
  EXPECT_EQ(render.options.output, kStandardOutput);
  ParsedCommandLine mcp = ParseCommandLine({"mcp", "a.md", "-o", "-"});
  ASSERT_TRUE(mcp.run) << mcp.err;
  EXPECT_EQ(mcp.mcp.output, kStandardOutput);

  EXPECT_EQ(UsageErrorOf({"render", "a.md", "-o", "o", "--depfile", "-"}),
            std::string("agentgen: error: --depfile cannot be - (standard "
                        "output): name a file\n") +
                kRenderUsage + "\n");
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "o", "--manifest", "-"})
                .find("--manifest cannot be - (standard output)"),
            std::string::npos);
  for (const char* depfile : {"--depfile", "--depfile-dir"}) {
    EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "-", depfile, "d"})
                  .find("-o - writes to standard output; a depfile needs an "
                        "output file to name"),
              std::string::npos)
        << depfile;
  }
  EXPECT_NE(UsageErrorOf({"render", "a.md", "-o", "-", "--check"})
                .find("--check compares with an existing output, and -o - "
                      "names none"),
            std::string::npos);
  EXPECT_EQ(UsageErrorOf({"mcp", "a.md", "-o", "-", "--depfile", "m.d"}),
            std::string("agentgen: error: -o - writes to standard output; a "
                        "depfile needs an output file to name, so it takes "
                        "no --depfile\n") +
                kMcpUsage + "\n");
  EXPECT_NE(UsageErrorOf({"mcp", "a.md", "-o", "x", "--depfile", "-"})
                .find("--depfile cannot be - (standard output)"),
            std::string::npos);
}

TEST(CommandLineTest, VersionAndHelpExitZero) {
  ParsedCommandLine version = ParseCommandLine({"--version"});
  EXPECT_FALSE(version.run);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("agentgen ") + AGENTGEN_VERSION + "\n");
  ParsedCommandLine help = ParseCommandLine({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("render"), std::string::npos);
  ParsedCommandLine render_help = ParseCommandLine({"render", "--help"});
  EXPECT_EQ(render_help.exit_code, 0);
  EXPECT_NE(render_help.out.find("--write-if-changed"), std::string::npos);
}

TEST(CommandLineTest, ParsesSyncInManifestMode) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"sync", "examples/agpm.toml", "--to", "out", "--root", "r", "-D", "a=1",
       "--var", "b=[1, 2]", "--allow-outside-root", "--force", "--stamp",
       "s.stamp", "--depfile", "s.d"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.command, Command::kSync);
  const SyncOptions& sync = parsed.sync;
  EXPECT_EQ(sync.request.manifest, "examples/agpm.toml");
  EXPECT_EQ(sync.request.to, "out");
  EXPECT_EQ(sync.request.workspace.root, "r");
  ASSERT_EQ(sync.request.workspace.defines.size(), 2u);
  EXPECT_EQ(sync.request.workspace.defines[0].second, json("1"));
  EXPECT_EQ(sync.request.workspace.defines[1].second, json({1, 2}));
  EXPECT_TRUE(sync.request.workspace.allow_outside_root);
  EXPECT_TRUE(sync.force);
  EXPECT_EQ(sync.stamp, "s.stamp");
  EXPECT_EQ(sync.depfile, "s.d");
  EXPECT_EQ(sync.list, SyncListFormat::kNone);
}

TEST(CommandLineTest, ParsesSyncLayouts) {
  ParsedCommandLine parsed = ParseCommandLine({"sync", "--layout", "plugin"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_TRUE(parsed.sync.request.plugin_layout);
  parsed = ParseCommandLine({"sync", "--layout", "agpm"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_FALSE(parsed.sync.request.plugin_layout);
  parsed = ParseCommandLine({"sync"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_FALSE(parsed.sync.request.plugin_layout);
}

TEST(CommandLineTest, ParsesSyncMappingModeAndListForms) {
  ParsedCommandLine parsed = ParseCommandLine(
      {"sync", "--from", ".claude-src", "--to", ".claude", "--tool", "opencode",
       "--project-file", "p.toml", "--list"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.sync.request.from, ".claude-src");
  EXPECT_EQ(parsed.sync.request.tool, "opencode");
  EXPECT_EQ(parsed.sync.request.workspace.project_file, "p.toml");
  EXPECT_EQ(parsed.sync.list, SyncListFormat::kJsonLines);
  parsed = ParseCommandLine({"sync", "--list=tsv"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_EQ(parsed.sync.list, SyncListFormat::kTsv);
  parsed = ParseCommandLine({"sync", "--check"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_TRUE(parsed.sync.check);
}

TEST(CommandLineTest, McpCheck) {
  ParsedCommandLine parsed =
      ParseCommandLine({"mcp", "a.md", "-o", ".mcp.json", "--check"});
  ASSERT_TRUE(parsed.run) << parsed.err;
  EXPECT_TRUE(parsed.mcp.check);
  EXPECT_NE(UsageErrorOf({"mcp", "a.md", "-o", "-", "--check"})
                .find("--check compares with an existing file"),
            std::string::npos);
  EXPECT_NE(
      UsageErrorOf({"mcp", "a.md", "-o", "x", "--check", "--depfile", "d"})
          .find("--check writes nothing; it takes no --depfile"),
      std::string::npos);
}

TEST(CommandLineTest, SyncUsageErrors) {
  EXPECT_NE(UsageErrorOf({"sync", "agpm.toml", "--from", "a", "--to", "b"})
                .find("give a manifest or --from, not both"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--from", "a"}).find("--from needs --to"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--check", "--list"})
                .find("--check takes neither --list nor --force"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--check", "--force"})
                .find("--check takes neither --list nor --force"),
            std::string::npos);
  EXPECT_NE(
      UsageErrorOf({"sync", "--depfile", "d"}).find("--depfile needs --stamp"),
      std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--check", "--stamp", "s"})
                .find("--stamp and --depfile go with a plain sync only"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--list=xml"})
                .find("--list 'xml' is not one of jsonl, tsv"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--tool", "opencode"})
                .find("belong to mapping mode"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--from", "a", "--to", "b", "--tool",
                          "claude-code", "--layout", "plugin"})
                .find("--tool does not go with --layout plugin"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--layout", "plugins"}).find("--layout"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--var", "a=not toml"})
                .find("is not one TOML value"),
            std::string::npos);
  EXPECT_NE(UsageErrorOf({"sync", "--list", "--force"})
                .find("--list takes no --force"),
            std::string::npos);
}

}  // namespace
}  // namespace agentgen
