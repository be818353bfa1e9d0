// SPDX-License-Identifier: MIT
// What the plugin and marketplace checks share: the name and version
// matchers over their edges, the paths diagnostics name, the JSON files
// read and located, and the `name` rule.
#include "validation/plugin_json.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"
#include "support/printed.h"

namespace agentgen {
namespace {

TEST(PluginJsonTest, KebabCase) {
  for (const char* name : {"a", "code-review", "x2-y3", "0"})
    EXPECT_TRUE(IsKebabCase(name)) << name;
  for (const char* name : {"", "-a", "a-", "a--b", "A", "a_b", "a.b", "a b"})
    EXPECT_FALSE(IsKebabCase(name)) << name;
}

TEST(PluginJsonTest, Semver) {
  for (const char* version : {"0.0.0", "1.2.3", "10.20.30", "1.2.3-rc.1",
                              "1.2.3+build.5", "1.2.3-beta-2+exp.sha.5114f85"})
    EXPECT_TRUE(IsSemver(version)) << version;
  for (const char* version : {"1.2", "1.2.3.4", "01.2.3", "1.02.3", "v1.2.3",
                              "1.2.3-", "1.2.3+", "1.2.3 ", "1.2.3-a_b", ""})
    EXPECT_FALSE(IsSemver(version)) << version;
}

TEST(PluginJsonTest, InsideTheFolderAsNamed) {
  EXPECT_EQ(Inside(".", "plugin.json"), "plugin.json");
  EXPECT_EQ(Inside("./m/", ".claude-plugin/x.json"), "m/.claude-plugin/x.json");
  EXPECT_EQ(Inside("/abs/p", "CLAUDE.md"), "/abs/p/CLAUDE.md");
}

TEST(PluginJsonTest, ReadJsonFileLocatesItsErrors) {
  MemoryFileSystem fs("/w");
  fs.Add("a.json", "{\"name\": \"a\",\n \"x\": [1]}");
  DiagnosticSink sink;
  std::unique_ptr<JsonFile> file =
      ReadJsonFile(fs, "/w/a.json", "a.json", "rule", sink);
  ASSERT_NE(file, nullptr);
  const YamlNode& x = MappingValue(file->tree.root(), "x");
  EXPECT_EQ(file->place.locate(x.offset()).line, 2);
  EXPECT_EQ(Printed(sink), "");

  fs.Add("list.json", "[1]");
  EXPECT_EQ(ReadJsonFile(fs, "/w/list.json", "list.json", "rule", sink),
            nullptr);
  fs.Add("bad.json", "{\"a\": 1,}");
  EXPECT_EQ(ReadJsonFile(fs, "/w/bad.json", "bad.json", "rule", sink), nullptr);
  EXPECT_EQ(ReadJsonFile(fs, "/w/gone.json", "gone.json", "rule", sink),
            nullptr);
  ASSERT_EQ(sink.diagnostics().size(), 3u);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "the file must hold a JSON object; got a list");
  EXPECT_EQ(sink.diagnostics()[1].message.rfind("Invalid JSON syntax: ", 0),
            0u);
  EXPECT_EQ(sink.diagnostics()[1].where.column, 9);
  EXPECT_EQ(sink.diagnostics()[2].where.file, "gone.json");
  for (const Diagnostic& diagnostic : sink.diagnostics())
    EXPECT_EQ(diagnostic.rule, "rule");
}

}  // namespace
}  // namespace agentgen
