// SPDX-License-Identifier: MIT
#include "validation/check_report.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "base/paths.h"
#include "inputs/workspace.h"

namespace agentgen {
namespace {

using nlohmann::json;

// The rule id every report shows: the render's own diagnostics have none.
std::string RuleOf(const Diagnostic& diagnostic) {
  return diagnostic.rule.empty() ? "render" : diagnostic.rule;
}

bool IsError(const Diagnostic& diagnostic) {
  return diagnostic.severity == Severity::kError;
}

// Whether the diagnostic is at a line of a file (not the whole file, not
// the run).
bool HasLine(const Diagnostic& diagnostic) {
  return !diagnostic.where.file.empty() && diagnostic.where.line > 0;
}

bool HasEnd(const Diagnostic& diagnostic) {
  return HasLine(diagnostic) && diagnostic.end.line > 0;
}

bool HasFix(const Diagnostic& diagnostic) {
  return HasEnd(diagnostic) && diagnostic.replacement.has_value();
}

int ColumnOf(const Location& where) { return std::max(where.column, 1); }

// The text of the end's line, which a diagnostic built by hand may have
// left empty when it is `where`'s line.
std::string_view EndLineText(const Diagnostic& diagnostic) {
  const Location& end = diagnostic.end;
  if (end.line_text.empty() && end.line == diagnostic.where.line)
    return diagnostic.where.line_text;
  return end.line_text;
}

// Serialised the same way on every run; a message is UTF-8 because every
// input passed the reader's byte checks, but a bad byte must not abort the
// report.
std::string Dumped(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// --- json ---------------------------------------------------------------

json JsonDiagnostic(const ReportRoot& root, const Diagnostic& diagnostic) {
  const Location& where = diagnostic.where;
  bool placed = HasLine(diagnostic);
  bool ends = HasEnd(diagnostic);
  json fix;  // null
  if (HasFix(diagnostic)) {
    fix = {{"replacement", *diagnostic.replacement},
           {"line", where.line},
           {"column", ColumnOf(where)},
           {"end_line", diagnostic.end.line},
           {"end_column", ColumnOf(diagnostic.end)}};
  }
  return {
      {"file",
       where.file.empty() ? json() : json(RootRelativePath(root, where.file))},
      {"line", placed ? json(where.line) : json()},
      {"column", placed ? json(ColumnOf(where)) : json()},
      {"end_line", ends ? json(diagnostic.end.line) : json()},
      {"end_column", ends ? json(ColumnOf(diagnostic.end)) : json()},
      {"severity", IsError(diagnostic) ? "error" : "warning"},
      {"message", diagnostic.message},
      {"rule", RuleOf(diagnostic)},
      {"fix", std::move(fix)}};
}

// --- sarif --------------------------------------------------------------

// What `uriBaseId` names: the root, given in `originalUriBaseIds`.
constexpr char kRootBase[] = "%SRCROOT%";

// A path as a URI reference: '/' separates segments and every byte outside
// RFC 3986's unreserved set is percent-encoded.
std::string UriPath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string uri;
  for (char c : path) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '/') {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    }
  }
  return uri;
}

// A file relative to the root, or by its absolute `file:` URI when it lies
// outside.
json ArtifactLocation(const ReportRoot& root, const std::string& file) {
  std::string absolute = AbsoluteNormal(root.directory, file);
  if (IsWithin(absolute, root.path) && absolute != root.path)
    return {{"uri", UriPath(RelativeTo(absolute, root.path))},
            {"uriBaseId", kRootBase}};
  return {{"uri", "file://" + UriPath(absolute)}};
}

// The region from `where` to the end when known, else from `where` on;
// columns in UTF-16 code units.
json SarifRegion(const Diagnostic& diagnostic) {
  const Location& where = diagnostic.where;
  json region = {{"startLine", where.line},
                 {"startColumn", Utf16Column(where.line_text, where.column)}};
  if (HasEnd(diagnostic)) {
    region["endLine"] = diagnostic.end.line;
    region["endColumn"] =
        Utf16Column(EndLineText(diagnostic), diagnostic.end.column);
  }
  return region;
}

json SarifResult(const ReportRoot& root, const Diagnostic& diagnostic,
                 size_t rule_index) {
  json result = {{"ruleId", RuleOf(diagnostic)},
                 {"ruleIndex", rule_index},
                 {"level", IsError(diagnostic) ? "error" : "warning"},
                 {"message", {{"text", diagnostic.message}}}};
  const Location& where = diagnostic.where;
  if (where.file.empty()) return result;
  json physical = {{"artifactLocation", ArtifactLocation(root, where.file)}};
  if (HasLine(diagnostic)) physical["region"] = SarifRegion(diagnostic);
  result["locations"] = json::array({{{"physicalLocation", physical}}});
  if (HasFix(diagnostic)) {
    json replacement = {
        {"deletedRegion", SarifRegion(diagnostic)},
        {"insertedContent", {{"text", *diagnostic.replacement}}}};
    json change = {{"artifactLocation", physical["artifactLocation"]},
                   {"replacements", json::array({replacement})}};
    result["fixes"] = json::array(
        {{{"description",
           {{"text", "Replace with '" + *diagnostic.replacement + "'"}}},
          {"artifactChanges", json::array({change})}}});
  }
  return result;
}

// --- github -------------------------------------------------------------

