// SPDX-License-Identifier: MIT
#include "inputs/yaml_frontmatter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "inputs/frontmatter.h"
#include "support/yaml_load_comparison.h"

namespace agentgen {
namespace {

// Parses the frontmatter of `file` (a.md) the way the renderer does: the YAML
// text is the slice between the delimiters, located through the whole file.
struct Parsed {
  std::optional<YamlDocument> document;
  std::vector<std::string> diagnostics;  // each printed in full
};

Parsed ParseFile(const std::string& file) {
  DiagnosticSink sink;
  std::optional<Frontmatter> parts =
      SplitFrontmatter(file, SliceLocator("a.md", file, 0), sink);
  EXPECT_TRUE(parts.has_value() && parts->present) << file;
  Parsed parsed;
  if (!parts || !parts->present) return parsed;
  std::string_view yaml = std::string_view(file).substr(
      parts->yaml_begin, parts->yaml_end - parts->yaml_begin);
  parsed.document = ParseFrontmatterYaml(
      yaml, SliceLocator("a.md", file, parts->yaml_begin), sink);
  for (const Diagnostic& diagnostic : sink.diagnostics()) {
    parsed.diagnostics.push_back(FormatDiagnostic(diagnostic));
  }
  EXPECT_EQ(parsed.document.has_value(), !sink.has_errors()) << file;
  return parsed;
}

// The diagnostics of a file that must fail, joined.
std::string Errors(const std::string& file) {
  Parsed parsed = ParseFile(file);
  EXPECT_FALSE(parsed.document.has_value()) << file;
  std::string joined;
  for (const std::string& diagnostic : parsed.diagnostics) joined += diagnostic;
  return joined;
}

// The document of a file that must parse.
YamlDocument Document(const std::string& file) {
  Parsed parsed = ParseFile(file);
  EXPECT_TRUE(parsed.diagnostics.empty()) << file;
  if (!parsed.document) return YamlDocument();
  return std::move(*parsed.document);
}

// The scalar at `path` (mapping keys, one per level) below `node`.
std::string ScalarAt(const YamlNode& node,
                     std::initializer_list<const char*> path) {
  const YamlNode* at = &node;
  for (const char* key : path) at = &MappingValue(*at, key);
  EXPECT_TRUE(at->IsScalar());
  return at->scalar();
}

TEST(YamlFrontmatterTest, ReadsAMapping) {
  YamlDocument document = Document(
      "---\nname: a\ntools: [Read, Write]\nagpm:\n  templating: true\n"
      "---\nbody\n");
  const YamlNode& root = document.root();
  ASSERT_TRUE(root.IsMap());
  EXPECT_EQ(ScalarAt(root, {"name"}), "a");
  EXPECT_EQ(MappingValue(root, "tools").size(), 2u);
  EXPECT_EQ(ScalarAt(root, {"agpm", "templating"}), "true");
}

TEST(YamlFrontmatterTest, EmptyTextIsAnEmptyMapping) {
  for (const char* file : {"---\n---\n", "---\n\n# only a comment\n---\nx",
                           "---\n# c\n---\n", "---\n&a\n---\n"}) {
    YamlDocument document = Document(file);
    EXPECT_TRUE(document.root().IsMap()) << file;
    EXPECT_EQ(document.root().size(), 0u) << file;
  }
}

TEST(YamlFrontmatterTest, CrlfTextIsRead) {
  YamlDocument document = Document("---\r\nname: a\r\nb: 'c'\r\n---\r\n");
  EXPECT_EQ(ScalarAt(document.root(), {"b"}), "c");
}

TEST(YamlFrontmatterTest, NodeOffsetsAreByteOffsetsIntoTheYamlText) {
  // "é" is two bytes; yaml-cpp must count bytes, not characters.
  std::string file = "---\nd\xC3\xA9j\xC3\xA0: \xC3\xA9t\xC3\xA9\nk: v\n---\n";
  YamlDocument document = Document(file);
  ASSERT_TRUE(document.root().IsMap());
  EXPECT_EQ(MappingValue(document.root(), "k").offset(), 17u);
  EXPECT_EQ(file.substr(4 + 17, 4), "v\n--");
}

TEST(YamlFrontmatterTest, ANodeStartsAtItsFirstProperty) {
  std::string yaml = "a: !!str &x b\nc: &y\n  - d\n";
  YamlDocument document = Document("---\n" + yaml + "---\n");
  EXPECT_EQ(MappingValue(document.root(), "a").offset(), yaml.find('!'));
  EXPECT_EQ(MappingValue(document.root(), "c").offset(), yaml.find("&y"));
}

TEST(YamlFrontmatterTest, KindsAndTagsAreYamlCpps) {
  YamlDocument document = Document(
      "---\nplain: x\nsingle: 'x'\ndouble: \"x\"\nblock: |\n  x\n"
      "folded: >\n  x\ntagged: !!str x\nlocal: !mine x\nempty:\ntilde: ~\n"
      "null_word: Null\nquoted_null: '~'\ntagged_null: !!null ~\n"
      "list: [a, b]\nmap: {a: b}\n---\n");
  const YamlNode& root = document.root();
  auto tag = [&root](const char* key) { return MappingValue(root, key).tag(); };
  EXPECT_EQ(tag("plain"), "?");
  EXPECT_EQ(tag("single"), "!");
  EXPECT_EQ(tag("double"), "!");
  EXPECT_EQ(tag("block"), "!");
  EXPECT_EQ(tag("folded"), "!");
  EXPECT_EQ(tag("tagged"), "tag:yaml.org,2002:str");
  EXPECT_EQ(tag("local"), "!mine");
  EXPECT_EQ(ScalarAt(root, {"block"}), "x\n");
  // yaml-cpp reads a plain `~` or `null` as a null; quoted or tagged, it is
  // a scalar.
  EXPECT_TRUE(MappingValue(root, "empty").IsNull());
  EXPECT_TRUE(MappingValue(root, "tilde").IsNull());
  EXPECT_TRUE(MappingValue(root, "null_word").IsNull());
  EXPECT_EQ(ScalarAt(root, {"quoted_null"}), "~");
  EXPECT_EQ(ScalarAt(root, {"tagged_null"}), "~");
  EXPECT_TRUE(MappingValue(root, "list").IsSequence());
  EXPECT_EQ(tag("list"), "?");
  EXPECT_TRUE(MappingValue(root, "map").IsMap());
  EXPECT_FALSE(MappingValue(root, "absent").IsDefined());
}

TEST(YamlFrontmatterTest, EntriesKeepDocumentOrder) {
  YamlDocument document =
      Document("---\nz: 1\na: 2\nm: [3, 4]\n? [k]\n: 5\n---\n");
  std::vector<std::string> keys;
  for (const YamlNode::Entry& entry : document.root().entries()) {
    keys.push_back(entry.key->IsScalar() ? entry.key->scalar() : "[...]");
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"z", "a", "m", "[...]"}));
  const YamlNode& list = MappingValue(document.root(), "m");
  ASSERT_EQ(list.items().size(), 2u);
  EXPECT_EQ(list.items()[0]->scalar(), "3");
  EXPECT_EQ(list.items()[1]->scalar(), "4");
}

