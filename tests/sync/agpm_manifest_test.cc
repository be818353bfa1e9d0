// SPDX-License-Identifier: MIT
#include "sync/agpm_manifest.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/printed.h"

namespace agentgen {
namespace {

struct Read {
  std::optional<AgpmManifest> manifest;
  std::string messages;
  std::vector<Diagnostic> diagnostics;
};

Read ReadManifest(const std::string& toml) {
  DiagnosticSink sink;
  Read read;
  read.manifest = ReadAgpmManifest(toml, "agpm.toml", sink);
  read.messages = Printed(sink);
  read.diagnostics = sink.diagnostics();
  return read;
}

// Each entry as `section key type tool path`.
std::vector<std::string> Entries(const AgpmManifest& manifest) {
  std::vector<std::string> entries;
  for (const ManifestEntry& entry : manifest.entries) {
    entries.push_back(entry.section + " " + entry.key + " " + entry.type + " " +
                      entry.tool + " " + entry.path);
  }
  return entries;
}

TEST(AgpmManifestTest, SectionsInOrderKeysInByteOrder) {
  Read read = ReadManifest(R"(gitignore = false
token_warning_threshold = 100000
[skills]
pdf = "skills/pdf"
[mcp-servers]
fs = "mcp/fs.json"
[hooks]
update = "hooks/update.json"
[scripts]
build = "scripts/build.sh"
[commands]
commit = "commands/commit.md"
[snippets]
rules = "snippets/rules.md"
[agents]
b = "agents/b.md"
Z = "agents/Z.md"
a-c = "agents/a-c.md"
a = "agents/a.md"
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages, "");
  EXPECT_EQ(Entries(*read.manifest),
            (std::vector<std::string>{
                "agents Z agent claude-code agents/Z.md",
                "agents a agent claude-code agents/a.md",
                "agents a-c agent claude-code agents/a-c.md",
                "agents b agent claude-code agents/b.md",
                "snippets rules snippet agpm snippets/rules.md",
                "commands commit command claude-code commands/commit.md",
                "scripts build script claude-code scripts/build.sh",
                "hooks update hook claude-code hooks/update.json",
                "mcp-servers fs mcp-server claude-code mcp/fs.json",
                "skills pdf skill claude-code skills/pdf"}));
}

TEST(AgpmManifestTest, AnUnknownTopLevelKeyIsAWarning) {
  Read read = ReadManifest(
      "[target]\nagents = \".claude/agents\"\n"
      "[agent]\nx = \"agents/x.md\"\n");
  ASSERT_TRUE(read.manifest);
  EXPECT_TRUE(read.manifest->entries.empty());
  EXPECT_EQ(read.messages,
            At("agpm.toml", 3, 2, "warning",
               "'agent' is not a key of an AGPM manifest, so AGPM and sync "
               "ignore it; did you mean 'agents'?",
               "[agent]") +
                At("agpm.toml", 1, 2, "warning",
                   "'target' is not a key of an AGPM manifest, so AGPM and "
                   "sync ignore it; remove it (keys: agents, commands, "
                   "default-tools, gitignore, hooks, marketplace, "
                   "mcp-servers, patch, plugins, project, scripts, skills, "
                   "snippets, sources, "
                   "token_warning_threshold, tools)",
                   "[target]"));
  // The did-you-mean is an edit of the name.
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.unknown-table");
  EXPECT_EQ(read.diagnostics[0].end.column, 7);
  EXPECT_EQ(read.diagnostics[0].replacement, "agents");
  EXPECT_EQ(read.diagnostics[1].replacement, std::nullopt);
}

TEST(AgpmManifestTest, BothFormsOfAnEntryAndItsFields) {
  Read read = ReadManifest(R"([project]
language = "python"
day = 2025-01-02
[agents]
plain = "agents/plain.md"
full = { path = "agents/full.md", filename = "full.md", target = "team", flatten = false, install = false, tool = "opencode", template_vars = { project = { language = "rust" }, extra = [1, 2] }, command = "x", args = ["y"], dependencies = { agents = [] } }
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages, "");
  EXPECT_EQ(read.manifest->project,
            nlohmann::json({{"language", "python"}, {"day", "2025-01-02"}}));
  ASSERT_EQ(read.manifest->entries.size(), 2u);
  const ManifestEntry& full = read.manifest->entries[0];
  EXPECT_EQ(full.key, "full");
  EXPECT_EQ(full.key_at.line, 6);
  EXPECT_EQ(full.key_at.column, 1);
  EXPECT_EQ(full.path_at.column, 17);
  EXPECT_FALSE(full.is_pattern);
  EXPECT_EQ(full.filename, "full.md");
  EXPECT_EQ(full.target, "team");
  EXPECT_EQ(full.flatten, false);
  EXPECT_FALSE(full.install);
  EXPECT_EQ(full.tool, "opencode");
  EXPECT_EQ(full.template_vars,
            nlohmann::json::parse(
                R"({"project": {"language": "rust"}, "extra": [1, 2]})"));
  const ManifestEntry& plain = read.manifest->entries[1];
  EXPECT_EQ(plain.path, "agents/plain.md");
  EXPECT_EQ(plain.path_at.line, 5);
  EXPECT_EQ(plain.path_at.column, 9);
  EXPECT_EQ(plain.filename, std::nullopt);
  EXPECT_EQ(plain.flatten, std::nullopt);
  EXPECT_TRUE(plain.install);
  EXPECT_EQ(plain.template_vars, nlohmann::json::object());
  EXPECT_EQ(plain.tool_at.line, plain.key_at.line);
}

TEST(AgpmManifestTest, ASyntaxErrorIsLocated) {
  Read read = ReadManifest("[agents]\nx = { path = \"a.md\" \n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 21, "error",
               "Error while parsing inline table: expected key or closing "
               "'}', saw '\\n'",
               "x = { path = \"a.md\" "));
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.toml");
}

TEST(AgpmManifestTest, KnownTablesOfTheWrongType) {
  Read read = ReadManifest(
      "agents = \"x\"\ngitignore = \"yes\"\ntoken_warning_threshold = -1\n"
      "project = 3\nsources = []\npatch = 1\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(
      read.messages,
      At("agpm.toml", 1, 10, "error",
         "'agents' must be a table of entries ([agents])", "agents = \"x\"") +
          At("agpm.toml", 2, 13, "error", "'gitignore' must be true or false",
             "gitignore = \"yes\"") +
          At("agpm.toml", 3, 27, "error",
             "'token_warning_threshold' must be a whole number of tokens, 0 "
             "or more",
             "token_warning_threshold = -1") +
          At("agpm.toml", 4, 11, "error",
             "'project' must be a table ([project])", "project = 3") +
          At("agpm.toml", 5, 11, "error",
             "'sources' must be a table of git URLs ([sources])",
             "sources = []") +
          At("agpm.toml", 6, 9, "error",
             "'patch' must be a table of patches ([patch.<section>.<key>])",
             "patch = 1"));
}

TEST(AgpmManifestTest, AWrongTypeIsAnErrorAtTheValue) {
  Read read = ReadManifest(R"([agents]
a = { path = 3 }
b = { path = "b.md", flatten = "yes", install = 1 }
c = { path = "c.md", template_vars = "x", filename = 2 }
d = 4
)");
  EXPECT_FALSE(read.manifest);
  // An entry's fields are read in byte order.
  EXPECT_EQ(
      read.messages,
      At("agpm.toml", 2, 14, "error", "'path' of 'agents.a' must be a string",
         "a = { path = 3 }") +
          At("agpm.toml", 3, 32, "error",
             "'flatten' of 'agents.b' must be true or false",
             "b = { path = \"b.md\", flatten = \"yes\", install = 1 }") +
          At("agpm.toml", 3, 49, "error",
             "'install' of 'agents.b' must be true or false",
             "b = { path = \"b.md\", flatten = \"yes\", install = 1 }") +
          At("agpm.toml", 4, 54, "error",
             "'filename' of 'agents.c' must be a string",
             "c = { path = \"c.md\", template_vars = \"x\", filename = 2 }") +
          At("agpm.toml", 4, 38, "error",
             "'template_vars' of 'agents.c' must be a table (template_vars = "
             "{ project = { ... } })",
             "c = { path = \"c.md\", template_vars = \"x\", filename = 2 }") +
          At("agpm.toml", 5, 5, "error",
             "'agents.d' must be a path (\"agents/x.md\") or a table with "
             "'path'",
             "d = 4"));
}

TEST(AgpmManifestTest, PathIsRequiredAndNotEmpty) {
  Read read = ReadManifest("[agents]\na = { filename = \"a.md\" }\nb = \"\"\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 1, "error",
               "'agents.a' has no 'path': name the file to build, relative "
               "to the manifest's folder (path = \"agents/x.md\")",
               "a = { filename = \"a.md\" }") +
                At("agpm.toml", 3, 5, "error",
                   "'path' of 'agents.b' is empty: name the file to build, "
                   "relative to the manifest's folder",
                   "b = \"\""));
}

