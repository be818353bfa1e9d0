// SPDX-License-Identifier: MIT
#include "inputs/yaml_frontmatter.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cctype>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/quoted_text.h"

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

// The offset in the YAML text of a yaml-cpp mark; a missing mark is 0.
size_t MarkOffset(const YAML::Mark& mark) {
  return mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos);
}

// A finding of the checking pass, as an offset into the YAML text.
struct Finding {
  size_t offset;
  std::string message;
  /// Whether it makes the text not YAML (or not a mapping), as opposed to
  /// breaking a rule of ours (a duplicate key, too deep a nesting).
  bool not_yaml = true;
  /// Valid YAML that is not a mapping.
  bool not_mapping = false;
};

// Checks the event stream of the parse and builds the document's tree from
// it, so the text is parsed once. Aliases arrive as single events and become
// the anchored node itself, so a document whose aliases would expand
// exponentially (a "billion laughs") costs time and memory linear in its text.
class StrictnessChecker : public YAML::EventHandler {
 public:
  StrictnessChecker(std::string_view text, const Locator& locate,
                    YamlDocument* document)
      : text_(text), locate_(locate), document_(document) {}

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

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (stopped_) return;
    if (frames_.empty()) {
      // An empty document (say `--- # note`) is an empty mapping, but a null
      // the author wrote (`~`, `null`) is a scalar like any other.
      size_t at = Offset(mark);
      bool written = at < text_.size() &&
                     (text_[at] == '~' || text_[at] == 'n' || text_[at] == 'N');
      if (written) StopNotMapping(at);
      return;
    }
    // yaml-cpp gives a null no tag.
    YamlNode* node = document_->Add(YamlNode::Kind::kNull, Offset(mark), "");
    Anchor(anchor, node);
    BeginNode(node, Offset(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (stopped_) return;
    size_t at = Offset(mark);
    if (frames_.empty()) {
      StopNotMapping(at);
      return;
    }
    // yaml-cpp's parser throws on an anchor it does not know, and every node
    // it anchors is registered here before anything can refer to it; the
    // check only keeps a surprise from becoming a crash.
    if (anchor >= anchors_.size() || anchors_[anchor] == nullptr) {
      Stop(at, "the referenced anchor is not defined");
      return;
    }
    BeginNode(anchors_[anchor], at);
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
          PastClosingQuote(text_, content) == std::string_view::npos) {
        // An error, not a text that is merely not YAML: the closing `---`
        // is found first, so the quote ran into it.
        Stop(content, "quoted scalar is not closed");
        findings_.back().not_yaml = false;
        return;
      }
    }
    if (frames_.empty()) {
      StopNotMapping(at);
      return;
    }
    YamlNode* node = document_->Add(YamlNode::Kind::kScalar, at, tag, value);
    Anchor(anchor, node);
    BeginNode(node, at);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    if (stopped_) return;
    if (frames_.empty()) {
      StopNotMapping(Offset(mark));
      return;
    }
    BeginCollection(YamlNode::Kind::kSequence, Offset(mark), tag, anchor);
  }
  void OnSequenceEnd() override { EndCollection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    if (stopped_) return;
    BeginCollection(YamlNode::Kind::kMap, Offset(mark), tag, anchor);
  }
  void OnMapEnd() override { EndCollection(); }

 private:
  // An open collection. A mapping's nodes alternate between key and value.
  struct Frame {
    YamlNode* node = nullptr;
    const YamlNode* key = nullptr;  // a key waiting for its value
    // The mapping's scalar keys so far (their text lives in the document).
    std::unordered_map<std::string_view, size_t> key_offsets;
  };

  size_t Offset(const YAML::Mark& mark) const { return MarkOffset(mark); }

  void Stop(size_t offset, std::string message) {
    findings_.push_back({offset, std::move(message)});
    stopped_ = true;
  }

  void StopNotMapping(size_t offset) {
    Stop(offset, "frontmatter must be a YAML mapping");
    findings_.back().not_mapping = true;
  }

  // yaml-cpp numbers a document's anchors from 1 in the order they appear,
  // and names the node before its content (so `&a [*a]` holds itself).
  void Anchor(YAML::anchor_t anchor, const YamlNode* node) {
    if (anchor == YAML::NullAnchor) return;
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, nullptr);
    anchors_[anchor] = node;
  }

  // Adds `node`, whose event is at `offset`, to the enclosing collection.
  // Scalar keys are compared by their text (keys that are collections or
  // nulls are not compared).
  void BeginNode(const YamlNode* node, size_t offset) {
    if (frames_.empty()) return;
    Frame& parent = frames_.back();
    if (parent.node->IsSequence()) {
      document_->AddItem(parent.node, node);
      return;
    }
    if (parent.key != nullptr) {
      document_->AddEntry(parent.node, parent.key, node);
      parent.key = nullptr;
      return;
    }
    parent.key = node;
    if (!node->IsScalar()) return;
    auto [first, inserted] = parent.key_offsets.emplace(node->scalar(), offset);
    if (inserted) return;
    // The message names the file line of the first occurrence, which only
    // the locator knows (the YAML text starts after the opening `---`).
    findings_.push_back({offset,
                         "duplicate key '" + node->scalar() +
                             "' (first at line " +
                             std::to_string(locate_(first->second).line) + ")",
                         false});
  }

  void BeginCollection(YamlNode::Kind kind, size_t offset,
                       const std::string& tag, YAML::anchor_t anchor) {
    YamlNode* node = document_->Add(kind, offset, tag);
    Anchor(anchor, node);
    if (frames_.empty()) document_->set_root(node);
    BeginNode(node, offset);
    if (frames_.size() >= kMaxNesting) {
      Stop(offset, "frontmatter nests too deeply");
      findings_.back().not_yaml = false;
      return;
    }
    Frame frame;
    frame.node = node;
    frames_.push_back(std::move(frame));
  }

  void EndCollection() {
    if (!stopped_ && !frames_.empty()) frames_.pop_back();
  }

  std::string_view text_;
  const Locator& locate_;
  YamlDocument* document_;
  std::vector<Frame> frames_;
  // The node of each anchor, by yaml-cpp's number for it.
  std::vector<const YamlNode*> anchors_;
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

