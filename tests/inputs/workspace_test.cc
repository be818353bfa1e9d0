// SPDX-License-Identifier: MIT
#include "inputs/workspace.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

class WorkspaceTest : public ::testing::Test {
 protected:
  std::optional<Workspace> Find(const WorkspaceOptions& options,
                                const std::string& source) {
    WorkspaceFinder finder(fs_, options);
    return finder.Find(source, "/w/" + source, sink_);
  }

  std::string Messages() const { return Printed(sink_); }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
};

TEST_F(WorkspaceTest, TheRootIsTheGitWorkTreeElseTheSourcesFolder) {
  fs_.Add("repo/agents/a.md", "a");
  fs_.Add("loose/b.md", "b");
  fs_.AddDirectory("repo/.git");
  std::optional<Workspace> in_repo = Find({}, "repo/agents/a.md");
  ASSERT_TRUE(in_repo) << Messages();
  EXPECT_EQ(in_repo->root.path, "/w/repo");
  EXPECT_EQ(in_repo->root.display, "repo");
  EXPECT_EQ(in_repo->root_for_manifest, "/w/repo");
  std::optional<Workspace> loose = Find({}, "loose/b.md");
  ASSERT_TRUE(loose);
  EXPECT_EQ(loose->root.path, "/w/loose");
  EXPECT_TRUE(loose->project_path.empty());
  EXPECT_EQ(loose->project_directory.path, "/w/loose");
}

TEST_F(WorkspaceTest, AGivenRootMustBeAFolder) {
  fs_.Add("a.md", "a");
  WorkspaceOptions options;
  options.root = "nope";
  EXPECT_FALSE(Find(options, "a.md"));
  EXPECT_EQ(Messages(), "agentgen: error: root 'nope' is not a folder\n");
}

TEST_F(WorkspaceTest, TheProjectTableWithDefinitionsOnTop) {
  fs_.Add("a.md", "a");
  fs_.Add("agpm.toml", "[project]\nname = \"x\"\n[project.tools]\nlint = 1\n");
  WorkspaceOptions options;
  options.root = ".";
  options.defines = {{"tools.lint", "2"}, {"extra", "y"}};
  std::optional<Workspace> workspace = Find(options, "a.md");
  ASSERT_TRUE(workspace) << Messages();
  EXPECT_EQ(workspace->project_path, "/w/agpm.toml");
  EXPECT_EQ(workspace->project,
            nlohmann::json::parse(
                R"({"name": "x", "tools": {"lint": "2"}, "extra": "y"})"));
  EXPECT_EQ(workspace->project_sha256.size(), 64u);
  EXPECT_EQ(workspace->project_directory.path, "/w");
}

TEST_F(WorkspaceTest, AProjectFileMayNotLieOutsideTheRoot) {
  fs_.Add("r/a.md", "a");
  fs_.Add("p.toml", "[project]\n");
  WorkspaceOptions options;
  options.root = "r";
  options.project_file = "p.toml";
  EXPECT_FALSE(Find(options, "r/a.md"));
  EXPECT_EQ(Messages(),
            "agentgen: error: project file 'p.toml' lies outside the root 'r' "
            "(pass --allow-outside-root to allow it)\n");
  options.allow_outside_root = true;
  sink_ = DiagnosticSink();
  std::optional<Workspace> allowed = Find(options, "r/a.md");
  ASSERT_TRUE(allowed) << Messages();
  EXPECT_EQ(allowed->project_directory.path, "/w");
}

TEST_F(WorkspaceTest, ABatchReadsTheProjectFileOnce) {
  fs_.Add("a.md", "a");
  fs_.Add("b.md", "b");
  fs_.Add("agpm.toml", "[project]\nk = 1\n");
  WorkspaceOptions options;
  options.root = ".";
  WorkspaceFinder finder(fs_, options);
  ASSERT_TRUE(finder.Find("a.md", "/w/a.md", sink_));
  std::optional<Workspace> second = finder.Find("b.md", "/w/b.md", sink_);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->project["k"], 1);
  EXPECT_EQ(std::count(fs_.files_read().begin(), fs_.files_read().end(),
                       "/w/agpm.toml"),
            1);
}

}  // namespace
}  // namespace agentgen