TEST(AgpmManifestTest, SourceEntriesAreSkippedWithANote) {
  Read read = ReadManifest(R"([sources]
github = "https://github.com/o/r.git"
local = "file:///srv/repo"
[agents]
a = { source = "github", path = "agents/a.md", version = "v1", repo = "o/r", filname = "x" }
b = { source = "local", path = "agents/b.md" }
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_TRUE(read.manifest->entries.empty());
  // Nothing else in a skipped entry is examined.
  EXPECT_EQ(read.messages,
            At("agpm.toml", 5, 1, "note",
               "'agents.a' is not built: source 'github' is a git "
               "repository, which `agpm install` installs",
               "a = { source = \"github\", path = \"agents/a.md\", version = "
               "\"v1\", repo = \"o/r\", filname = \"x\" }") +
                At("agpm.toml", 6, 1, "note",
                   "'agents.b' is not built: source 'local' is a git "
                   "repository, which `agpm install` installs",
                   "b = { source = \"local\", path = \"agents/b.md\" }"));
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.skipped");
  ASSERT_EQ(read.manifest->skipped.size(), 2u);
  EXPECT_EQ(read.manifest->skipped[0].section, "agents");
  EXPECT_EQ(read.manifest->skipped[0].key, "a");
  EXPECT_EQ(read.manifest->skipped[0].reason,
            "source 'github' is a git repository");
  EXPECT_EQ(read.manifest->skipped[0].key_at.line, 5);
}

TEST(AgpmManifestTest, ASourceMustBeInSources) {
  Read read = ReadManifest(R"([sources]
github = "https://github.com/o/r.git"
[agents]
a = { source = "githb", path = "agents/a.md" }
b = { source = 1, path = "agents/b.md" }
)");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 4, 16, "error",
               "source 'githb' of 'agents.a' is not in [sources] (sources: "
               "github); did you mean 'github'?",
               "a = { source = \"githb\", path = \"agents/a.md\" }") +
                At("agpm.toml", 5, 16, "error",
                   "'source' of 'agents.b' must name a key of [sources]",
                   "b = { source = 1, path = \"agents/b.md\" }"));
  Read none =
      ReadManifest("[agents]\na = { source = \"x\", path = \"a.md\" }\n");
  EXPECT_EQ(none.messages,
            At("agpm.toml", 2, 16, "error",
               "source 'x' of 'agents.a' is not in [sources] (there is none)",
               "a = { source = \"x\", path = \"a.md\" }"));
}