TEST(YamlFrontmatterTest, ADuplicateKeyIsAnErrorAtTheSecondOne) {
  EXPECT_EQ(Errors("---\nname: a\ndescription: one\nagpm:\n  templating: "
                   "true\ndescription: two\n---\nx\n"),
            "a.md:6:1: error: duplicate key 'description' (first at line 3)\n"
            "description: two\n"
            "^\n");
}

TEST(YamlFrontmatterTest, DuplicateKeysAreFoundInNestedMappings) {
  EXPECT_EQ(Errors("---\nagpm:\n  templating: true\n  templating: false\n"
                   "---\n"),
            "a.md:4:3: error: duplicate key 'templating' (first at line 3)\n"
            "  templating: false\n"
            "  ^\n");
  EXPECT_EQ(Errors("---\nlist:\n  - {a: 1, b: 2, a: 3}\n---\n"),
            "a.md:3:18: error: duplicate key 'a' (first at line 3)\n"
            "  - {a: 1, b: 2, a: 3}\n"
            "                 ^\n");
}

TEST(YamlFrontmatterTest, QuotingDoesNotMakeAKeyDifferent) {
  EXPECT_EQ(Errors("---\nname: a\n'name': b\n---\n"),
            "a.md:3:1: error: duplicate key 'name' (first at line 2)\n"
            "'name': b\n"
            "^\n");
}

