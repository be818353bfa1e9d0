// SPDX-License-Identifier: MIT
#include "sync/agpm_lockfile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace agentgen {
namespace {

using Installed = std::map<std::string, std::string>;

// The shape AGPM 0.4.14 writes (lockfile/mod.rs, LockedResource).
constexpr char kLockfile[] = R"(# Auto-generated lockfile - DO NOT EDIT
version = 1

[[sources]]
name = "community"
url = "https://github.com/example/agents.git"
fetched_at = "2025-11-15T10:00:00Z"

[[agents]]
name = "reviewer"
source = "community"
path = "agents/reviewer.md"
version = "v1.0.0"
resolved_commit = "0123456789abcdef0123456789abcdef01234567"
checksum = "sha256:00"
installed_at = ".claude/agents/agpm/./reviewer.md"
dependencies = []
tool = "claude-code"

[agents.variant_inputs]

[[snippets]]
name = "embedded"
path = "snippets/rules/a.md"
checksum = "sha256:00"
installed_at = ".agpm/snippets/rules/a.md"
dependencies = []
tool = "agpm"
install = false

[[skills]]
name = "say \"pdf\""
path = "skills/pdf"
checksum = "sha256:00"
installed_at = ".claude/skills/agpm/pdf"
dependencies = []

[[hooks]]
name = "agpm-update"
path = "hooks/agpm-update.json"
checksum = "sha256:00"
installed_at = ".claude/settings.local.json"
dependencies = []

[[mcp-servers]]
name = "fs"
path = "mcp/fs.json"
checksum = "sha256:00"
installed_at = ".mcp.json"
dependencies = []
)";

TEST(AgpmLockfileTest, ReadsTheInstalledFilesAndFolders) {
  DiagnosticSink sink;
  std::optional<Installed> installed =
      ReadAgpmInstalledPaths(kLockfile, "agpm.lock", sink);
  ASSERT_TRUE(installed);
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(*installed,
            (Installed{{".claude/agents/agpm/reviewer.md",
                        "agpm.lock: [[agents]] name = \"reviewer\""},
                       {".claude/skills/agpm/pdf",
                        "agpm.lock: [[skills]] name = \"say \\\"pdf\\\"\""}}));
}

TEST(AgpmLockfileTest, AnEmptyLockfileInstallsNothing) {
  DiagnosticSink sink;
  std::optional<Installed> installed =
      ReadAgpmInstalledPaths("version = 1\n", "agpm.lock", sink);
  ASSERT_TRUE(installed);
  EXPECT_TRUE(installed->empty());
}

TEST(AgpmLockfileTest, ASyntaxErrorIsLocated) {
  DiagnosticSink sink;
  EXPECT_FALSE(ReadAgpmInstalledPaths("version = 1\n[[agents]\n",
                                      "dir/agpm.lock", sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const Diagnostic& error = sink.diagnostics()[0];
  EXPECT_EQ(error.severity, Severity::kError);
  EXPECT_EQ(error.rule, "sync.agpm-lock");
  EXPECT_EQ(error.where.file, "dir/agpm.lock");
  EXPECT_EQ(error.where.line, 2);
}

// The lockfile of agpm-resources, as AGPM wrote it, when it is here.
TEST(AgpmLockfileTest, ReadsARealLockfile) {
  std::ifstream file("/work/corpus14/repo/agpm.lock", std::ios::binary);
  if (!file) GTEST_SKIP() << "no agpm-resources checkout";
  std::stringstream text;
  text << file.rdbuf();
  DiagnosticSink sink;
  std::optional<Installed> installed =
      ReadAgpmInstalledPaths(text.str(), "agpm.lock", sink);
  ASSERT_TRUE(installed);
  EXPECT_TRUE(sink.diagnostics().empty());
  ASSERT_EQ(installed->count(".claude/commands/commit.md"), 1u);
  EXPECT_EQ(installed->at(".claude/commands/commit.md")
                .rfind("agpm.lock: [[commands]] name = \"", 0),
            0u);
  // `install = false` snippets and the merged hook file are not AGPM's
  // files.
  EXPECT_EQ(installed->count(".claude/snippets/rules/commit-attribution.md"),
            0u);
  EXPECT_EQ(installed->count(".claude/settings.local.json"), 0u);
  EXPECT_EQ(
      installed->count(".agpm/snippets/private/snippets/commands/import.md"),
      1u);
}

}  // namespace
}  // namespace agentgen
