// SPDX-License-Identifier: MIT
#include "validation/check.h"

#include <algorithm>
#include <memory>
#include <set>

#include "base/paths.h"
#include "inputs/frontmatter.h"
#include "inputs/json_tree.h"
#include "inputs/yaml_frontmatter.h"
#include "outputs/line_diff.h"
#include "validation/claude_code_yaml.h"
#include "validation/hook_schema.h"
#include "validation/marketplace_check.h"
#include "validation/mcp_server.h"
#include "validation/plugin_check.h"
#include "validation/schema.h"
#include "validation/schema_validation.h"

namespace agentgen {
namespace {

// Offsets of the lines of `text`.
std::vector<size_t> LineStarts(const std::vector<std::string_view>& lines,
                               std::string_view text) {
  std::vector<size_t> starts;
  starts.reserve(lines.size());
  for (std::string_view line : lines)
    starts.push_back(static_cast<size_t>(line.data() - text.data()));
  return starts;
}

// Places rendered offsets of a Mustache template, which keeps no offsets:
// a rendered line equal to a source line (matched in order) keeps its
// column; any other is paired with the source line in the same place among
// the unmatched lines around it, keeping its column while the two lines
// agree and otherwise pointing at the first byte where they differ (the
// tag that produced it).
class LineMatchLocator {
 public:
  LineMatchLocator(std::string display, std::string source, std::string text)
      : display_(std::move(display)),
        source_(std::move(source)),
        text_(std::move(text)) {
    source_lines_ = SplitLines(source_);
    text_lines_ = SplitLines(text_);
    source_starts_ = LineStarts(source_lines_, source_);
    text_starts_ = LineStarts(text_lines_, text_);
    matches_ = MatchLines(source_lines_, text_lines_);
  }

  Location operator()(size_t offset) const {
    if (text_lines_.empty() || source_lines_.empty())
      return LocateOffset(display_, source_, 0);
    offset = std::min(offset, text_.size());
    size_t line = static_cast<size_t>(
        std::upper_bound(text_starts_.begin(), text_starts_.end(), offset) -
        text_starts_.begin() - 1);
    size_t column = offset - text_starts_[line];
    // The last match at or before the line.
    auto after =
        std::upper_bound(matches_.begin(), matches_.end(), line,
                         [](size_t l, const std::pair<size_t, size_t>& m) {
                           return l < m.second;
                         });
    size_t source_line = 0;
    if (after != matches_.begin() && (after - 1)->second == line) {
      source_line = (after - 1)->first;
    } else {
      // The unmatched lines between two matches pair up in order: a tag
      // that changes a line's text rarely changes how many lines there are.
      size_t source_first =
          after == matches_.begin() ? 0 : (after - 1)->first + 1;
      size_t text_first =
          after == matches_.begin() ? 0 : (after - 1)->second + 1;
      size_t source_end =
          after == matches_.end() ? source_lines_.size() : after->first;
      source_line = source_first + (line - text_first);
      if (source_line >= source_end && source_end > source_first)
        source_line = source_end - 1;
      source_line = std::min(source_line, source_lines_.size() - 1);
      std::string_view from = source_lines_[source_line];
      std::string_view to = text_lines_[line];
      size_t same = 0;
      while (same < from.size() && same < to.size() && from[same] == to[same])
        ++same;
      column = std::min(column, same);
    }
    column = std::min(column, source_lines_[source_line].size());
    return LocateOffset(display_, source_,
                        source_starts_[source_line] + column);
  }