TEST(AgpmManifestTest, APlainFolderIsNoSource) {
  Read read = ReadManifest(R"([sources]
a = "/srv/shared"
b = "./shared"
c = "../shared"
d = 3
)");
  EXPECT_FALSE(read.manifest);
  const std::string refused =
      "', which AGPM 0.4.14 refuses: sources must be git repositories; "
      "write a git URL ('https://...', 'git@...', or "
      "'file:///absolute/path' for a local repository), or drop the source "
      "and give each entry its 'path'";
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 5, "error",
               "source 'a' is the plain folder '/srv/shared" + refused,
               "a = \"/srv/shared\"") +
                At("agpm.toml", 3, 5, "error",
                   "source 'b' is the plain folder './shared" + refused,
                   "b = \"./shared\"") +
                At("agpm.toml", 4, 5, "error",
                   "source 'c' is the plain folder '../shared" + refused,
                   "c = \"../shared\"") +
                At("agpm.toml", 5, 5, "error",
                   "source 'd' must be a git URL (a string)", "d = 3"));
}

TEST(AgpmManifestTest, AnUnknownFieldHasADidYouMean) {
  Read read = ReadManifest(
      "[agents]\nx = { path = \"agents/x.md\", filname = \"y.md\" }\n"
      "z = { path = \"agents/z.md\", colour = \"red\" }\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 29, "error",
               "unknown field 'filname' in 'agents.x': AGPM ignores it, so "
               "the entry would not be installed as written; did you mean "
               "'filename'?",
               "x = { path = \"agents/x.md\", filname = \"y.md\" }") +
                At("agpm.toml", 3, 29, "error",
                   "unknown field 'colour' in 'agents.z': AGPM ignores it, so "
                   "the entry would not be installed as written; remove it "
                   "(fields: args, branch, command, dependencies, filename, "
                   "flatten, install, path, rev, source, target, "
                   "template_vars, tool, version)",
                   "z = { path = \"agents/z.md\", colour = \"red\" }"));
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.unknown-field");
  EXPECT_EQ(read.diagnostics[0].end.line, 2);
  EXPECT_EQ(read.diagnostics[0].end.column, 36);
  EXPECT_EQ(read.diagnostics[0].replacement, "filename");
  EXPECT_EQ(read.diagnostics[1].replacement, std::nullopt);
}

