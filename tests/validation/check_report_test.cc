// SPDX-License-Identifier: MIT
// The reports of `agentgen check --format json|sarif|github`: whole
// documents, columns in bytes and in UTF-16 code units, ends and fixes
// where known and absent where not, paths relative to the root, and
// GitHub's escaping.
#include "validation/check_report.h"

#include <gtest/gtest.h>

#include "support/memory_file_system.h"
#include "validation/check.h"

namespace agentgen {
namespace {

using nlohmann::json;

const ReportRoot kRoot{"/w/repo", "/w/repo"};

// A diagnostic about bytes [begin, end) of `text`, the whole of `file`;
// `end` npos when only the start is known.
Diagnostic About(const std::string& file, const std::string& text, size_t begin,
                 size_t end, const std::string& message,
                 const std::string& rule,
                 Severity severity = Severity::kError) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.where = LocateOffset(file, text, begin);
  if (end != std::string::npos) diagnostic.end = LocateOffset(file, text, end);
  diagnostic.message = message;
  diagnostic.rule = rule;
  return diagnostic;
}

Diagnostic Unplaced(const std::string& message) {
  Diagnostic diagnostic;
  diagnostic.message = message;
  return diagnostic;
}

// `colour: red` on the fourth line, with a did-you-mean as an edit.
Diagnostic Colour() {
  const std::string text = "---\nname: a\ndescription: x\ncolour: red\n---\n";
  Diagnostic diagnostic =
      About("agents/a.md", text, text.find("colour"), text.find("colour") + 6,
            "unknown key 'colour' for a Claude Code subagent; did you mean "
            "'color'?",
            "claude-code-agent.unknown-key", Severity::kWarning);
  diagnostic.replacement = "color";
  return diagnostic;
}

// A value after non-ASCII text: "é" is two bytes and one UTF-16 unit, "😀"
// four bytes and two units.
Diagnostic AfterNonAscii() {
  const std::string text = "---\ndescription: é😀 x\nmodel: gpt-4\n---\n";
  size_t x = text.find(" x") + 1;
  return About("agents/b.md", text, x, x + 1, "something about x",
               "claude-code-agent.description");
}

CheckOptions Options(CheckFormat format) {
  CheckOptions options;
  options.sources = {"agents/a.md"};
  options.format = format;
  return options;
}

TEST(CheckReportTest, Utf16ColumnsCountCodeUnits) {
  EXPECT_EQ(Utf16Column("model: x", 8), 8);
  EXPECT_EQ(Utf16Column("é: x", 5), 4);  // é is two bytes
  EXPECT_EQ(Utf16Column("€: x", 6), 4);  // € is three bytes
  EXPECT_EQ(Utf16Column("😀: x", 7), 5);  // four bytes, a surrogate pair
  EXPECT_EQ(Utf16Column("a😀b", 7), 5);   // just past b
  EXPECT_EQ(Utf16Column("ab", 5), 5);    // past the end: a unit a byte
  EXPECT_EQ(Utf16Column("", 1), 1);
  EXPECT_EQ(Utf16Column("abc", 0), 1);  // an unknown column is the first
}

TEST(CheckReportTest, PathsAreRelativeToTheRootWhenWithinIt) {
  ReportRoot root{"/w/repo", "/w"};
  EXPECT_EQ(RootRelativePath(root, "repo/agents/a.md"), "agents/a.md");
  EXPECT_EQ(RootRelativePath(root, "./repo/x/../a.md"), "a.md");
  EXPECT_EQ(RootRelativePath(root, "/w/repo/a.md"), "a.md");
  EXPECT_EQ(RootRelativePath(root, "other/a.md"), "other/a.md");
  EXPECT_EQ(RootRelativePath(root, "/elsewhere/a.md"), "/elsewhere/a.md");
  EXPECT_EQ(RootRelativePath(root, "repo-two/a.md"), "repo-two/a.md");
}

TEST(CheckReportTest, TheRootIsTheOptionElseTheFirstSourcesDefault) {
  MemoryFileSystem fs("/w/repo/sub");
  fs.AddDirectory("/w/repo/.git");
  fs.Add("/w/repo/sub/agents/a.md", "x");
  CheckOptions options;
  options.sources = {"agents/a.md"};
  ReportRoot found = FindReportRoot(fs, options);
  EXPECT_EQ(found.path, "/w/repo");
  EXPECT_EQ(found.directory, "/w/repo/sub");
  options.settings.root = "..";
  EXPECT_EQ(FindReportRoot(fs, options).path, "/w/repo");
  options.settings.root = "agents";
  EXPECT_EQ(FindReportRoot(fs, options).path, "/w/repo/sub/agents");

  MemoryFileSystem no_git("/w");
  no_git.Add("/w/agents/a.md", "x");
  options.settings.root.reset();
  EXPECT_EQ(FindReportRoot(no_git, options).path, "/w/agents");
}

TEST(CheckReportTest, TheJsonReportListsEveryDiagnostic) {
  MemoryFileSystem fs("/w");
  fs.Add("agents/b.md", "---\nname: b\ndescription: x\ncolor: mauve\n---\n");
  CheckOptions options;
  options.sources = {"agents/b.md", "agents/missing.md"};
  options.settings.root = ".";
  options.format = CheckFormat::kJson;
  DiagnosticSink sink;
  RunCheck(fs, options, sink);
  EXPECT_EQ(FormatCheckReport(options, FindReportRoot(fs, options), sink),
            R"({
  "column_unit": "utf-8-bytes",
  "diagnostics": [
    {
      "column": 8,
      "end_column": 13,
      "end_line": 4,
      "file": "agents/b.md",
      "fix": null,
      "line": 4,
      "message": "'color' should be one of red, blue, green, yellow, purple, orange, pink or cyan (the CLI's colours); got 'mauve'; Claude Code does not show other values",
      "rule": "claude-code-agent.color",
      "severity": "warning"
    },
    {
      "column": null,
      "end_column": null,
      "end_line": null,
      "file": null,
      "fix": null,
      "line": null,
      "message": "cannot read 'agents/missing.md': no such file",
      "rule": "input",
      "severity": "error"
    }
  ],
  "errors": 1,
  "files": [
    "agents/b.md",
    "agents/missing.md"
  ],
  "root": ".",
  "schema_version": 2,
  "tool": "claude-code",
  "warnings": 1
}
)");
}

