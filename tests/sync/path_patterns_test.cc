// SPDX-License-Identifier: MIT
#include "sync/path_patterns.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"

namespace agentgen {
namespace {

using Strings = std::vector<std::string>;

TEST(PathPatternsTest, APatternHoldsAWildcard) {
  EXPECT_TRUE(IsPattern("agents/*.md"));
  EXPECT_TRUE(IsPattern("agents/x?.md"));
  EXPECT_TRUE(IsPattern("agents/[ab].md"));
  EXPECT_FALSE(IsPattern("../../agents/x.md"));
  EXPECT_FALSE(IsPattern("agents/{a,b}.md"));  // no braces in AGPM's glob
}

TEST(PathPatternsTest, WildcardsMatchSlashes) {
  EXPECT_TRUE(MatchesPattern("agents/*.md", "agents/x.md"));
  EXPECT_TRUE(MatchesPattern("agents/*.md", "agents/sub/x.md"));
  EXPECT_FALSE(MatchesPattern("agents/*.md", "agents/x.mdx"));
  EXPECT_FALSE(MatchesPattern("agents/*.md", "other/agents/x.md"));
  EXPECT_TRUE(MatchesPattern("a?c", "a/c"));
  EXPECT_TRUE(MatchesPattern("**/*.md", "a/b/x.md"));
  EXPECT_TRUE(MatchesPattern("a/**", "a/b/c"));
  EXPECT_TRUE(MatchesPattern("a/**/x.md", "a/b/c/x.md"));
  EXPECT_TRUE(MatchesPattern("*", ""));
  EXPECT_FALSE(MatchesPattern("?", ""));
}

// `**/` also stands for no folder at all, as in AGPM's glob.
TEST(PathPatternsTest, DoubleStarSlashMatchesNoFolder) {
  EXPECT_TRUE(MatchesPattern("**/*.md", "x.md"));
  EXPECT_TRUE(MatchesPattern("a/**/x.md", "a/x.md"));
  EXPECT_FALSE(MatchesPattern("a**/x.md", "x.md"));
}

TEST(PathPatternsTest, ClassesAndCase) {
  EXPECT_TRUE(MatchesPattern("agent[0-9].md", "agent5.md"));
  EXPECT_FALSE(MatchesPattern("agent[0-9].md", "agenta.md"));
  EXPECT_FALSE(MatchesPattern("agent[0-9].md", "agent10.md"));
  EXPECT_TRUE(MatchesPattern("agent[!0-9].md", "agenta.md"));
  EXPECT_FALSE(MatchesPattern("agent[!0-9].md", "agent5.md"));
  EXPECT_TRUE(MatchesPattern("[]]", "]"));
  EXPECT_TRUE(MatchesPattern("[!]]", "a"));
  EXPECT_TRUE(MatchesPattern("[a-]", "-"));
  EXPECT_TRUE(MatchesPattern("[[]x", "[x"));
  EXPECT_TRUE(MatchesPattern("x[/]y", "x/y"));
  EXPECT_FALSE(MatchesPattern("*.MD", "x.md"));
  EXPECT_TRUE(
      MatchesPattern("*.md", ".hidden.md"));  // a leading `.` is not special
}

TEST(PathPatternsTest, OneCharacterIsOneUtf8Character) {
  EXPECT_TRUE(MatchesPattern("caf?.md", "caf\xC3\xA9.md"));
  EXPECT_TRUE(MatchesPattern("caf[\xC3\xA0-\xC3\xBF].md", "caf\xC3\xA9.md"));
  EXPECT_FALSE(MatchesPattern("caf??.md", "caf\xC3\xA9.md"));
}

// Many stars against a long name that does not match end quickly.
TEST(PathPatternsTest, StarsDoNotBacktrackExponentially) {
  std::string name(200, 'a');
  EXPECT_FALSE(MatchesPattern("*a*a*a*a*a*a*a*a*a*a*a*b", name));
}

TEST(PathPatternsTest, PatternsAgpmRefuses) {
  EXPECT_EQ(PatternProblem("agents/*.md"), std::nullopt);
  EXPECT_EQ(PatternProblem("agents/[[]x*.md"), std::nullopt);
  EXPECT_EQ(
      PatternProblem("../agents/*.md"),
      "the pattern '../agents/*.md' contains '..', which AGPM refuses in a "
      "pattern; write it relative to the manifest's folder and below it, or "
      "name the files one entry each");
  EXPECT_EQ(PatternProblem("/etc/*.md"),
            "the pattern '/etc/*.md' is absolute, which AGPM refuses; write it "
            "relative to the manifest's folder");
  EXPECT_EQ(PatternProblem("agents/[a-z.md"),
            "the pattern 'agents/[a-z.md' opens a class with '[' that no ']' "
            "closes; close it ('[a-z]'), or write '[[]' for a '[' itself");
}

// The project of most walk tests: agents, a hidden folder, a build tree,
// symlinks, and a file outside the pattern's prefix.
MemoryFileSystem Project() {
  MemoryFileSystem fs;
  fs.Add("/p/agents/a.md", "a");
  fs.Add("/p/agents/.x.md", "hidden file");
  fs.Add("/p/agents/notes.txt", "n");
  fs.Add("/p/agents/sub/b.md", "b");
  fs.Add("/p/agents/.cache/c.md", "c");
  fs.Add("/p/agents/out/CMakeCache.txt", "");
  fs.Add("/p/agents/out/d.md", "d");
  fs.AddSymlink("/p/agents/link.md", "a.md");
  fs.AddSymlink("/p/agents/linked", "sub");
  fs.Add("/p/other/e.md", "e");
  return fs;
}

WalkResult Expand(MemoryFileSystem& fs, std::string_view pattern,
                  const Strings& excluded = {}) {
  std::string error;
  std::optional<WalkResult> result =
      ExpandPattern(fs, "/p", pattern, false, excluded, &error);
  EXPECT_TRUE(result) << error;
  return result.value_or(WalkResult());
}

TEST(PathPatternsTest, AWalkSkipsHiddenFoldersBuildTreesAndSymlinks) {
  MemoryFileSystem fs = Project();
  WalkResult result = Expand(fs, "agents/*.md");
  EXPECT_EQ(result.matches,
            (Strings{"agents/.x.md", "agents/a.md", "agents/sub/b.md"}));
  // Only the prefix and what was entered: not `other`, `.cache`, `out`.
  EXPECT_EQ(result.folders, (Strings{"/p/agents", "/p/agents/sub"}));
}

TEST(PathPatternsTest, EachBuildTreeMarkerStopsTheWalk) {
  for (const char* marker : {"CMakeCache.txt", "build.ninja", "meson-private",
                             ".agentgen-sync.lock"}) {
    MemoryFileSystem fs;
    fs.Add("/p/agents/a.md", "a");
    if (std::string(marker) == "meson-private")
      fs.AddDirectory("/p/agents/b/meson-private");
    else
      fs.Add(std::string("/p/agents/b/") + marker, "");
    fs.Add("/p/agents/b/x.md", "x");
    WalkResult result = Expand(fs, "agents/*.md");
    EXPECT_EQ(result.matches, Strings{"agents/a.md"}) << marker;
    EXPECT_EQ(result.folders, Strings{"/p/agents"}) << marker;
  }
}

// The prefix itself is walked whatever it is: a hidden folder, a build
// tree (a build in the project's own folder).
TEST(PathPatternsTest, ThePrefixIsWalkedAsWritten) {
  MemoryFileSystem fs;
  fs.Add("/p/.claude-src/agents/a.md", "a");
  fs.Add("/p/build.ninja", "");
  fs.Add("/p/x.md", "x");
  EXPECT_EQ(Expand(fs, ".claude-src/agents/*.md").matches,
            Strings{".claude-src/agents/a.md"});
  WalkResult everything = Expand(fs, "**/*.md");
  EXPECT_EQ(everything.matches, Strings{"x.md"});  // `.claude-src` is hidden
  EXPECT_EQ(everything.folders, Strings{"/p"});
}

TEST(PathPatternsTest, ToolsFoldersAreNotEntered) {
  MemoryFileSystem fs;
  fs.Add("/p/agents/a.md", "a");
  fs.Add("/p/out/agents/agpm/a.md", "installed");
  WalkResult result = Expand(fs, "**/a.md", {"/p/out/agents"});
  EXPECT_EQ(result.matches, Strings{"agents/a.md"});
  EXPECT_EQ(result.folders, (Strings{"/p", "/p/agents", "/p/out"}));
}

TEST(PathPatternsTest, MatchesAreInByteOrder) {
  MemoryFileSystem fs;
  fs.Add("/p/a/b.md", "");
  fs.Add("/p/a-c.md", "");
  fs.Add("/p/B.md", "");
  EXPECT_EQ(Expand(fs, "*.md").matches, (Strings{"B.md", "a-c.md", "a/b.md"}));
}

TEST(PathPatternsTest, AMissingPrefixMatchesNothing) {
  MemoryFileSystem fs;
  fs.Add("/p/agents.md", "");
  WalkResult result = Expand(fs, "agents/*.md");
  EXPECT_TRUE(result.matches.empty());
  EXPECT_TRUE(result.folders.empty());
  // The paths matched have no `.` component, as in AGPM.
  fs.Add("/p/agents/x.md", "");
  EXPECT_EQ(Expand(fs, "./agents/*.md").matches, Strings{});
  EXPECT_EQ(Expand(fs, "agents/./*.md").matches, Strings{});
  EXPECT_EQ(Expand(fs, "./agents/*.md").folders, Strings{"/p/agents"});
  // A file where the prefix's folder should be: nothing either.
  EXPECT_TRUE(Expand(fs, "agents.md/*").matches.empty());
}

TEST(PathPatternsTest, ASkillsPatternMatchesFoldersHoldingSkillMd) {
  MemoryFileSystem fs;
  fs.Add("/p/skills/pdf/SKILL.md", "");
  fs.Add("/p/skills/pdf/ref.md", "");
  fs.Add("/p/skills/docx/SKILL.md", "");
  fs.Add("/p/skills/pdf-old/README.md", "");  // no SKILL.md
  fs.Add("/p/skills/.draft/SKILL.md", "");
  fs.AddSymlink("/p/skills/linked", "pdf");
  fs.Add("/p/skills/xls/x.md", "");
  fs.AddSymlink("/p/skills/xls/SKILL.md", "x.md");
  fs.Add("/p/skills/loose.md", "");
  std::string error;
  std::optional<WalkResult> all =
      ExpandPattern(fs, "/p", "skills/*", true, {}, &error);
  ASSERT_TRUE(all) << error;
  EXPECT_EQ(all->matches, (Strings{"skills/docx", "skills/pdf"}));
  EXPECT_EQ(all->folders,
            (Strings{"/p/skills", "/p/skills/docx", "/p/skills/pdf",
                     "/p/skills/pdf-old", "/p/skills/xls"}));
  // Without `skills/`, the pattern is matched against the names all the
  // same; a name is matched whole.
  std::optional<WalkResult> some =
      ExpandPattern(fs, "/p", "pd?", true, {}, &error);
  ASSERT_TRUE(some) << error;
  EXPECT_EQ(some->matches, Strings{"skills/pdf"});
  EXPECT_EQ(some->folders, (Strings{"/p/skills", "/p/skills/pdf"}));
  std::optional<WalkResult> none =
      ExpandPattern(fs, "/q", "skills/*", true, {}, &error);
  ASSERT_TRUE(none) << error;
  EXPECT_TRUE(none->matches.empty());
  EXPECT_TRUE(none->folders.empty());
}

TEST(PathPatternsTest, MappingModeWalksMarkdownAndSkillFolders) {
  MemoryFileSystem fs;
  fs.Add("/from/top.md", "");
  fs.Add("/from/README.txt", "");
  fs.Add("/from/agents/a.md", "");
  fs.Add("/from/agents/.y.md", "");
  fs.Add("/from/agents/notes.txt", "");
  fs.Add("/from/agents/snippets/s.md", "");
  fs.AddSymlink("/from/agents/link.md", "a.md");
  fs.Add("/from/agents/commands/deep.md", "");
  fs.Add("/from/command/sub/d.md", "");
  fs.Add("/from/commands/c.md", "");
  fs.Add("/from/snippets/s.md", "");
  fs.Add("/from/.git/x.md", "");
  fs.Add("/from/build/build.ninja", "");
  fs.Add("/from/build/z.md", "");
  fs.Add("/from/skills/pdf/SKILL.md", "");
  fs.Add("/from/skills/pdf/ref.md", "");
  fs.Add("/from/skills/loose/x.md", "");
  std::vector<MappedSource> sources;
  std::string error;
  std::optional<WalkResult> walked =
      WalkSourceFolder(fs, "/from", &sources, &error);
  ASSERT_TRUE(walked) << error;
  std::vector<std::string> found;
  found.reserve(sources.size());
  for (const MappedSource& source : sources) {
    found.push_back(source.relative + " " + source.type +
                    (source.is_skill_folder ? " folder" : ""));
  }
  EXPECT_EQ(found,
            (Strings{"agents/a.md agent", "agents/commands/deep.md command",
                     "command/sub/d.md command", "commands/c.md command",
                     "skills/loose/x.md skill", "skills/pdf skill folder",
                     "top.md agent"}));
  EXPECT_EQ(
      walked->folders,
      (Strings{"/from", "/from/agents", "/from/agents/commands",
               "/from/command", "/from/command/sub", "/from/commands",
               "/from/skills", "/from/skills/loose", "/from/skills/pdf"}));
  EXPECT_TRUE(walked->matches.empty());
}

TEST(PathPatternsTest, ASkillsFilesAreEveryRegularFileBelowIt) {
  MemoryFileSystem fs;
  fs.Add("/s/pdf/SKILL.md", "");
  fs.Add("/s/pdf/.hidden", "");
  fs.Add("/s/pdf/ref/a.md", "");
  fs.Add("/s/pdf/ref-b.md", "");
  fs.AddSymlink("/s/pdf/link.md", "SKILL.md");
  fs.AddSymlink("/s/pdf/linked", "ref");
  std::string error;
  std::optional<WalkResult> files = ListSkillFiles(fs, "/s/pdf", &error);
  ASSERT_TRUE(files) << error;
  EXPECT_EQ(files->matches,
            (Strings{".hidden", "SKILL.md", "ref-b.md", "ref/a.md"}));
  EXPECT_EQ(files->folders, (Strings{"/s/pdf", "/s/pdf/ref"}));
}

TEST(PathPatternsTest, AFolderThatCannotBeListedIsAnError) {
  MemoryFileSystem fs;
  std::string error;
  EXPECT_FALSE(ListSkillFiles(fs, "/s/none", &error));
  EXPECT_EQ(error, "cannot list '/s/none': No such file or directory");
}

}  // namespace
}  // namespace agentgen