TEST(AgpmManifestTest, VersionsOnlyOffPlainPaths) {
  Read read = ReadManifest(R"([agents]
a = { path = "../a.md", version = "v1" }
b = { path = "./b.md", branch = "main", rev = "abc" }
c = { path = "/c.md", rev = "abc" }
d = { path = "agents/d.md", version = "v1", branch = "main" }
)");
  EXPECT_FALSE(read.manifest);
  const std::string local =
      "' is a local file: a local file has no versions (AGPM refuses it); "
      "remove '";
  const std::string git = "', or install it from a git source with 'source'";
  EXPECT_EQ(
      read.messages,
      At("agpm.toml", 2, 25, "error",
         "'version' on 'agents.a', whose path '../a.md" + local + "version" +
             git,
         "a = { path = \"../a.md\", version = \"v1\" }") +
          At("agpm.toml", 3, 24, "error",
             "'branch' on 'agents.b', whose path './b.md" + local + "branch" +
                 git,
             "b = { path = \"./b.md\", branch = \"main\", rev = \"abc\" }") +
          At("agpm.toml", 3, 41, "error",
             "'rev' on 'agents.b', whose path './b.md" + local + "rev" + git,
             "b = { path = \"./b.md\", branch = \"main\", rev = \"abc\" }") +
          At("agpm.toml", 4, 23, "error",
             "'rev' on 'agents.c', whose path '/c.md" + local + "rev" + git,
             "c = { path = \"/c.md\", rev = \"abc\" }"));
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.version");
}