TEST(CheckReportTest, JsonGivesTheEndAndTheFixInBytes) {
  json report = json::parse(FormatJsonReport(Options(CheckFormat::kJson), kRoot,
                                             {Colour(), AfterNonAscii()}));
  EXPECT_EQ(report["diagnostics"][0], json::parse(R"({
      "column": 1, "end_column": 7, "end_line": 4, "file": "agents/a.md",
      "fix": {"column": 1, "end_column": 7, "end_line": 4, "line": 4,
              "replacement": "color"},
      "line": 4,
      "message": "unknown key 'colour' for a Claude Code subagent; did you mean 'color'?",
      "rule": "claude-code-agent.unknown-key", "severity": "warning"})"));
  // "description: é😀 x": x is the 21st byte.
  EXPECT_EQ(report["diagnostics"][1]["column"], 21);
  EXPECT_EQ(report["diagnostics"][1]["end_column"], 22);
  EXPECT_TRUE(report["diagnostics"][1]["fix"].is_null());
  EXPECT_EQ(report["errors"], 1);
  EXPECT_EQ(report["warnings"], 1);
}

TEST(CheckReportTest, JsonNamesFilesRelativeToTheRoot) {
  CheckOptions options = Options(CheckFormat::kJson);
  options.sources = {"repo/agents/a.md", "../outside.md"};
  Diagnostic inside = Colour();
  inside.where.file = "repo/agents/a.md";
  Diagnostic outside = Unplaced("no frontmatter");
  outside.where.file = "../outside.md";
  json report = json::parse(
      FormatJsonReport(options, {"/w/repo", "/w"}, {inside, outside}));
  EXPECT_EQ(report["files"],
            json::parse(R"(["agents/a.md", "../outside.md"])"));
  EXPECT_EQ(report["root"], "repo");
  EXPECT_EQ(report["diagnostics"][0]["file"], "agents/a.md");
  EXPECT_EQ(report["diagnostics"][1]["file"], "../outside.md");
  EXPECT_TRUE(report["diagnostics"][1]["line"].is_null());
}

