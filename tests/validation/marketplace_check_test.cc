// SPDX-License-Identifier: MIT
// `agentgen check --type marketplace`: each rule with a valid and an invalid
// example, compared by the whole printed diagnostics; among them the
// mistakes users hit most (duplicate names, `..` in a source, a strict entry
// without plugin.json, `strict: false` against a manifest, versions out of
// step), and each local plugin checked in its own files.
#include "validation/marketplace_check.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"
#include "support/printed.h"
#include "validation/check.h"

namespace agentgen {
namespace {

const char kAgent[] =
    "---\nname: reviewer\ndescription: Reviews code\n---\nBody\n";

class MarketplaceCheckTest : public ::testing::Test {
 protected:
  // Runs `agentgen check --type <type> <source>`; the printed diagnostics.
  std::string Check(const std::string& type, const std::string& source) {
    CheckOptions options;
    options.sources = {source};
    options.settings.type = type;
    sink_ = DiagnosticSink();
    status_ = RunCheck(fs_, options, sink_);
    return Printed(sink_);
  }

  // A marketplace at `m` with `plugins` as its entries.
  std::string CheckMarket(const std::string& plugins,
                          const std::string& name = "acme-tools") {
    fs_.Add("m/.claude-plugin/marketplace.json",
            "{\"name\": \"" + name +
                "\", \"owner\": {\"name\": \"Acme\"}, \"description\": "
                "\"Tools\",\n\"plugins\": [\n" +
                plugins + "\n]}\n");
    return Check("marketplace", "m");
  }