TEST(YamlFrontmatterTest, EveryDuplicateKeyIsReported) {
  EXPECT_EQ(Errors("---\na: 1\na: 2\nb: 1\nb: 2\n---\n"),
            "a.md:3:1: error: duplicate key 'a' (first at line 2)\na: 2\n^\n"
            "a.md:5:1: error: duplicate key 'b' (first at line 4)\nb: 2\n^\n");
}

TEST(YamlFrontmatterTest, TheSameKeyInDifferentMappingsIsFine) {
  YamlDocument document =
      Document("---\na:\n  x: 1\nb:\n  x: 2\nc: [{x: 1}, {x: 2}]\n---\n");
  EXPECT_EQ(ScalarAt(document.root(), {"b", "x"}), "2");
}

TEST(YamlFrontmatterTest, DuplicateKeyLinesCountCrlfFileLines) {
  EXPECT_EQ(Errors("---\r\na: 1\r\nb: 2\r\na: 3\r\n---\r\n"),
            "a.md:4:1: error: duplicate key 'a' (first at line 2)\n"
            "a: 3\n"
            "^\n");
}

TEST(YamlFrontmatterTest, AnAliasedKeyIsComparedByItsAnchoredText) {
  EXPECT_EQ(Errors("---\n&k name: a\n*k : b\n---\n"),
            "a.md:3:1: error: duplicate key 'name' (first at line 2)\n"
            "*k : b\n"
            "^\n");
}

TEST(YamlFrontmatterTest, AnUnclosedDoubleQuoteIsAnErrorAtTheQuote) {
  // yaml-cpp by itself takes the rest of the text as the value.
  EXPECT_EQ(Errors("---\nname: a\ndescription: \"Reviews code\nmodel: x\n---\n"
                   "body\n"),
            "a.md:3:14: error: quoted scalar is not closed\n"
            "description: \"Reviews code\n"
            "             ^\n");
}

TEST(YamlFrontmatterTest, AnUnclosedSingleQuoteIsAnErrorAtTheQuote) {
  EXPECT_EQ(Errors("---\na: 'it''s\nb: c\n---\n"),
            "a.md:2:4: error: quoted scalar is not closed\n"
            "a: 'it''s\n"
            "   ^\n");
}

TEST(YamlFrontmatterTest, AnEscapedQuoteDoesNotClose) {
  EXPECT_EQ(Errors("---\na: \"say \\\"hi\\\"\n---\n"),
            "a.md:2:4: error: quoted scalar is not closed\n"
            "a: \"say \\\"hi\\\"\n"
            "   ^\n");
}

TEST(YamlFrontmatterTest, AnUnclosedQuoteInAFlowSequenceIsReportedAsSuch) {
  // Not yaml-cpp's "end of sequence flow not found", which follows from it.
  EXPECT_EQ(Errors("---\ntools: [Read, \"Write]\n---\n"),
            "a.md:2:15: error: quoted scalar is not closed\n"
            "tools: [Read, \"Write]\n"
            "              ^\n");
}

TEST(YamlFrontmatterTest, AnUnclosedQuoteAfterATagIsFound) {
  EXPECT_EQ(Errors("---\na: !!str &x 'b\n---\n"),
            "a.md:2:13: error: quoted scalar is not closed\n"
            "a: !!str &x 'b\n"
            "            ^\n");
}

TEST(YamlFrontmatterTest, QuotesThatCloseAreFine) {
  YamlDocument document = Document(
      "---\na: \"x\"\nb: 'it''s'\nc: \"multi\n  line\"\nd: \"\\\\\"\n"
      "e: |\n  \"not a quote\n# it's\nf: don't\n---\n");
  const YamlNode& root = document.root();
  EXPECT_EQ(ScalarAt(root, {"b"}), "it's");
  EXPECT_EQ(ScalarAt(root, {"c"}), "multi line");
  EXPECT_EQ(ScalarAt(root, {"d"}), "\\");
  EXPECT_EQ(ScalarAt(root, {"e"}), "\"not a quote\n");
  EXPECT_EQ(ScalarAt(root, {"f"}), "don't");
}