 private:
  std::string display_;
  std::string source_;
  std::string text_;
  std::vector<std::string_view> source_lines_;
  std::vector<std::string_view> text_lines_;
  std::vector<size_t> source_starts_;
  std::vector<size_t> text_starts_;
  std::vector<std::pair<size_t, size_t>> matches_;
};

// A file whose first non-blank line is an indented `---`: the tools read
// the block as text, not as frontmatter.
std::string IndentedOpeningHint(std::string_view text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text.substr(first, 3) != "---")
    return "";
  size_t line_begin = text.rfind('\n', first);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  if (first == line_begin) return "";
  return " (the '---' here is indented or below a blank line, so the tools "
         "read it as text: start the file with it)";
}

const char* ToolName(const Schema& schema) {
  return schema.tool == "opencode" ? "OpenCode" : "Claude Code";
}

// A plain value followed by ` #` on its line: YAML reads the rest as a
// comment, so the tool reads less than the line says.
void WarnCommentsCuttingValues(const YamlNode& frontmatter,
                               std::string_view yaml_text,
                               const Locator& yaml_locate,
                               DiagnosticSink& sink) {
  for (const YamlNode::Entry& item : frontmatter.entries()) {
    const YamlNode& value = *item.value;
    if (!value.IsScalar() || value.tag() != "?" || !item.key->IsScalar())
      continue;
    const std::string& text = value.scalar();
    size_t at = value.offset();
    if (text.empty() || yaml_text.substr(at, text.size()) != text) continue;
    size_t after = at + text.size();
    size_t hash = yaml_text.find_first_not_of(" \t", after);
    if (hash == std::string_view::npos || hash == after ||
        yaml_text[hash] != '#')
      continue;
    size_t line_end = yaml_text.find('\n', hash);
    std::string_view comment = yaml_text.substr(
        hash,
        (line_end == std::string_view::npos ? yaml_text.size() : line_end) -
            hash);
    while (!comment.empty() &&
           (comment.back() == '\r' || comment.back() == ' '))
      comment.remove_suffix(1);
    Diagnostic diagnostic;
    diagnostic.severity = Severity::kWarning;
    diagnostic.where = yaml_locate(hash);
    diagnostic.end = yaml_locate(hash + comment.size());
    diagnostic.message = "' #' starts a YAML comment, so '" +
                         item.key->scalar() + "' is read as '" + text +
                         "' without '" + std::string(comment) +
                         "'; quote the whole value if that text belongs to it";
    diagnostic.rule = "yaml.comment";
    sink.Report(std::move(diagnostic));
  }
}

// A frontmatter that is not YAML, read the second way the tools read it
// (claude_code_yaml.h). Returns the document and the text it was read from,
// or nullopt after an error: the file would not load.
struct SecondReading {
  YamlDocument document;
  RequotedYaml requoted;
};

std::optional<SecondReading> ReadAsTheToolDoes(const Schema& schema,
                                               std::string_view yaml_text,
                                               const YamlSyntaxError& problem,
                                               const Locator& yaml_locate,
                                               DiagnosticSink& sink) {
  std::string tool = ToolName(schema);
  // What the tool does with a file whose frontmatter it cannot read.
  std::string outcome =
      schema.tool == "claude-code" && schema.type != "agent"
          ? "Claude Code loads the " + schema.type +
                " with no frontmatter fields (its description, allowed tools "
                "and the rest are ignored)"
      : schema.tool == "claude-code"
          ? "Claude Code does not load the subagent (a plugin's subagent "
            "loads under its file name, with no fields)"
          : tool + " does not load " + schema.what + " from this file";
  auto skipped = [&](size_t offset, const std::string& what) {
    sink.Error(yaml_locate(offset), what + ", so " + outcome, "yaml");
  };
  std::string not_valid =
      problem.message + ": the frontmatter is not valid YAML";
  if (yaml_text.find('\r') != std::string_view::npos) {
    skipped(problem.offset,
            not_valid + " and has CRLF line ends, where " + tool +
                "'s second reading (one-line values quoted) fails too");
    return std::nullopt;
  }
  SecondReading reading;
  reading.requoted = RequoteOneLineValues(yaml_text);
  if (reading.requoted.runs_on != std::string::npos) {
    skipped(reading.requoted.runs_on,
            "a value runs on over this unindented line: the frontmatter is "
            "not valid YAML (indent the line, or write the value on one line "
            "or as a block scalar '|')");
    return std::nullopt;
  }
  if (reading.requoted.values.empty()) {
    skipped(problem.offset, not_valid);
    return std::nullopt;
  }
  DiagnosticSink ignored;
  std::optional<YamlSyntaxError> still_not_yaml;
  std::optional<YamlDocument> document = ParseFrontmatterYaml(
      reading.requoted.text, [](size_t) { return Location(); }, ignored,
      &still_not_yaml);
  if (!document) {
    skipped(problem.offset,
            not_valid + ", not even with its one-line values quoted");
    return std::nullopt;
  }
  reading.document = std::move(*document);
  for (const RequotedValue& value : reading.requoted.values) {
    Diagnostic diagnostic;
    diagnostic.severity = Severity::kWarning;
    diagnostic.where = yaml_locate(value.begin);
    diagnostic.end = yaml_locate(value.end);
    diagnostic.replacement = value.quoted;
    diagnostic.message =
        "'" + value.key + "' is not valid YAML (" + problem.message +
        "): " + tool +
        " loads this by quoting the value; AGPM and other YAML readers "
        "reject it; quote it";
    diagnostic.rule = "yaml.requoted";
    sink.Report(std::move(diagnostic));
  }
  return reading;
}

void CheckFrontmatter(const Schema& schema, const RenderedSource& rendered,
                      const std::string& source, DiagnosticSink& sink) {
  Locator locate = RenderedTextLocator(rendered, source);
  std::optional<Frontmatter> parts =
      SplitFrontmatter(rendered.text, locate, sink);
  if (!parts) return;
  if (!parts->present) {
    std::string required;
    for (const FieldRule& field : schema.fields) {
      if (!field.required) continue;
      required += (required.empty() ? "'" : " and '") + field.key + "'";
    }
    if (!required.empty()) {
      Diagnostic diagnostic;
      diagnostic.where = locate(0);
      diagnostic.end = locate(
          std::min(rendered.text.find_first_of("\r\n"), rendered.text.size()));
      diagnostic.message = "no frontmatter: " + schema.what +
                           " starts with a '---' block holding at least " +
                           required + IndentedOpeningHint(rendered.text);
      diagnostic.rule = RuleId(schema, "frontmatter");
      sink.Report(std::move(diagnostic));
    }
    return;
  }
  std::string_view yaml_text(rendered.text.data() + parts->yaml_begin,
                             parts->yaml_end - parts->yaml_begin);
  size_t yaml_begin = parts->yaml_begin;
  Locator yaml_locate = [&locate, yaml_begin](size_t offset) {
    return locate(yaml_begin + offset);
  };
  // The opening `---` ends 3 bytes in (after a byte order mark, which the
  // split already passed, it still starts the text's first line).
  Location opening_end = locate(rendered.text.find("---") + 3);
  std::optional<YamlSyntaxError> not_yaml;
  std::optional<YamlDocument> yaml =
      ParseFrontmatterYaml(yaml_text, yaml_locate, sink, &not_yaml);
  if (yaml) {
    WarnCommentsCuttingValues(yaml->root(), yaml_text, yaml_locate, sink);
    FrontmatterPlace place{yaml_text, yaml_locate, locate(0), opening_end};
    ValidateFrontmatter(schema, yaml->root(), place, sink);
    return;
  }
  if (!not_yaml) return;  // an error of ours (a duplicate key), reported
  std::optional<SecondReading> reading =
      ReadAsTheToolDoes(schema, yaml_text, *not_yaml, yaml_locate, sink);
  if (!reading) return;
  const RequotedYaml& requoted = reading->requoted;
  Locator requoted_locate = [&yaml_locate, &requoted](size_t offset) {
    return yaml_locate(requoted.ToOriginal(offset));
  };
  WarnCommentsCuttingValues(reading->document.root(), requoted.text,
                            requoted_locate, sink);
  FrontmatterPlace place{requoted.text, requoted_locate, locate(0),
                         opening_end};
  ValidateFrontmatter(schema, reading->document.root(), place, sink);
}

void CheckOne(RenderSession& session, const CheckOptions& options,
              const std::string& source, std::set<std::string>* servers_seen,
              DiagnosticSink& sink) {
  const Schema* schema = FindSchema(options.tool, options.settings.type);
  // Nothing is written, so there is no install path to name.
  DiagnosticSink render_sink;
  std::optional<RenderedSource> rendered = session.Render(
      source, [](const std::string&) { return ""; }, render_sink);
  for (const Diagnostic& diagnostic : render_sink.diagnostics()) {
    // The schema reads the source's frontmatter itself, as the tool does,
    // and says what that tool makes of a frontmatter that is not YAML.
    bool said_again = schema != nullptr && rendered &&
                      diagnostic.rule == "yaml.not-yaml" &&
                      diagnostic.where.file == source;
    if (!said_again) sink.Report(diagnostic);
  }
  if (!rendered) return;

  if (schema != nullptr) CheckFrontmatter(*schema, *rendered, source, sink);
  // A server file several agents share is reported once.
  for (const McpServerDependency& server :
       McpServerDependencies(rendered->files)) {
    if (servers_seen->insert(server.path).second)
      ValidateMcpServer(server, sink);
  }
  if (options.settings.type == "mcp-server") {
    McpServerDependency server;
    server.name = StemOf(source);
    server.display = source;
    server.bytes = rendered->text;
    server.is_json = ExtensionOf(source) == "json";
    if (server.is_json) {
      // The render parsed it already; its `dependencies` are the render's.
      server.value = nlohmann::json::parse(rendered->text);
      if (server.value.is_object()) server.value.erase("dependencies");
    }
    server.declared_at = LocateOffset(source, rendered->text, 0);
    ValidateMcpServer(server, sink);
  }
  if (options.settings.type == "hook") {
    // An AGPM hook resource: one JSON object describing one hook.
    Locator locate = RenderedTextLocator(*rendered, source);
    std::optional<YamlDocument> tree;
    if (ExtensionOf(source) == "json") tree = ReadJsonTree(rendered->text);
    if (tree) {
      HookPlace place{rendered->text, locate, "hook", HookOwner::kSettings,
                      true};
      ValidateHookResource(tree->root(), place, sink);
    } else {
      sink.Error(locate(0),
                 "an AGPM hook resource must be a JSON file holding one "
                 "object (nested at most 100 levels deep)",
                 "hook.shape");
    }
  }
}

}  // namespace

