// SPDX-License-Identifier: MIT
#include "yaml_frontmatter.h"

#include <yaml-cpp/eventhandler.h>

#include <cctype>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace agentgen {

namespace {

// Frontmatter is a handful of keys; nothing real nests anywhere near this.
// The limit keeps later recursive walks of the node cheap and lies well below
// yaml-cpp's own guard (500 levels), which only says "bad file".
constexpr size_t kMaxNesting = 100;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// yaml-cpp tags a plain scalar "?"; any other scalar is quoted, a block
// scalar, or carries an explicit tag.
bool IsPlain(const std::string& tag) { return tag == "?"; }

// The offset just past the node properties (`!tag`, `&anchor`), blanks,
// line ends and comments that may precede a node's content starting at
// `begin`. A node's mark is the start of its first property, not its content.
size_t SkipNodeProperties(std::string_view text, size_t begin) {
  size_t at = begin;
  while (at < text.size()) {
    char c = text[at];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++at;
    } else if (c == '#') {
      at = text.find('\n', at);
      if (at == std::string_view::npos) return text.size();
    } else if (c == '!' || c == '&') {
      while (at < text.size() && text[at] != ' ' && text[at] != '\t' &&
             text[at] != '\r' && text[at] != '\n') {
        ++at;
      }
    } else {
      break;
    }
  }
  return at;
}

// Whether the quoted scalar whose opening quote is at `quote` has a closing
// quote, by the same rules yaml-cpp scans it with: a backslash escapes the
// next byte in "...", and '' is an escaped quote in '...'.
bool QuotedScalarCloses(std::string_view text, size_t quote) {
  char quote_char = text[quote];
  size_t at = quote + 1;
  while (at < text.size()) {
    char c = text[at];
    if (quote_char == '"' && c == '\\') {
      at += 2;
    } else if (c == quote_char) {
      if (quote_char == '"') return true;
      if (at + 1 < text.size() && text[at + 1] == '\'') {
        at += 2;
      } else {
        return true;
      }
    } else {
      ++at;
    }
  }
  return false;
}

// The offset in the YAML text of a yaml-cpp mark; a missing mark is 0.
size_t MarkOffset(const YAML::Mark& mark) {
  return mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos);
}

// A finding of the checking pass, as an offset into the YAML text.
struct Finding {
  size_t offset;
  std::string message;
};

// Checks the event stream of the parse rather than the loaded node: aliases
// arrive as single events, so a document whose aliases would expand
// exponentially (a "billion laughs") costs time linear in its text.
class StrictnessChecker : public YAML::EventHandler {
 public:
  StrictnessChecker(std::string_view text, const Locator& locate)
      : text_(text), locate_(locate) {}