TEST(CheckReportTest, SarifIsOneRunWithEveryRuleUsedOnce) {
  Diagnostic model = AfterNonAscii();
  model.rule = "claude-code-agent.model";
  std::string sarif = FormatSarifReport(
      kRoot, {Colour(), model, model, Unplaced("cannot read 'x.md'")});
  EXPECT_EQ(sarif, R"({
  "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
  "runs": [
    {
      "columnKind": "utf16CodeUnits",
      "originalUriBaseIds": {
        "%SRCROOT%": {
          "uri": "file:///w/repo/"
        }
      },
      "results": [
        {
          "fixes": [
            {
              "artifactChanges": [
                {
                  "artifactLocation": {
                    "uri": "agents/a.md",
                    "uriBaseId": "%SRCROOT%"
                  },
                  "replacements": [
                    {
                      "deletedRegion": {
                        "endColumn": 7,
                        "endLine": 4,
                        "startColumn": 1,
                        "startLine": 4
                      },
                      "insertedContent": {
                        "text": "color"
                      }
                    }
                  ]
                }
              ],
              "description": {
                "text": "Replace with 'color'"
              }
            }
          ],
          "level": "warning",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "agents/a.md",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "endColumn": 7,
                  "endLine": 4,
                  "startColumn": 1,
                  "startLine": 4
                }
              }
            }
          ],
          "message": {
            "text": "unknown key 'colour' for a Claude Code subagent; did you mean 'color'?"
          },
          "ruleId": "claude-code-agent.unknown-key",
          "ruleIndex": 1
        },
        {
          "level": "error",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "agents/b.md",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "endColumn": 19,
                  "endLine": 2,
                  "startColumn": 18,
                  "startLine": 2
                }
              }
            }
          ],
          "message": {
            "text": "something about x"
          },
          "ruleId": "claude-code-agent.model",
          "ruleIndex": 0
        },
        {
          "level": "error",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "agents/b.md",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "endColumn": 19,
                  "endLine": 2,
                  "startColumn": 18,
                  "startLine": 2
                }
              }
            }
          ],
          "message": {
            "text": "something about x"
          },
          "ruleId": "claude-code-agent.model",
          "ruleIndex": 0
        },
        {
          "level": "error",
          "message": {
            "text": "cannot read 'x.md'"
          },
          "ruleId": "render",
          "ruleIndex": 2
        }
      ],
      "tool": {
        "driver": {
          "name": "agentgen",
          "rules": [
            {
              "id": "claude-code-agent.model"
            },
            {
              "id": "claude-code-agent.unknown-key"
            },
            {
              "id": "render"
            }
          ],
          "version": ")" AGENTGEN_VERSION R"("
        }
      }
    }
  ],
  "version": "2.1.0"
}
)");
}

TEST(CheckReportTest, SarifRegionsStopWhereTheKnownPlaceDoes) {
  // Only the start: no end in the region, and no fix without an end.
  Diagnostic start_only = AfterNonAscii();
  start_only.end = Location();
  start_only.replacement = "y";
  // The whole file: a location without a region.
  Diagnostic whole_file = Unplaced("no frontmatter");
  whole_file.where.file = "agents/c.md";
  json sarif = json::parse(FormatSarifReport(kRoot, {start_only, whole_file}));
  const json& results = sarif["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine": 2, "startColumn": 18})"));
  EXPECT_FALSE(results[0].contains("fixes"));
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"],
            json::parse(R"({"artifactLocation":
                {"uri": "agents/c.md", "uriBaseId": "%SRCROOT%"}})"));
}