TEST(YamlFrontmatterTest, AScalarRootIsNotAMapping) {
  EXPECT_EQ(Errors("---\njust text\n---\n"),
            "a.md:2:1: error: frontmatter must be a YAML mapping\n"
            "just text\n"
            "^\n");
  EXPECT_EQ(Errors("---\n\n  ~\n---\n"),
            "a.md:3:3: error: frontmatter must be a YAML mapping\n"
            "  ~\n"
            "  ^\n");
}

TEST(YamlFrontmatterTest, ASequenceRootIsNotAMapping) {
  EXPECT_EQ(Errors("---\n# tools\n- Read\n- Write\n---\n"),
            "a.md:3:1: error: frontmatter must be a YAML mapping\n"
            "- Read\n"
            "^\n");
  EXPECT_EQ(Errors("---\n[a, b]\n---\n"),
            "a.md:2:1: error: frontmatter must be a YAML mapping\n"
            "[a, b]\n"
            "^\n");
}

// The caller tells YAML that is only not a mapping (yaml-cpp reads `- a`
// then `k: v` as the sequence alone) from text that is not YAML.
TEST(YamlFrontmatterTest, NotAMappingIsToldFromNotYaml) {
  DiagnosticSink sink;
  Locator locate = [](size_t) { return Location{}; };
  std::optional<YamlSyntaxError> not_yaml;
  EXPECT_FALSE(ParseFrontmatterYaml("- a\nk: v\n", locate, sink, &not_yaml));
  ASSERT_TRUE(not_yaml);
  EXPECT_TRUE(not_yaml->not_mapping);
  EXPECT_EQ(not_yaml->offset, 0u);
  not_yaml.reset();
  EXPECT_FALSE(ParseFrontmatterYaml("just text\n", locate, sink, &not_yaml));
  ASSERT_TRUE(not_yaml);
  EXPECT_TRUE(not_yaml->not_mapping);
  not_yaml.reset();
  EXPECT_FALSE(ParseFrontmatterYaml("a: b: c\n", locate, sink, &not_yaml));
  ASSERT_TRUE(not_yaml);
  EXPECT_FALSE(not_yaml->not_mapping);
  EXPECT_FALSE(sink.has_errors());
}

TEST(YamlFrontmatterTest, YamlCppErrorsAreLocatedInTheFile) {
  EXPECT_EQ(Errors("---\nname: a\nb: c: d\n---\n"),
            "a.md:3:5: error: illegal map value\n"
            "b: c: d\n"
            "    ^\n");
}

TEST(YamlFrontmatterTest, YamlCppErrorsAfterMultiByteCharactersAreInBytes) {
  EXPECT_EQ(Errors("---\nn\xC3\xA9: \xC3\xA9\xC3\xA9\nb: c: d\n---\n"),
            "a.md:3:5: error: illegal map value\n"
            "b: c: d\n"
            "    ^\n");
  EXPECT_EQ(Errors("---\n\xC3\xA9: x \xC3\xA9: y\n---\n"),
            "a.md:2:9: error: illegal map value\n"
            "\xC3\xA9: x \xC3\xA9: y\n"
            "        ^\n");
}

TEST(YamlFrontmatterTest, AnErrorAtTheEndPointsAtTheClosingLine) {
  EXPECT_EQ(Errors("---\ntools: [Read,\n---\nbody\n"),
            "a.md:3:1: error: end of sequence flow not found\n"
            "---\n"
            "^\n");
}

TEST(YamlFrontmatterTest, TabsInIndentationAreErrorsThatSaySo) {
  EXPECT_EQ(Errors("---\na: 1\n\tb: 2\n---\n"),
            "a.md:3:1: error: tab in indentation (YAML indents with spaces)\n"
            "\tb: 2\n"
            "^\n");
  // yaml-cpp's own reason here ("illegal map value") would not name the tab.
  EXPECT_EQ(Errors("---\na:\n  x: 1\n \tb: 1\n---\n"),
            "a.md:4:2: error: tab in indentation (YAML indents with spaces)\n"
            " \tb: 1\n"
            " ^\n");
}