void CheckFileFrontmatter(const Schema& schema, const std::string& text,
                          const std::string& display, DiagnosticSink& sink) {
  RenderedSource source;
  source.text = text;
  source.source_text = text;
  CheckFrontmatter(schema, source, display, sink);
}

Locator RenderedTextLocator(const RenderedSource& rendered,
                            const std::string& display) {
  if (rendered.dialect == Dialect::kNone && !rendered.offsets) {
    auto text = std::make_shared<std::string>(rendered.text);
    return [display, text](size_t offset) {
      return LocateOffset(display, *text, offset);
    };
  }
  if (rendered.offsets) {
    auto source = std::make_shared<std::string>(rendered.source_text);
    auto offsets = std::make_shared<OffsetMap>(*rendered.offsets);
    return [display, source, offsets](size_t offset) {
      return LocateOffset(display, *source, offsets->ToInput(offset));
    };
  }
  auto matched = std::make_shared<LineMatchLocator>(
      display, rendered.source_text, rendered.text);
  return [matched](size_t offset) { return (*matched)(offset); };
}

int RunCheck(FileReader& fs, const CheckOptions& options,
             DiagnosticSink& sink) {
  std::set<std::string> servers_seen;
  // One session: snippets the files share are read and rendered once.
  RenderSession session(fs, options.settings);
  for (const std::string& source : options.sources) {
    if (options.settings.type == "plugin")
      CheckPluginFolder(fs, source, sink);
    else if (options.settings.type == "marketplace")
      CheckMarketplace(fs, source, sink);
    else
      CheckOne(session, options, source, &servers_seen, sink);
  }
  bool warned =
      sink.diagnostics().size() > static_cast<size_t>(sink.error_count());
  return sink.has_errors() || (options.werror && warned) ? 1 : 0;
}

}  // namespace agentgen
