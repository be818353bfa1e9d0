// SPDX-License-Identifier: MIT
// The bad-input catalogue: malformed and hostile inputs, each of which must
// give exit status 1, a located message naming the problem, and no output
// written or changed (the previous output and depfile stay byte-identical and
// no temporary file is left behind).
#include <gtest/gtest.h>

#include <functional>

#include "command_line/command_line.h"
#include "command_line/render_command.h"
#include "support/memory_file_system.h"

namespace agentgen {
namespace {

struct BadInput {
  const char* name;
  std::map<std::string, std::string> files;  // relative to /w
  std::vector<std::string> expected;         // substrings of stderr
  std::vector<std::string> extra_arguments = {};
  std::function<void(MemoryFileSystem&)> set_up = nullptr;
  std::string source = "a.md";
};

const char kOn[] = "---\nagpm:\n  templating: true\n---\n";
const char kMustache[] = "---\nagentgen:\n  templating: mustache\n---\n";

std::string WithSnippet(const std::string& path) {
  return "---\ndependencies:\n  snippets:\n    - path: " + path + "\n---\nx\n";
}

std::string Nested(int depth) {
  std::string text = kOn;
  for (int i = 0; i < depth; ++i) text += "{% if agpm.project.x %}";
  for (int i = 0; i < depth; ++i) text += "{% endif %}";
  return text + "\n";
}

// A chain a.md -> c1.md -> ... -> c<length>.md.
void AddChain(MemoryFileSystem& fs, int length) {
  for (int i = 1; i <= length; ++i) {
    std::string next = "c" + std::to_string(i + 1) + ".md";
    fs.Add("c" + std::to_string(i) + ".md",
           i == length ? "end\n" : WithSnippet(next));
  }
}

std::string ManySnippets(int count) {
  std::string text = "---\ndependencies:\n  snippets:\n";
  for (int i = 0; i < count; ++i)
    text += "    - path: m/" + std::to_string(i) + ".md\n";
  return text + "---\n";
}

std::string ListOf(int count) {
  std::string list = "1";
  for (int i = 1; i < count; ++i) list += ", 1";
  return list;
}

std::vector<BadInput> Catalogue() {
  std::string bom = "\xEF\xBB\xBF---\nname: a\n---\n";
  return {
      {"UnclosedFrontmatter",
       {{"a.md", "---\nname: a\nbody\n"}},
       {"a.md:1:1: error: frontmatter is not closed"}},
      {"OnlyADelimiter",
       {{"a.md", "---"}},
       {"a.md:1:1: error: frontmatter is not closed"}},
      {"ByteOrderMark",
       {{"a.md", bom}},
       {"a.md:1:1: error:", "byte-order mark"}},
      {"NulByte",
       {{"a.md", std::string("---\nname: a\n---\nx\0y\n", 19)}},
       {"a.md:4:2: error: NUL byte"}},
      {"InvalidUtf8InFrontmatter",
       {{"a.md", "---\nname: \xC3\x28\n---\n"}},
       {"a.md:2:7: error: invalid UTF-8"}},
      {"InvalidUtf8InASnippet",
       {{"a.md", WithSnippet("s.md")}, {"s.md", "ok\n\xFF\n"}},
       {"s.md:2:1: error: invalid UTF-8"}},
      {"OverlongUtf8",
       {{"a.md", "---\nname: \xC0\xAF\n---\n"}},
       {"a.md:2:7: error: invalid UTF-8"}},
      {"DuplicateKey",
       {{"a.md", "---\nname: a\nname: b\n---\n"}},
       {"a.md:3:1: error: duplicate key 'name'"}},
      {"DuplicateNestedKey",
       {{"a.md", "---\nagpm:\n  version: 1\n  version: 2\n---\n"}},
       {"a.md:4:3: error: duplicate key 'version'"}},
      {"TabIndentation",
       {{"a.md", "---\nagpm:\n\ttemplating: true\n---\n"}},
       {"a.md:3:1: error: tab in indentation"}},
      {"UnclosedQuote",
       {{"a.md", "---\nname: \"a\ndescription: b\n---\n"}},
       {"a.md:2:7: error: quoted scalar is not closed"}},
      {"AliasBombUnderDependencies",
       {{"a.md",
         "---\nx: &a [1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, "
         "*a]\n"
         "z: &c [*b, *b, *b, *b, *b, *b, *b]\nw: &d [*c, *c, *c, *c, *c, *c, "
         "*c]\n"
         "dependencies:\n  snippets: [*d, *d, *d, *d]\n---\n"}},
       {"a.md:", "error: a dependency entry must be a mapping"}},
      {"DeepYamlNesting",
       {{"a.md", "---\nx: " + std::string(5000, '[') + "\n---\n"}},
       {"a.md:2:", "error: frontmatter nests too deeply"}},
      {"CrlfMixWithABrokenCloser",
       {{"a.md", "---\r\nname: a\n-- -\r\nbody\r\n"}},
       {"a.md:1:1: error: frontmatter is not closed"}},
      {"UnterminatedPrint",
       {{"a.md", std::string(kOn) + "x {{ agpm.project.a\n"}},
       {"a.md:5:3: error:", "'{{' is not closed"}},
      {"UnterminatedTag",
       {{"a.md", std::string(kOn) + "{% if x \n"}},
       {"a.md:5:1: error:", "'{%' is not closed"}},
      {"UnterminatedComment",
       {{"a.md", std::string(kOn) + "{# note\n"}},
       {"a.md:5:1: error:", "'{#' is not closed"}},
      {"UnclosedIf",
       {{"a.md", std::string(kOn) + "{% if agpm.project.x %}\n"}},
       {"a.md:5:1: error: 'if' is not closed"}},
      {"StrayEndif",
       {{"a.md", std::string(kOn) + "a\n{% endif %}\n"}},
       {"a.md:6:1: error: 'endif' has no matching 'if'"}},
      {"UnclosedRaw",
       {{"a.md", std::string(kOn) + "{% raw %}x\n"}},
       {"a.md:5:1: error: 'raw' is not closed"}},
      {"UnclosedFor",
       {{"a.md", std::string(kOn) + "{% for x in agpm.project.l %}\n"}},
       {"a.md:5:1: error: 'for' is not closed"}},
      {"UnsupportedMacro",
       {{"a.md", std::string(kOn) + "{% macro m() %}{% endmacro %}\n"}},
       {"a.md:5:4:", "error: macros are unsupported"}},
      {"UnsupportedFilter",
       {{"a.md", std::string(kOn) + "{{ agpm.resource.name | date }}\n"}},
       {"a.md:5:25:", "error: filter 'date' is unsupported"}},
      {"PrintingATable",
       {{"a.md", std::string(kOn) + "{{ agpm.project }}\n"}},
       {"a.md:5:4: error: cannot print a table"}},
      {"UndefinedName",
       {{"a.md", std::string(kOn) + "{{ agpm.project.nope }}\n"}},
       {"a.md:5:4: error: undefined name 'agpm.project.nope'"}},
      {"TemplateNestingTooDeep",
       {{"a.md", Nested(65)}},
       {"a.md:5:", "error: nesting is too deep"}},
      {"MustacheUnclosedSection",
       {{"a.md", std::string(kMustache) + "{{#a}}x\n"}},
       {"a.md:5:1: error: section 'a' is not closed"}},
      {"MustacheUnterminatedTag",
       {{"a.md", std::string(kMustache) + "x {{a\n"}},
       {"a.md:5:3: error: unterminated tag"}},
      {"MustacheUnknownPartial",
       {{"a.md", std::string(kMustache) + "{{> base}}\n"}},
       {"a.md:5:1: error: unknown partial 'base'"}},
      {"MustacheUndefinedName",
       {{"a.md", std::string(kMustache) + "{{agpm.project.team}}\n"}},
       {"a.md:5:1: error: undefined name 'agpm.project.team'"}},
      {"UnknownMustacheSwitch",
       {{"a.md", "---\nagentgen:\n  templating: jinja\n---\n"}},
       {"a.md:3:15: error: 'agentgen: templating:' must be 'mustache'"}},
      {"UnknownCategory",
       {{"a.md", "---\ndependencies:\n  claude-code: []\n---\n"}},
       {"a.md:3:3: error: unknown dependency category 'claude-code'"}},
      {"UnknownEntryField",
       {{"a.md",
         "---\ndependencies:\n  snippets:\n    - path: s.md\n      desc: "
         "x\n---\n"},
        {"s.md", "s\n"}},
       {"a.md:5:7: error: unknown field 'desc'"}},
      {"EntryWithoutPath",
       {{"a.md", "---\ndependencies:\n  snippets:\n    - name: s\n---\n"}},
       {"a.md:4:7: error: dependency entry has no 'path:'"}},
      {"MissingDependency",
       {{"a.md", WithSnippet("nope.md")}},
       {"a.md:4:13: error: dependency 'nope.md' not found"}},
      {"DirectoryWhereAFileShouldBe",
       {{"a.md", WithSnippet("d.md")}, {"d.md/x", ""}},
       {"a.md:4:13: error: dependency 'd.md' is a folder, not a file"}},
      {"AbsoluteDependencyPath",
       {{"a.md", WithSnippet("/etc/passwd")}},
       {"a.md:4:13: error: absolute dependency path '/etc/passwd'"}},
      {"GlobDependencyPath",
       {{"a.md", WithSnippet("s/*.md")}},
       {"a.md:4:13: error: glob patterns are not supported"}},
      {"DependencyAboveTheRoot",
       {{"r/a.md", WithSnippet("../s.md")}, {"s.md", "s\n"}},
       {"r/a.md:4:13: error: dependency '../s.md' lies outside the root 'r'"},
       {"--root", "r"},
       nullptr,
       "r/a.md"},
      {"SymlinkOutOfTheRoot",
       {{"r/a.md", WithSnippet("l.md")}, {"secret.md", "s\n"}},
       {"r/a.md:4:13: error: dependency 'l.md' lies outside the root 'r'"},
       {"--root", "r"},
       [](MemoryFileSystem& fs) { fs.AddSymlink("r/l.md", "/w/secret.md"); },
       "r/a.md"},
      {"SymlinkLoop",
       {{"a.md", WithSnippet("loop.md")}},
       {"a.md:4:13: error: dependency 'loop.md' not found"},
       {},
       [](MemoryFileSystem& fs) {
         fs.AddSymlink("loop.md", "loop2.md");
         fs.AddSymlink("loop2.md", "loop.md");
       }},
      {"Cycle",
       {{"a.md", WithSnippet("b.md")},
        {"b.md", "---\ndependencies:\n  agents:\n    - path: a.md\n---\n"}},
       {"b.md:4:13: error: dependency cycle: a.md -> b.md -> a.md"}},
      {"SelfDependency",
       {{"a.md", WithSnippet("a.md")}},
       {"a.md:4:13: error: dependency cycle: a.md -> a.md"}},
      {"KeyClash",
       {{"a.md",
         "---\ndependencies:\n  snippets:\n    - path: x/u.md\n    - path: "
         "y/u.md\n---\n"},
        {"x/u.md", ""},
        {"y/u.md", ""}},
       {"a.md:5:13: error: dependency key 'u' in 'snippets' is claimed by "
        "both"}},
      {"InvalidJsonDependency",
       {{"a.md", WithSnippet("m.json")}, {"m.json", "{\"a\": [1,}\n"}},
       {"m.json:1:10: error: invalid JSON"}},
      {"JsonDeclaringDependencies",
       {{"a.md", WithSnippet("m.json")},
        {"m.json", "{\"dependencies\": {\"agents\": [{\"path\": \"x\"}]}}"}},
       {"m.json:1:2: error: dependencies declared in a JSON file"}},
      {"ContentTraversal",
       {{"a.md", std::string(kOn) + "{{ '../x.md' | content }}\n"}},
       {"a.md:5:4: error: content filter: '../x.md' leaves the project "
        "directory"}},
      {"ContentExtension",
       {{"a.md", std::string(kOn) + "{{ 'x.sh' | content }}\n"}, {"x.sh", ""}},
       {"a.md:5:4: error: content filter: 'x.sh' has extension '.sh'"}},
      {"ContentMissing",
       {{"a.md", std::string(kOn) + "{{ 'x.md' | content }}\n"}},
       {"a.md:5:4: error: content filter: file 'x.md' not found"}},
      {"ContentTooLarge",
       {{"a.md", std::string(kOn) + "{{ 'x.txt' | content }}\n"},
        {"x.txt", std::string(size_t{2} << 20, 'x')}},
       {"a.md:5:4: error: content filter: 'x.txt' is too large"}},
      {"UnreadableDependency",
       {{"a.md", WithSnippet("s.md")}, {"s.md", "s\n"}},
       {"a.md:4:13: error: cannot read 's.md': Permission denied"},
       {},
       [](MemoryFileSystem& fs) { fs.MakeUnreadable("s.md"); }},
      {"InvalidToml",
       {{"a.md", "x\n"}, {"agpm.toml", "[project\n"}},
       {"agpm.toml:1:", "error:"}},
      {"NonAsciiInToml",
       {{"a.md", "x\n"}, {"agpm.toml", "[project]\n\xc3\xa9 = 1\n"}},
       {"agpm.toml:2:1: error:"}},
      {"ProjectNotATable",
       {{"a.md", "x\n"}, {"agpm.toml", "project = 3\n"}},
       {"agpm.toml:1:11: error: 'project' must be a table"}},
      {"MissingProjectFile",
       {{"a.md", "x\n"}},
       {"agentgen: error: cannot read project file 'p.toml'"},
       {"--project-file", "p.toml"}},
      {"MissingSource",
       {},
       {"agentgen: error: cannot read 'a.md': no such file"}},
      {"SourceIsAFolder",
       {{"a.md/x", ""}},
       {"agentgen: error: cannot read 'a.md': not a regular file"}},
      {"PathWithANewline",
       {{"a\nb.md", "x\n"}},
       {"agentgen: error: path '/w/a\nb.md' cannot be written to a depfile"},
       {},
       nullptr,
       "a\nb.md"},
      {"PathWithABackslash",
       {{"a\\b.md", "x\n"}},
       {"agentgen: error: path '/w/a\\b.md' cannot be written to a depfile"},
       {},
       nullptr,
       "a\\b.md"},
      {"UnwritableOutputFolder",
       {{"a.md", "x\n"}},
       {"agentgen: error: cannot write '/w/out/a.md': No space left on device"},
       {},
       [](MemoryFileSystem& fs) { fs.FailWritesUnder("/w/out"); }},
      {"FullDiskForTheDepfile",
       {{"a.md", "x\n"}},
       {"agentgen: error: cannot create folder '/w/out/deps': No space left"},
       {"--depfile", "out/deps/a.d"},
       [](MemoryFileSystem& fs) { fs.FailWritesUnder("/w/out/deps"); }},
      {"InputFileTooLarge",
       {{"a.md", WithSnippet("big.md")},
        {"big.md", std::string(16 * 1024 * 1024 + 1, 'x')}},
       {"a.md:4:13: error: 'big.md' is larger than 16 MiB"}},
      {"DependenciesTooDeep",
       {{"a.md", WithSnippet("c1.md")}},
       {"c63.md:4:13: error: dependencies nest deeper than 64 levels"},
       {},
       [](MemoryFileSystem& fs) { AddChain(fs, 80); }},
      {"TooManyDependencies",
       {{"a.md", ManySnippets(4100)}},
       {"a.md:", "error: a render may read at most 4096 files"},
       {},
       [](MemoryFileSystem& fs) {
         for (int i = 0; i < 4100; ++i)
           fs.Add("m/" + std::to_string(i) + ".md", "");
       }},
      {"OutputTooLarge",
       {{"a.md",
         "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
         "    - path: s.md\n---\n{% for i in agpm.project.l %}"
         "{{ agpm.deps.snippets.s.content }}{% endfor %}\n"},
        {"s.md", std::string(size_t{1} << 20, 'x')},
        {"agpm.toml", "[project]\nl = [" + ListOf(80) + "]\n"}},
       {"a.md:8:", "error: the rendered text would exceed 64 MiB"}},
  };
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ExitsOneWithALocatedMessageAndChangesNothing) {
  const BadInput& input = GetParam();
  MemoryFileSystem fs("/w");
  for (const auto& [path, bytes] : input.files) fs.Add(path, bytes);
  fs.Add("out/a.md", "OLD\n");
  fs.Add("out/a.md.d", "old: dep\n");
  if (input.set_up) input.set_up(fs);

  std::vector<std::string> arguments = {"render", input.source, "-o",
                                        "out/a.md"};
  bool own_depfile =
      std::find(input.extra_arguments.begin(), input.extra_arguments.end(),
                "--depfile") != input.extra_arguments.end();
  if (!own_depfile) {
    arguments.push_back("--depfile");
    arguments.push_back("out/a.md.d");
  }
  arguments.insert(arguments.end(), input.extra_arguments.begin(),
                   input.extra_arguments.end());
  ParsedCommandLine parsed = ParseCommandLine(arguments);
  ASSERT_TRUE(parsed.run) << parsed.err;
  DiagnosticSink sink;
  EXPECT_EQ(RunRender(fs, parsed.options, "", sink), 1);
  std::string messages;
  for (const Diagnostic& diagnostic : sink.diagnostics())
    messages += FormatDiagnostic(diagnostic);
  for (const std::string& expected : input.expected)
    EXPECT_NE(messages.find(expected), std::string::npos)
        << "missing '" << expected << "' in:\n"
        << messages;
  EXPECT_EQ(fs.Contents("out/a.md"), "OLD\n");
  EXPECT_EQ(fs.Contents("out/a.md.d"), "old: dep\n");
  EXPECT_EQ(fs.FilesUnder("/w/out").size(), 2u) << "a file was left behind";
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInputTest,
                         ::testing::ValuesIn(Catalogue()),
                         [](const ::testing::TestParamInfo<BadInput>& param) {
                           return std::string(param.param.name);
                         });

TEST(BadInputCatalogueTest, HoldsAtLeastFortyCases) {
  EXPECT_GE(Catalogue().size(), 40u);
}

// Paths with spaces, '#' and '$' are fine: they are escaped in the depfile.
TEST(BadInputCatalogueTest, SpacesHashesAndDollarsInPathsRender) {
  MemoryFileSystem fs("/w");
  fs.Add("my agents/#1 $x.md", "x\n");
  ParsedCommandLine parsed =
      ParseCommandLine({"render", "my agents/#1 $x.md", "-o", "out/a.md",
                        "--depfile", "out/a.d"});
  DiagnosticSink sink;
  ASSERT_EQ(RunRender(fs, parsed.options, "", sink), 0);
  EXPECT_EQ(fs.Contents("out/a.d"),
            "/w/out/a.md: /w/my\\ agents/\\#1\\ $$x.md\n");
}

// A YAML alias bomb outside `dependencies:` is never expanded.
TEST(BadInputCatalogueTest, AnAliasBombIsNotExpanded) {
  std::string text = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'k'; ++name, ++previous) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", *" : "*") + previous;
    text += "]\n";
  }
  text += "---\nbody\n";
  MemoryFileSystem fs("/w");
  fs.Add("a.md", text);
  ParsedCommandLine parsed = ParseCommandLine({"render", "a.md", "-o", "o.md"});
  DiagnosticSink sink;
  ASSERT_EQ(RunRender(fs, parsed.options, "", sink), 0);
  EXPECT_EQ(fs.Contents("o.md"), text);
}

}  // namespace
}  // namespace agentgen