// GitHub's escaping of a workflow command's message.
std::string EscapeData(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

// ... and of a property value, which ':' and ',' would end.
std::string EscapeProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string GithubLine(const ReportRoot& root, const Diagnostic& diagnostic) {
  std::string line = IsError(diagnostic) ? "::error" : "::warning";
  const Location& where = diagnostic.where;
  if (!where.file.empty()) {
    line += " file=" + EscapeProperty(RootRelativePath(root, where.file));
    if (HasLine(diagnostic)) {
      line += ",line=" + std::to_string(where.line) +
              ",col=" + std::to_string(ColumnOf(where));
      if (HasEnd(diagnostic)) {
        line += ",endLine=" + std::to_string(diagnostic.end.line) +
                ",endColumn=" + std::to_string(ColumnOf(diagnostic.end));
      }
    }
    line += ",title=" + EscapeProperty(RuleOf(diagnostic));
  }
  return line + "::" + EscapeData(diagnostic.message) + "\n";
}

}  // namespace

ReportRoot FindReportRoot(FileReader& fs, const CheckOptions& options) {
  ReportRoot root;
  root.directory = AbsoluteNormal("/", fs.CurrentDirectory());
  if (options.settings.root) {
    root.path = AbsoluteNormal(root.directory, *options.settings.root);
  } else if (!options.sources.empty()) {
    std::string source = AbsoluteNormal(root.directory, options.sources[0]);
    // A plugin or marketplace folder is searched from inside, as a file's
    // folder is.
    if (fs.Stat(source) == FileReader::Kind::kDirectory)
      source = JoinNormal(source, ".claude-plugin");
    root.path = DefaultRoot(fs, source);
  } else {
    root.path = root.directory;
  }
  return root;
}

std::string RootRelativePath(const ReportRoot& root, const std::string& file) {
  std::string absolute = AbsoluteNormal(root.directory, file);
  if (IsWithin(absolute, root.path) && absolute != root.path)
    return RelativeTo(absolute, root.path);
  return file;
}

int Utf16Column(std::string_view line_text, int column) {
  size_t bytes = static_cast<size_t>(std::max(column, 1) - 1);
  int units = 0;
  size_t at = 0;
  while (at < bytes) {
    if (at >= line_text.size()) {
      units += static_cast<int>(bytes - at);
      break;
    }
    unsigned char lead = static_cast<unsigned char>(line_text[at]);
    // A code point of four bytes lies outside the Basic Multilingual Plane:
    // a surrogate pair in UTF-16. A stray continuation byte counts as one.
    size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    units += length == 4 ? 2 : 1;
    at += length;
  }
  return units + 1;
}

std::string FormatJsonReport(const CheckOptions& options,
                             const ReportRoot& root,
                             const std::vector<Diagnostic>& diagnostics) {
  json listed = json::array();
  int errors = 0;
  int warnings = 0;
  for (const Diagnostic& diagnostic : diagnostics) {
    ++(IsError(diagnostic) ? errors : warnings);
    listed.push_back(JsonDiagnostic(root, diagnostic));
  }
  json files = json::array();
  for (const std::string& source : options.sources)
    files.push_back(RootRelativePath(root, source));
  std::string root_shown = IsWithin(root.path, root.directory)
                               ? RelativeTo(root.path, root.directory)
                               : root.path;
  json report = {
      {"schema_version", 2},       {"tool", options.tool},
      {"root", root_shown},        {"column_unit", "utf-8-bytes"},
      {"files", std::move(files)}, {"errors", errors},
      {"warnings", warnings},      {"diagnostics", std::move(listed)}};
  return Dumped(report);
}

std::string FormatSarifReport(const ReportRoot& root,
                              const std::vector<Diagnostic>& diagnostics) {
  // Each rule used, once, in a stable order; results point at theirs.
  std::map<std::string, size_t> rule_index;
  for (const Diagnostic& diagnostic : diagnostics)
    rule_index.emplace(RuleOf(diagnostic), 0);
  json rules = json::array();
  for (auto& [id, index] : rule_index) {
    index = rules.size();
    rules.push_back({{"id", id}});
  }
  json results = json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    results.push_back(
        SarifResult(root, diagnostic, rule_index.at(RuleOf(diagnostic))));
  }
  json driver = {{"name", "agentgen"},
                 {"version", AGENTGEN_VERSION},
                 {"rules", std::move(rules)}};
  // A base URI ends in '/' (SARIF 3.14.14).
  std::string root_folder = root.path == "/" ? "/" : root.path + "/";
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"originalUriBaseIds",
               {{kRootBase, {{"uri", "file://" + UriPath(root_folder)}}}}},
              {"columnKind", "utf16CodeUnits"},
              {"results", std::move(results)}};
  json log = {{"$schema",
               "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
               "schemas/sarif-schema-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(run)})}};
  return Dumped(log);
}

std::string FormatGithubReport(const ReportRoot& root,
                               const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics)
    out += GithubLine(root, diagnostic);
  return out;
}

std::string FormatCheckReport(const CheckOptions& options,
                              const ReportRoot& root,
                              const DiagnosticSink& sink) {
  switch (options.format) {
    case CheckFormat::kText:
      return "";
    case CheckFormat::kJson:
      return FormatJsonReport(options, root, sink.diagnostics());
    case CheckFormat::kSarif:
      return FormatSarifReport(root, sink.diagnostics());
    case CheckFormat::kGithub:
      return FormatGithubReport(root, sink.diagnostics());
  }
  return "";
}

}  // namespace agentgen