  const std::vector<Finding>& findings() const { return findings_; }
  // Set after a finding that makes the rest of the document meaningless
  // (yaml-cpp's later errors merely follow from it).
  bool stopped() const { return stopped_; }
  size_t documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents_;
    if (documents_ == 2 && !stopped_) {
      Stop(Offset(mark), "frontmatter holds more than one YAML document");
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    if (stopped_) return;
    if (frames_.empty()) {
      // An empty document (say `--- # note`) is an empty mapping, but a null
      // the author wrote (`~`, `null`) is a scalar like any other.
      size_t at = Offset(mark);
      bool written = at < text_.size() &&
                     (text_[at] == '~' || text_[at] == 'n' || text_[at] == 'N');
      if (written) Stop(at, "frontmatter must be a YAML mapping");
      return;
    }
    BeginNode(nullptr, Offset(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (stopped_) return;
    size_t at = Offset(mark);
    if (frames_.empty()) {
      Stop(at, "frontmatter must be a YAML mapping");
      return;
    }
    auto scalar = anchored_scalars_.find(anchor);
    BeginNode(scalar == anchored_scalars_.end() ? nullptr : &scalar->second,
              at);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    if (stopped_) return;
    size_t at = Offset(mark);
    if (!IsPlain(tag)) {
      // yaml-cpp accepts a quoted scalar that runs into the end of the text
      // (it takes the rest of the frontmatter as its value), so this is ours.
      size_t content = SkipNodeProperties(text_, at);
      if (content < text_.size() &&
          (text_[content] == '"' || text_[content] == '\'') &&
          !QuotedScalarCloses(text_, content)) {
        Stop(content, "quoted scalar is not closed");
        return;
      }
    }
    if (frames_.empty()) {
      Stop(at, "frontmatter must be a YAML mapping");
      return;
    }
    if (anchor != YAML::NullAnchor) anchored_scalars_[anchor] = value;
    BeginNode(&value, at);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    if (stopped_) return;
    if (frames_.empty()) {
      Stop(Offset(mark), "frontmatter must be a YAML mapping");
      return;
    }
    BeginCollection(Offset(mark), /*is_map=*/false);
  }
  void OnSequenceEnd() override { EndCollection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/,
                  YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    if (stopped_) return;
    BeginCollection(Offset(mark), /*is_map=*/true);
  }
  void OnMapEnd() override { EndCollection(); }

 private:
  // An open collection. In a mapping, nodes alternate between key and value.
  struct Frame {
    bool is_map = false;
    bool expecting_key = true;
    std::unordered_map<std::string, size_t> key_offsets;
  };

  size_t Offset(const YAML::Mark& mark) const { return MarkOffset(mark); }

  void Stop(size_t offset, std::string message) {
    findings_.push_back({offset, std::move(message)});
    stopped_ = true;
  }

  // Tells the enclosing collection that a node starts at `offset`; `key_text`
  // is its scalar text when it has one (keys that are collections or nulls
  // are not compared).
  void BeginNode(const std::string* key_text, size_t offset) {
    if (frames_.empty() || !frames_.back().is_map) return;
    Frame& map = frames_.back();
    bool is_key = map.expecting_key;
    map.expecting_key = !map.expecting_key;
    if (!is_key || key_text == nullptr) return;
    auto [first, inserted] = map.key_offsets.emplace(*key_text, offset);
    if (inserted) return;
    // The message names the file line of the first occurrence, which only
    // the locator knows (the YAML text starts after the opening `---`).
    findings_.push_back(
        {offset, "duplicate key '" + *key_text + "' (first at line " +
                     std::to_string(locate_(first->second).line) + ")"});
  }

  void BeginCollection(size_t offset, bool is_map) {
    BeginNode(nullptr, offset);
    if (frames_.size() >= kMaxNesting) {
      Stop(offset, "frontmatter nests too deeply");
      return;
    }
    Frame frame;
    frame.is_map = is_map;
    frames_.push_back(std::move(frame));
  }

  void EndCollection() {
    if (!stopped_ && !frames_.empty()) frames_.pop_back();
  }

  std::string_view text_;
  const Locator& locate_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, std::string> anchored_scalars_;
  std::vector<Finding> findings_;
  bool stopped_ = false;
  size_t documents_ = 0;
};

// yaml-cpp's message in the style of ours: no program prefix, lower case,
// no trailing blank (the escape-character message ends in one at a line end).
std::string DiagnosticMessage(std::string message) {
  constexpr std::string_view kPrefix = "yaml-cpp: ";
  if (message.compare(0, kPrefix.size(), kPrefix) == 0) {
    message.erase(0, kPrefix.size());
  }
  while (!message.empty() &&
         std::isspace(static_cast<unsigned char>(message.back())) != 0) {
    message.pop_back();
  }
  if (!message.empty()) {
    message[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  if (message.empty()) message = "invalid YAML";
  return message;
}

// The first tab in a line's leading whitespace, on or before the line holding
// `end`, or npos. YAML indents with spaces only, and yaml-cpp's complaint about
// a tab ("illegal map value", "end of map not found") does not name it.
size_t FirstIndentationTab(std::string_view text, size_t end) {
  size_t line_begin = 0;
  while (line_begin < text.size() && line_begin <= end) {
    for (size_t i = line_begin; i < text.size(); ++i) {
      if (text[i] == '\t') return i;
      if (text[i] != ' ') break;
    }
    size_t newline = text.find('\n', line_begin);
    if (newline == std::string_view::npos) break;
    line_begin = newline + 1;
  }
  return std::string_view::npos;
}

void ReportYamlError(std::string_view text, const YAML::Exception& error,
                     const Locator& locate, DiagnosticSink& sink) {
  size_t offset = MarkOffset(error.mark);
  size_t tab = FirstIndentationTab(text, offset);
  if (tab != std::string_view::npos) {
    sink.Error(locate(tab), "tab in indentation (YAML indents with spaces)");
    return;
  }
  sink.Error(locate(offset), DiagnosticMessage(error.msg));
}

}  // namespace

std::optional<YAML::Node> ParseFrontmatterYaml(std::string_view yaml_text,
                                               const Locator& locate,
                                               DiagnosticSink& sink) {
  // yaml-cpp skips a leading byte-order mark and counts positions from after
  // it, which would make node marks lie about where they are in the text.
  if (yaml_text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    sink.Error(locate(0), "frontmatter starts with a UTF-8 byte-order mark");
    return std::nullopt;
  }
  std::string text(yaml_text);
  StrictnessChecker checker(yaml_text, locate);
  try {
    std::istringstream input(text);
    YAML::Parser parser(input);
    // The second document is only looked at to report it.
    while (checker.documents() < 2 && !checker.stopped() &&
           parser.HandleNextDocument(checker)) {
    }
  } catch (const YAML::Exception& error) {
    // After a finding that stopped the check (an unclosed quote swallowing
    // the text, too deep a nesting), yaml-cpp's complaint is a consequence.
    if (!checker.stopped()) {
      for (const Finding& finding : checker.findings()) {
        sink.Error(locate(finding.offset), finding.message);
      }
      ReportYamlError(yaml_text, error, locate, sink);
      return std::nullopt;
    }
  }
  for (const Finding& finding : checker.findings()) {
    sink.Error(locate(finding.offset), finding.message);
  }
  if (!checker.findings().empty()) return std::nullopt;

  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) return YAML::Node(YAML::NodeType::Map);
    return root;
  } catch (const YAML::Exception& error) {
    // The checking pass read the same text with the same parser, so this is
    // not expected; it is reported rather than allowed to escape.
    ReportYamlError(yaml_text, error, locate, sink);
    return std::nullopt;
  }
}

YAML::Node MappingValue(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return YAML::Node();
  for (const auto& item : map) {
    if (item.first.IsScalar() && item.first.Scalar() == key) return item.second;
  }
  return YAML::Node();
}

}  // namespace agentgen