TEST(YamlFrontmatterTest, ATabInsideABlockScalarIsContent) {
  YamlDocument document = Document("---\nd: |\n  x\n  \ty\n---\n");
  EXPECT_EQ(ScalarAt(document.root(), {"d"}), "x\n\ty\n");
}

TEST(YamlFrontmatterTest, AnUndefinedAliasIsAnError) {
  EXPECT_EQ(Errors("---\na: *nope\n---\n"),
            "a.md:2:4: error: the referenced anchor is not defined\n"
            "a: *nope\n"
            "   ^\n");
}

TEST(YamlFrontmatterTest, ABadEscapeIsAnError) {
  EXPECT_EQ(Errors("---\na: \"\\q\"\n---\n"),
            "a.md:2:7: error: unknown escape character: q\n"
            "a: \"\\q\"\n"
            "      ^\n");
}

TEST(YamlFrontmatterTest, ASecondDocumentIsAnError) {
  EXPECT_EQ(Errors("---\na: 1\n...\nb: 2\n---\n"),
            "a.md:4:1: error: frontmatter holds more than one YAML document\n"
            "b: 2\n"
            "^\n");
}

TEST(YamlFrontmatterTest, AByteOrderMarkAtTheStartIsAnError) {
  // yaml-cpp would skip it and count every position three bytes short.
  EXPECT_EQ(Errors("---\n\xEF\xBB\xBFname: a\n---\n"),
            "a.md:2:1: error: frontmatter starts with a UTF-8 byte-order "
            "mark\n"
            "\xEF\xBB\xBFname: a\n"
            "^\n");
}

TEST(YamlFrontmatterTest, AliasesAreSharedNotExpanded) {
  // Ten references per level, thirty levels: 10^30 leaves if expanded.
  std::string file = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level < 30; ++level) {
    std::string previous = "*a" + std::to_string(level - 1);
    file += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) file += (i ? ", " : "") + previous;
    file += "]\n";
  }
  file += "---\n";
  YamlDocument document = Document(file);
  const YamlNode& root = document.root();
  EXPECT_EQ(root.size(), 30u);
  const YamlNode& top = MappingValue(root, "a29");
  ASSERT_EQ(top.size(), 10u);
  // Each alias is the anchored node itself.
  for (const YamlNode* item : top.items()) {
    EXPECT_EQ(item, &MappingValue(root, "a28"));
  }
}

TEST(YamlFrontmatterTest, AnAliasIsTheAnchoredNodeWithItsOffset) {
  std::string yaml = "a: &s text\nb: *s\nc: &m {k: v}\nd: [*m, *s]\n";
  YamlDocument document = Document("---\n" + yaml + "---\n");
  const YamlNode& root = document.root();
  EXPECT_EQ(&MappingValue(root, "b"), &MappingValue(root, "a"));
  EXPECT_EQ(MappingValue(root, "b").offset(), yaml.find("&s"));
  const YamlNode& list = MappingValue(root, "d");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.items()[0], &MappingValue(root, "c"));
  EXPECT_EQ(list.items()[1], &MappingValue(root, "a"));
}

TEST(YamlFrontmatterTest, ACollectionMayHoldItself) {
  // yaml-cpp names an anchor before reading the node's content.
  YamlDocument document = Document("---\na: &s [x, *s]\nb: &m {k: *m}\n---\n");
  const YamlNode& list = MappingValue(document.root(), "a");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.items()[1], &list);
  const YamlNode& map = MappingValue(document.root(), "b");
  EXPECT_EQ(&MappingValue(map, "k"), &map);
}

TEST(YamlFrontmatterTest, DeepNestingIsAnErrorNotACrash) {
  std::string file = "---\na: " + std::string(100000, '[') + "\n---\n";
  std::string errors = Errors(file);
  EXPECT_EQ(errors.rfind("a.md:2:", 0), 0u) << errors.substr(0, 200);
  EXPECT_NE(errors.find(": error: frontmatter nests too deeply\n"),
            std::string::npos)
      << errors.substr(0, 200);
}