TEST(AgpmManifestTest, KeysEqualIgnoringCaseClash) {
  Read read = ReadManifest(
      "[agents]\nReviewer = \"a.md\"\nreviewer = \"b.md\"\n"
      "[commands]\nreviewer = \"c.md\"\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 3, 1, "error",
               "'reviewer' and 'Reviewer' in [agents] differ only in case, so "
               "they would install to one file on a case-insensitive file "
               "system (AGPM refuses them); rename one",
               "reviewer = \"b.md\""));
}

TEST(AgpmManifestTest, ToolsAreResolvedAndChecked) {
  Read read = ReadManifest(R"([default-tools]
agents = "opencode"
[agents]
a = "agents/a.md"
b = { path = "agents/b.md", tool = "claude-code" }
[snippets]
s = "snippets/s.md"
[commands]
c = "commands/c.md"
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages, "");
  EXPECT_EQ(Entries(*read.manifest),
            (std::vector<std::string>{
                "agents a agent opencode agents/a.md",
                "agents b agent claude-code agents/b.md",
                "snippets s snippet agpm snippets/s.md",
                "commands c command claude-code commands/c.md"}));
  Read bad = ReadManifest(R"([agents]
a = { path = "agents/a.md", tool = "opencod" }
b = { path = "agents/b.md", tool = "agpm" }
[scripts]
s = { path = "s.sh", tool = "opencode" }
)");
  EXPECT_FALSE(bad.manifest);
  EXPECT_EQ(
      bad.messages,
      At("agpm.toml", 2, 36, "error",
         "'agents.a': tool 'opencod' is not in the layout (tools: agpm, "
         "claude-code, opencode); did you mean 'opencode'?",
         "a = { path = \"agents/a.md\", tool = \"opencod\" }") +
          At("agpm.toml", 3, 36, "error",
             "'agents.b': tool 'agpm' has no place for agents in the layout "
             "(AGPM refuses to install agents for it)",
             "b = { path = \"agents/b.md\", tool = \"agpm\" }") +
          At("agpm.toml", 5, 29, "error",
             "'scripts.s': tool 'opencode' has no place for scripts in the "
             "layout (AGPM refuses to install scripts for it)",
             "s = { path = \"s.sh\", tool = \"opencode\" }"));
  EXPECT_EQ(bad.diagnostics[0].rule, "manifest.tool");
  EXPECT_EQ(bad.diagnostics[0].replacement, "\"opencode\"");
  EXPECT_EQ(bad.diagnostics[0].end.column, 45);
  EXPECT_EQ(bad.diagnostics[1].replacement, std::nullopt);
}

TEST(AgpmManifestTest, AnEntryOfADisabledToolIsSkipped) {
  Read read = ReadManifest(R"([tools.claude-code]
path = ".claude"
[tools.opencode]
path = ".opencode"
enabled = false
[default-tools]
commands = "opencode"
[agents]
a = { path = "agents/a.md", tool = "opencode", filname = "typo" }
b = "agents/b.md"
[commands]
c = "commands/c.md"
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages,
            At("agpm.toml", 9, 1, "note",
               "'agents.a' is not built: its tool 'opencode' is disabled "
               "([tools.opencode] enabled = false; AGPM skips it too)",
               "a = { path = \"agents/a.md\", tool = \"opencode\", filname = "
               "\"typo\" }") +
                At("agpm.toml", 12, 1, "note",
                   "'commands.c' is not built: its tool 'opencode' is "
                   "disabled ([tools.opencode] enabled = false; AGPM skips it "
                   "too)",
                   "c = \"commands/c.md\""));
  ASSERT_EQ(read.manifest->skipped.size(), 2u);
  EXPECT_EQ(read.manifest->skipped[0].reason,
            "its tool 'opencode' is disabled");
  EXPECT_EQ(read.manifest->entries.size(), 1u);
}