  MemoryFileSystem fs_{"/w"};
  DiagnosticSink sink_;
  int status_ = -1;
};

const char kMarket[] = "m/.claude-plugin/marketplace.json";

std::string Entry(int column, const std::string& severity,
                  const std::string& message, const std::string& line_text) {
  return At(kMarket, 3, column, severity, message, line_text);
}

TEST_F(MarketplaceCheckTest, ValidMarketplace) {
  fs_.Add("m/plugins/a/.claude-plugin/plugin.json",
          "{\"name\": \"a\", \"version\": \"1.0.0\"}");
  fs_.Add("m/plugins/lsp/README.md", "x");
  EXPECT_EQ(
      CheckMarket(
          "{\"name\": \"a\", \"source\": \"./plugins/a\", \"version\": "
          "\"1.0.0\", \"category\": \"dev\", \"tags\": [\"x\"]},\n"
          "{\"name\": \"lsp\", \"source\": \"./plugins/lsp\", \"strict\": "
          "false, \"lspServers\": {\"x\": {}}},\n"
          "{\"name\": \"b\", \"source\": {\"source\": \"github\", \"repo\": "
          "\"o/b\"}},\n"
          "{\"name\": \"c\", \"source\": {\"source\": \"git-subdir\", \"url\": "
          "\"https://x\", \"path\": \"c\", \"sha\": \"abc\"}}"),
      "");
  EXPECT_EQ(Check("marketplace", "m/.claude-plugin/marketplace.json"), "")
      << "the file itself names the same marketplace";
}

TEST_F(MarketplaceCheckTest, TopLevel) {
  const std::string bare = "{\"name\": \"acme\", \"plugins\": []}";
  fs_.Add(kMarket, bare);
  EXPECT_EQ(Check("marketplace", "m"),
            At(kMarket, 1, 1, "warning",
               "No marketplace description provided: add a 'description' for "
               "the marketplace's listing",
               bare) +
                At(kMarket, 1, 1, "error",
                   "marketplace.json has no 'owner' (an object with a "
                   "\"name\" string)",
                   bare) +
                At(kMarket, 1, 29, "warning",
                   "Marketplace has no plugins defined", bare));
  EXPECT_EQ(CheckMarket("", "agent-skills").substr(0, 150),
            At(kMarket, 1, 10, "warning",
               "\"agent-skills\" is reserved for Anthropic's own "
               "marketplaces: Claude Code refuses it from any other source",
               "{\"name\": \"agent-skills\", \"owner\": {\"name\": "
               "\"Acme\"},")
                .substr(0, 150));
}

TEST_F(MarketplaceCheckTest, DuplicateNames) {
  fs_.Add("m/x/a.md", "x");
  std::string printed = CheckMarket(
      "{\"name\": \"x\", \"source\": {\"source\": \"npm\", \"package\": "
      "\"x\"}}, {\"name\": \"x\", \"source\": {\"source\": \"npm\", "
      "\"package\": \"y\"}}");
  EXPECT_EQ(printed,
            Entry(70, "error",
                  "Duplicate plugin name \"x\" found in marketplace (first on "
                  "line 3)",
                  "{\"name\": \"x\", \"source\": {\"source\": \"npm\", "
                  "\"package\": \"x\"}}, {\"name\": \"x\", \"source\": "
                  "{\"source\": \"npm\", \"package\": \"y\"}}"));
}

TEST_F(MarketplaceCheckTest, Sources) {
  const std::string bare = "{\"name\": \"a\", \"source\": \"plugins/a\"}";
  EXPECT_EQ(CheckMarket(bare),
            Entry(25, "error",
                  "a relative 'source' must start with './' (relative to the "
                  "folder holding .claude-plugin/); got \"plugins/a\"",
                  bare));
  const std::string up = "{\"name\": \"a\", \"source\": \"./../a\"}";
  EXPECT_EQ(CheckMarket(up),
            Entry(25, "error",
                  "Path contains \"..\": a plugin source must lie within the "
                  "marketplace",
                  up));
  const std::string github =
      "{\"name\": \"a\", \"source\": {\"source\": \"github\"}}";
  EXPECT_EQ(
      CheckMarket(github),
      Entry(25, "error",
            "a \"github\" source needs \"repo\" (a non-empty string)", github));
  const std::string kind =
      "{\"name\": \"a\", \"source\": {\"source\": \"svn\"}}";
  EXPECT_EQ(CheckMarket(kind),
            Entry(36, "error",
                  "an object 'source' needs \"source\": one of archive, "
                  "command, git-subdir, github, npm or url; got the string "
                  "\"svn\"",
                  kind));
  const std::string missing = "{\"name\": \"a\"}";
  EXPECT_EQ(CheckMarket(missing),
            Entry(1, "error",
                  "a plugin entry has no 'source' (\"./path\" or an object)",
                  missing));
}

TEST_F(MarketplaceCheckTest, SourceLeavingThroughASymlink) {
  fs_.Add("vendor/a/.claude-plugin/plugin.json", "{\"name\": \"a\"}");
  fs_.AddSymlink("m/plugins/a", "../../vendor/a");
  const std::string entry = "{\"name\": \"a\", \"source\": \"./plugins/a\"}";
  EXPECT_EQ(CheckMarket(entry),
            Entry(25, "error",
                  "the source \"./plugins/a\" leads out of the marketplace "
                  "through a symlink: an install fetches the marketplace "
                  "only, so the plugin is missing after install (move the "
                  "plugin in)",
                  entry));
  fs_.Add("m/vendor/b/.claude-plugin/plugin.json", "{\"name\": \"b\"}");
  fs_.AddSymlink("m/plugins/b", "../vendor/b");
  EXPECT_EQ(CheckMarket("{\"name\": \"b\", \"source\": \"./plugins/b\"}"), "")
      << "a link within the marketplace is followed";
}

TEST_F(MarketplaceCheckTest, StrictEntries) {
  fs_.Add("m/a/agents/x.md", kAgent);
  const std::string strict = "{\"name\": \"a\", \"source\": \"./a\"}";
  EXPECT_EQ(CheckMarket(strict),
            Entry(25, "warning",
                  "a strict entry (the default) whose plugin has no "
                  ".claude-plugin/plugin.json: Claude Code loads it with the "
                  "entry as its manifest, but claude.ai refuses it; set "
                  "\"strict\": false or add a plugin.json",
                  strict));
  EXPECT_EQ(status_, 0);
  const std::string loose =
      "{\"name\": \"a\", \"source\": \"./a\", \"strict\": false}";
  EXPECT_EQ(CheckMarket(loose), "");
  fs_.Add("m/a/.claude-plugin/plugin.json",
          "{\"name\": \"a\", \"agents\": [\"./agents/x.md\"]}");
  EXPECT_EQ(CheckMarket(loose),
            Entry(42, "error",
                  "\"strict\": false makes this entry the whole plugin "
                  "definition, but m/a/.claude-plugin/plugin.json declares "
                  "components too: Claude Code refuses the conflict; remove "
                  "them there or drop \"strict\": false",
                  loose));
  EXPECT_EQ(CheckMarket(strict), "");
  const std::string text =
      "{\"name\": \"a\", \"source\": \"./a\", \"strict\": \"no\"}";
  fs_.Add("m/a/CLAUDE.md", "x");
  EXPECT_EQ(CheckMarket(text),
            Entry(42, "error",
                  "'strict' must be true or false; got the "
                  "string \"no\"",
                  text) +
                "m/a/CLAUDE.md: warning: a plugin's CLAUDE.md is not loaded: "
                "put instructions in a skill or an agent\n")
      << "the plugin is checked all the same";
}

TEST_F(MarketplaceCheckTest, SymlinksWithinTheMarketplace) {
  fs_.Add("m/a/.claude-plugin/plugin.json", "{\"name\": \"a\"}");
  fs_.Add("m/shared/style.md", "x");
  fs_.AddSymlink("m/a/style.md", "../shared/style.md");
  EXPECT_EQ(CheckMarket("{\"name\": \"a\", \"source\": \"./a\"}"),
            "m/a/style.md: warning: symlink to \"../shared/style.md\" leaves "
            "the plugin folder: a marketplace install copies its target in, "
            "but --plugin-dir, a local install and Windows checkouts lose it "
            "(copy the file in instead)\n");
  EXPECT_EQ(Check("plugin", "m/a"),
            "m/a/style.md: error: symlink to \"../shared/style.md\" leaves "
            "the plugin folder: only the plugin is installed, so it breaks "
            "after install (copy the file in instead)\n")
      << "checked alone, the plugin is installed alone";
}

TEST_F(MarketplaceCheckTest, VersionsAndPluginErrorsInTheirFiles) {
  fs_.Add("m/a/.claude-plugin/plugin.json",
          "{\"name\": \"a\", \"version\": \"2.0.0\", \"author\": \"me\"}");
  const std::string entry =
      "{\"name\": \"a\", \"source\": \"./a\", \"version\": \"1.0.0\"}";
  EXPECT_EQ(CheckMarket(entry),
            At("m/a/.claude-plugin/plugin.json", 1, 35, "error",
               "'author' must be an object with a \"name\" (and optionally "
               "\"email\" and \"url\"); got the string \"me\"",
               "{\"name\": \"a\", \"version\": \"2.0.0\", \"author\": "
               "\"me\"}") +
                Entry(43, "warning",
                      "the entry's version \"1.0.0\" differs from "
                      "plugin.json's \"2.0.0\", which Claude Code uses "
                      "instead",
                      entry));
}

TEST_F(MarketplaceCheckTest, EntryKeys) {
  fs_.Add("m/a/.claude-plugin/plugin.json", "{\"name\": \"a\"}");
  const std::string entry =
      "{\"name\": \"a\", \"source\": \"./a\", \"catgory\": \"x\", "
      "\"keywords\": \"x\"}";
  EXPECT_EQ(CheckMarket(entry),
            Entry(32, "warning",
                  "unknown key 'catgory' in a marketplace entry: Claude Code "
                  "ignores it; did you mean 'category'?",
                  entry) +
                Entry(48, "error",
                      "'keywords' must be a list of strings; got the string "
                      "\"x\"",
                      entry));
}

}  // namespace
}  // namespace agentgen