TEST(YamlFrontmatterTest, DeepBlockNestingIsLocatedAtTheLevelTooMany) {
  std::string file = "---\n";
  for (int level = 0; level < 150; ++level) {
    file += std::string(static_cast<size_t>(level), ' ') + "k:\n";
  }
  file += "---\n";
  // The root mapping is level 1, so the 101st mapping starts on line 102.
  std::string line = std::string(100, ' ') + "k:";
  EXPECT_EQ(Errors(file),
            "a.md:102:101: error: frontmatter nests too deeply\n" + line +
                "\n" + std::string(100, ' ') + "^\n");
}

TEST(YamlFrontmatterTest, ModerateNestingIsFine) {
  std::string file = "---\n";
  for (int level = 0; level < 50; ++level) {
    file += std::string(static_cast<size_t>(level), ' ') + "k:\n";
  }
  file += "---\n";
  EXPECT_TRUE(Document(file).root().IsMap());
}

// The tree must be the node YAML::Load used to give, node for node, for every
// frontmatter the tests and samples hold and for the corners of YAML below.
TEST(YamlFrontmatterTest, TheTreeIsWhatYamlCppLoads) {
  std::vector<std::string> corners = {
      "---\na: 1\n---\n",
      "---\n---\n",
      "---\n# only a comment\n---\n",
      "---\n: v\n---\n",
      "---\n? k\n? [l]\n: v\n? {m: n}\n: ~\n---\n",
      "---\na: [b: c, : d, e]\nf: {g, h: , : i}\n---\n",
      "---\na:\n- b\n-\n- - c\n  - ~\n-   d: e\n    f: g\n---\n",
      "---\na: &x !!str\nb: *x\nc: !foo\nd: &y\ne: *y\n---\n",
      "---\na: !!int 1\nb: !!map {c: d}\nc: !!seq [e]\nd: !<tag:x> f\n---\n",
      "---\n%TAG ! tag:example.com,2000:\n---\na: !b c\n---\n",
      "---\na: |+\n  x\n\nb: >-\n  y\n  z\nc: \"\\u00e9\\t\"\n---\n",
      "---\na: null\nb: NULL\nc: Null\nd: nULL\ne: '~'\nf: ''\ng: \"\"\n---\n",
      "---\n&r a: &s [x, *s, &t {k: *t}]\n*s : *r\n---\n",
      "---\na: 'multi\n  line'\nb: plain\n  folded\n---\n",
      "---\nd\xC3\xA9j\xC3\xA0: \xC3\xA9t\xC3\xA9\nk: v\n---\n",
      "---\r\nname: a\r\nlist:\r\n  - x\r\n---\r\n",
  };
  std::vector<std::string> files = corners;
  std::vector<std::filesystem::path> folders = {
      std::filesystem::path(AGENTGEN_TEST_DATA_DIR),
      std::filesystem::path(AGENTGEN_TEST_DATA_DIR) /
          "../fuzz/corpus/frontmatter",
      std::filesystem::path(AGENTGEN_TEST_DATA_DIR) / "../../samples"};
  for (const std::filesystem::path& folder : folders) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(folder)) {
      if (entry.path().extension() != ".md") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      files.push_back(bytes.str());
    }
  }
  size_t compared = 0;
  for (const std::string& file : files) {
    DiagnosticSink sink;
    Locator locate = SliceLocator("a.md", file, 0);
    std::optional<Frontmatter> parts = SplitFrontmatter(file, locate, sink);
    if (!parts || !parts->present) {
      EXPECT_GE(compared, corners.size()) << file;
      continue;
    }
    std::string_view yaml = std::string_view(file).substr(
        parts->yaml_begin, parts->yaml_end - parts->yaml_begin);
    std::optional<YamlDocument> document = ParseFrontmatterYaml(
        yaml, SliceLocator("a.md", file, parts->yaml_begin), sink);
    bool corner = compared < corners.size();
    if (!document) {
      // Every corner must parse; the files include bad input on purpose.
      EXPECT_FALSE(corner) << file;
      continue;
    }
    EXPECT_EQ(DifferenceFromYamlLoad(document->root(), yaml), "") << file;
    ++compared;
  }
  EXPECT_GT(compared, corners.size() + 50);
}

}  // namespace
}  // namespace agentgen