TEST(AgpmManifestTest, PatchesOnlyOfSkippedEntries) {
  Read read = ReadManifest(R"([sources]
github = "https://github.com/o/r.git"
[agents]
built = "agents/built.md"
remote = { source = "github", path = "agents/r.md" }
[patch.agents.remote]
model = "haiku"
[patch.agents.built]
model = "haiku"
[patch.agents.nothing]
model = "haiku"
)");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 5, 1, "note",
               "'agents.remote' is not built: source 'github' is a git "
               "repository, which `agpm install` installs",
               "remote = { source = \"github\", path = \"agents/r.md\" }") +
                At("agpm.toml", 8, 15, "error",
                   "[patch.agents.built] patches 'agents.built', which sync "
                   "builds, and sync applies no patches: write the change "
                   "into the file, or remove the patch",
                   "[patch.agents.built]") +
                At("agpm.toml", 10, 15, "error",
                   "[patch.agents.nothing] names no entry of [agents] (AGPM "
                   "refuses it); add the entry or remove the patch",
                   "[patch.agents.nothing]"));
}

TEST(AgpmManifestTest, Patterns) {
  Read read = ReadManifest(R"([agents]
all = { path = "agents/*.md", target = "team" }
[skills]
some = "skills/p*"
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages, "");
  ASSERT_EQ(read.manifest->entries.size(), 2u);
  EXPECT_TRUE(read.manifest->entries[0].is_pattern);
  EXPECT_TRUE(read.manifest->entries[1].is_pattern);
  Read bad = ReadManifest(R"([agents]
up = "../agents/*.md"
root = "/agents/*.md"
open = "agents/[a-z.md"
named = { path = "agents/*.md", filename = "x.md" }
)");
  EXPECT_FALSE(bad.manifest);
  EXPECT_EQ(
      bad.messages,
      At("agpm.toml", 5, 33, "error",
         "'filename' on the pattern entry 'agents.named': each match is "
         "installed under its own name (AGPM ignores 'filename' here); "
         "remove it",
         "named = { path = \"agents/*.md\", filename = \"x.md\" }") +
          At("agpm.toml", 4, 8, "error",
             "'agents.open': the pattern 'agents/[a-z.md' opens a class with "
             "'[' that no ']' closes; close it ('[a-z]'), or write '[[]' for "
             "a '[' itself",
             "open = \"agents/[a-z.md\"") +
          At("agpm.toml", 3, 8, "error",
             "'agents.root': the pattern '/agents/*.md' is absolute, which "
             "AGPM refuses; write it relative to the manifest's folder",
             "root = \"/agents/*.md\"") +
          At("agpm.toml", 2, 6, "error",
             "'agents.up': the pattern '../agents/*.md' contains '..', which "
             "AGPM refuses in a pattern; write it relative to the manifest's "
             "folder and below it, or name the files one entry each",
             "up = \"../agents/*.md\""));
}

TEST(AgpmManifestTest, TemplateVarsMayNotSetAgpm) {
  Read read = ReadManifest(
      "[agents]\na = { path = \"a.md\", template_vars = { agpm = { x = 1 } } "
      "}\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 40, "error",
               "'template_vars.agpm' of 'agents.a' would replace the 'agpm' "
               "variables every template is given; use another name",
               "a = { path = \"a.md\", template_vars = { agpm = { x = 1 } } "
               "}"));
}