YamlSyntaxError SyntaxErrorOf(std::string_view text,
                              const YAML::Exception& error) {
  size_t offset = MarkOffset(error.mark);
  size_t tab = FirstIndentationTab(text, offset);
  if (tab != std::string_view::npos)
    return {tab, "tab in indentation (YAML indents with spaces)"};
  return {offset, DiagnosticMessage(error.msg)};
}

// Reports the findings; the first that makes the text not YAML goes to
// `not_yaml` instead when the caller asked for it. Returns whether anything
// was found.
bool Settle(const std::vector<Finding>& findings,
            std::optional<YamlSyntaxError> syntax, const Locator& locate,
            DiagnosticSink& sink, std::optional<YamlSyntaxError>* not_yaml) {
  for (const Finding& finding : findings) {
    if (finding.not_yaml && not_yaml != nullptr) {
      if (!*not_yaml)
        *not_yaml = YamlSyntaxError{finding.offset, finding.message,
                                    finding.not_mapping};
      continue;
    }
    sink.Error(locate(finding.offset), finding.message);
  }
  bool found = !findings.empty() || syntax.has_value();
  if (syntax) {
    if (not_yaml == nullptr)
      sink.Error(locate(syntax->offset), syntax->message);
    else if (!*not_yaml)
      *not_yaml = std::move(syntax);
  }
  return found;
}

}  // namespace

std::optional<YamlDocument> ParseFrontmatterYaml(
    std::string_view yaml_text, const Locator& locate, DiagnosticSink& sink,
    std::optional<YamlSyntaxError>* not_yaml) {
  DiagnosticSink::RuleScope rule(sink, "yaml");
  // yaml-cpp skips a leading byte-order mark and counts positions from after
  // it, which would make node marks lie about where they are in the text.
  if (yaml_text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    sink.Error(locate(0), "frontmatter starts with a UTF-8 byte-order mark");
    return std::nullopt;
  }
  YamlDocument document;
  StrictnessChecker checker(yaml_text, locate, &document);
  try {
    std::istringstream input{std::string(yaml_text)};
    YAML::Parser parser(input);
    // The second document is only looked at to report it.
    while (checker.documents() < 2 && !checker.stopped() &&
           parser.HandleNextDocument(checker)) {
    }
  } catch (const YAML::Exception& error) {
    // After a finding that stopped the check (an unclosed quote swallowing
    // the text, too deep a nesting), yaml-cpp's complaint is a consequence.
    if (!checker.stopped()) {
      Settle(checker.findings(), SyntaxErrorOf(yaml_text, error), locate, sink,
             not_yaml);
      return std::nullopt;
    }
  }
  if (Settle(checker.findings(), std::nullopt, locate, sink, not_yaml))
    return std::nullopt;
  return document;
}

}  // namespace agentgen