TEST(CheckReportTest, SarifEndsOnALaterLineCountOnThatLine) {
  const std::string text = "tools:\n  - Réad\n";
  Diagnostic span = About("agents/a.md", text, 0, text.find("d\n") + 1,
                          "spans two lines", "claude-code-agent.tools");
  json region = json::parse(
      FormatSarifReport(kRoot, {span}))["runs"][0]["results"][0]["locations"][0]
                                       ["physicalLocation"]["region"];
  EXPECT_EQ(region, json::parse(R"({"startLine": 1, "startColumn": 1,
                                    "endLine": 2, "endColumn": 9})"));
}

TEST(CheckReportTest, SarifNamesFilesOutsideTheRootByAbsoluteUri) {
  Diagnostic outside = Colour();
  outside.where.file = "../shared/my agent.md";
  Diagnostic inside = Colour();
  inside.where.file = "agents/ü #1.md";
  json results = json::parse(
      FormatSarifReport(kRoot, {outside, inside}))["runs"][0]["results"];
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
            json::parse(R"({"uri": "file:///w/shared/my%20agent.md"})"));
  EXPECT_EQ(results[0]["fixes"][0]["artifactChanges"][0]["artifactLocation"],
            json::parse(R"({"uri": "file:///w/shared/my%20agent.md"})"));
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["artifactLocation"],
            json::parse(R"({"uri": "agents/%C3%BC%20%231.md",
                            "uriBaseId": "%SRCROOT%"})"));
}

TEST(CheckReportTest, SarifOfNoDiagnosticsIsAnEmptyRun) {
  json sarif = json::parse(FormatSarifReport(kRoot, {}));
  EXPECT_EQ(sarif["runs"][0]["results"], json::array());
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"], json::array());
}

TEST(CheckReportTest, GithubPrintsOneCommandADiagnostic) {
  Diagnostic start_only = AfterNonAscii();
  start_only.end = Location();
  Diagnostic whole_file = Unplaced("no frontmatter");
  whole_file.where.file = "agents/c.md";
  EXPECT_EQ(FormatGithubReport(kRoot, {Colour(), AfterNonAscii(), start_only,
                                       whole_file, Unplaced("no root")}),
            "::warning file=agents/a.md,line=4,col=1,endLine=4,endColumn=7,"
            "title=claude-code-agent.unknown-key::unknown key 'colour' for a "
            "Claude Code subagent; did you mean 'color'?\n"
            "::error file=agents/b.md,line=2,col=21,endLine=2,endColumn=22,"
            "title=claude-code-agent.description::something about x\n"
            "::error file=agents/b.md,line=2,col=21,"
            "title=claude-code-agent.description::something about x\n"
            "::error file=agents/c.md,title=render::no frontmatter\n"
            "::error::no root\n");
}

TEST(CheckReportTest, GithubEscapesMessagesAndProperties) {
  Diagnostic odd = Unplaced("100% wrong:\r\nsee, here: %0A");
  odd.where.file = "/w/repo/a,b:c%.md";
  odd.rule = "x:y,z";
  EXPECT_EQ(FormatGithubReport(kRoot, {odd}),
            "::error file=a%2Cb%3Ac%25.md,title=x%3Ay%2Cz::100%25 wrong:%0D%0A"
            "see, here: %250A\n");
}

TEST(CheckReportTest, GithubNamesFilesRelativeToTheRoot) {
  Diagnostic inside = Colour();
  inside.where.file = "repo/agents/a.md";
  Diagnostic outside = Colour();
  outside.where.file = "elsewhere/a.md";
  std::string lines = FormatGithubReport({"/w/repo", "/w"}, {inside, outside});
  EXPECT_NE(lines.find("::warning file=agents/a.md,"), std::string::npos)
      << lines;
  EXPECT_NE(lines.find("::warning file=elsewhere/a.md,"), std::string::npos)
      << lines;
}

TEST(CheckReportTest, TextHasNoReport) {
  DiagnosticSink sink;
  sink.Error({}, "x");
  EXPECT_EQ(FormatCheckReport(Options(CheckFormat::kText), kRoot, sink), "");
  EXPECT_EQ(FormatCheckReport(Options(CheckFormat::kGithub), kRoot, sink),
            "::error::x\n");
}

}  // namespace
}  // namespace agentgen