TEST(AgpmManifestTest, AFilenameWithoutMdIsAWarning) {
  Read read = ReadManifest(R"([agents]
a = { path = "agents/a.md", filename = "a-golang" }
b = { path = "agents/b.md", filename = "b.md" }
[commands]
c = { path = "commands/c.md", filename = "c.txt" }
[snippets]
s = { path = "snippets/s.md", filename = "s" }
)");
  ASSERT_TRUE(read.manifest) << read.messages;
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 40, "warning",
               "filename 'a-golang' of 'agents.a' does not end in '.md': AGPM "
               "installs it as written, and Claude Code and OpenCode load "
               "only '.md' files; write 'a-golang.md'",
               "a = { path = \"agents/a.md\", filename = \"a-golang\" }") +
                At("agpm.toml", 5, 42, "warning",
                   "filename 'c.txt' of 'commands.c' does not end in '.md': "
                   "AGPM installs it as written, and Claude Code and OpenCode "
                   "load only '.md' files; write 'c.txt.md'",
                   "c = { path = \"commands/c.md\", filename = \"c.txt\" }"));
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.filename");
  EXPECT_EQ(read.diagnostics[0].replacement, "\"a-golang.md\"");
  EXPECT_EQ(read.diagnostics[0].end.column, 50);
  EXPECT_EQ(read.manifest->entries[0].filename, "a-golang");
}

// `[project]` and `template_vars` are converted as a project file's.
TEST(AgpmManifestTest, ValuesATemplateCannotHoldAreErrors) {
  Read read = ReadManifest(
      "[project]\nx = nan\n[agents]\na = { path = \"a.md\", template_vars = "
      "{ project = { y = inf } } }\n");
  EXPECT_FALSE(read.manifest);
  EXPECT_EQ(read.messages,
            At("agpm.toml", 2, 5, "error",
               "'nan' is not a number a template can hold (AGPM would make it "
               "null); write a finite number or a string",
               "x = nan") +
                At("agpm.toml", 4, 56, "error",
                   "'inf' is not a number a template can hold (AGPM would "
                   "make it null); write a finite number or a string",
                   "a = { path = \"a.md\", template_vars = { project = { y = "
                   "inf } } }"));
  ASSERT_EQ(read.diagnostics.size(), 2u);
  EXPECT_EQ(read.diagnostics[0].rule, "manifest.project");
  EXPECT_EQ(read.diagnostics[1].rule, "manifest.template_vars");
}

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// agpm-resources' example of a local project: every entry is built.
TEST(AgpmManifestTest, TheLocalExampleOfAgpmResources) {
  std::optional<std::string> text =
      ReadText("/work/corpus14/repo/examples/local/agpm.toml");
  if (!text) GTEST_SKIP() << "agpm-resources is not checked out";
  DiagnosticSink sink;
  std::optional<AgpmManifest> manifest =
      ReadAgpmManifest(*text, "agpm.toml", sink);
  ASSERT_TRUE(manifest) << Printed(sink);
  EXPECT_EQ(manifest->entries.size(), 124u);  // 81 agents, 42 commands, a hook
  EXPECT_TRUE(manifest->skipped.empty());
  // Its only warnings: agent and command variants named without `.md`.
  size_t filename_warnings = 0;
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    EXPECT_EQ(diagnostic.severity, Severity::kWarning);
    EXPECT_EQ(diagnostic.rule, "manifest.filename");
    ++filename_warnings;
  }
  EXPECT_EQ(filename_warnings, 96u);
}

// Its example of git sources: nothing for sync, one note per entry.
TEST(AgpmManifestTest, TheGitExampleOfAgpmResources) {
  std::optional<std::string> text =
      ReadText("/work/corpus14/repo/examples/git/agpm.toml");
  if (!text) GTEST_SKIP() << "agpm-resources is not checked out";
  DiagnosticSink sink;
  std::optional<AgpmManifest> manifest =
      ReadAgpmManifest(*text, "agpm.toml", sink);
  ASSERT_TRUE(manifest) << Printed(sink);
  EXPECT_TRUE(manifest->entries.empty());
  EXPECT_EQ(manifest->skipped.size(), 124u);
  ASSERT_EQ(sink.diagnostics().size(), manifest->skipped.size());
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    EXPECT_EQ(diagnostic.severity, Severity::kNote);
    EXPECT_EQ(diagnostic.rule, "manifest.skipped");
  }
}

}  // namespace
}  // namespace agentgen
