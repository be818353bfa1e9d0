// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_renderer.h"

#include <deque>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "base/nearest_name.h"
#include "base/number_text.h"
#include "engines/agpm/agpm_operators.h"
#include "engines/agpm/builtins/builtins.h"

namespace agentgen {

using nlohmann::json;

namespace agpm {
namespace {

// A value being evaluated: borrowed from the context, a literal or a scope,
// or owned (computed).
struct Held {
  const json* ref = nullptr;
  json owned;
  bool from_set = false;  // borrowed from a `set` name a later `set` may move

  const json& get() const { return ref != nullptr ? *ref : owned; }
};

Held Borrow(const json* value) {
  Held held;
  held.ref = value;
  return held;
}

Held Own(json value) {
  Held held;
  held.owned = std::move(value);
  return held;
}

// What evaluating an expression gave: a value, an undefined name the caller
// may tolerate (a condition, `default`), or a failure already reported.
struct Evaluated {
  enum class Status { kValue, kUndefined, kFailed };
  Status status = Status::kFailed;
  Held held;
};

Evaluated Failed() { return Evaluated(); }

Evaluated Value(Held held) {
  Evaluated result;
  result.status = Evaluated::Status::kValue;
  result.held = std::move(held);
  return result;
}

// Where a name stopped resolving, for its message.
struct Miss {
  size_t missing = 0;            // the first part not found
  const json* parent = nullptr;  // what lacked it (null: the top level)
  bool in_loop_object = false;   // `loop.<other>`
};

// A name's value when resolved; `miss` says where it stopped otherwise.
struct Lookup {
  enum class Status { kFound, kUndefined, kFailed };
  Status status = Status::kUndefined;
  Held held;
  Miss miss;
};

// One `for` loop being rendered: its variables and its `set` names.
struct Frame {
  const ForNode* loop = nullptr;
  const json* value = nullptr;
  json key;
  size_t index = 0;
  size_t count = 0;
  std::vector<std::pair<std::string, json>> sets;
};

const json* FindSet(const std::vector<std::pair<std::string, json>>& sets,
                    std::string_view name) {
  for (const auto& [set_name, value] : sets) {
    if (set_name == name) return &value;
  }
  return nullptr;
}

void Assign(std::vector<std::pair<std::string, json>>* sets,
            const std::string& name, json value) {
  for (auto& [set_name, held] : *sets) {
    if (set_name == name) {
      held = std::move(value);
      return;
    }
  }
  sets->emplace_back(name, std::move(value));
}

// A list index as Tera reads one: decimal without leading zeros.
std::optional<size_t> ListIndex(std::string_view key) {
  if (key.empty() || key.size() > 18 || (key.size() > 1 && key[0] == '0'))
    return std::nullopt;
  size_t index = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return index;
}

// `pat` and `sep` strings turn `\n` and `\t` into LF and tab (Tera has no
// escapes otherwise).
std::string Unescape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() &&
        (text[i + 1] == 'n' || text[i + 1] == 't')) {
      out += text[i + 1] == 'n' ? '\n' : '\t';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

class Renderer {
 public:
  Renderer(std::string_view text, const Locator& locate, const json& context,
           const ContentFilter& content, DiagnosticSink& sink,
           OffsetMap* offsets, WorkBudget& budget)
      : text_(text),
        locate_(locate),
        context_(context),
        content_(content),
        sink_(sink),
        offsets_(offsets),
        budget_(budget) {}

  std::optional<std::string> Run(const Block& root) {
    out_.reserve(text_.size());
    RenderBlock(root);
    if (failed_) return std::nullopt;
    return std::move(out_);
  }

 private:
  enum class Jump { kNone, kBreak, kContinue };

  // Reports once per position: a loop repeats its body's errors otherwise.
  void Error(size_t offset, std::string message) {
    failed_ = true;
    if (!reported_.insert(offset).second) return;
    sink_.Error(locate_(offset), std::move(message));
  }

  std::string Written(size_t begin, size_t end) const {
    return std::string(text_.substr(begin, end - begin));
  }
  std::string Written(const Expr& expr) const {
    return Written(expr.begin, expr.end);
  }

  // A limit is reported where the work that crossed it began: inside a loop
  // at the outermost loop (the repetition is the cause, not the tag that
  // happened to come last), elsewhere at the construct itself. The render
  // stops there.
  void StopAtLimit(size_t offset, std::string message) {
    full_ = true;
    Error(loop_depth_ > 0 ? outermost_loop_ : offset, std::move(message));
  }

  // Whether `size` more bytes still fit the output limit.
  bool Fits(size_t size, size_t offset) {
    if (full_) return false;
    if (out_.size() + size <= kMaxRenderedSize) return true;
    StopAtLimit(offset, RenderedSizeLimitMessage());
    return false;
  }

  // Counts one step (a loop iteration, a print, a filter call) against the
  // budget of the whole render. Nested loops multiply, and a loop that
  // prints nothing is not stopped by the output limit.
  bool Step(size_t offset) {
    if (full_) return false;
    if (budget_.TakeSteps()) return true;
    StopAtLimit(offset, StepLimitMessage(budget_));
    return false;
  }

  void AppendCopied(size_t begin, size_t end) {
    if (begin >= end || !Fits(end - begin, begin)) return;
    if (offsets_ != nullptr) offsets_->AddCopied(out_.size(), begin);
    out_.append(text_.substr(begin, end - begin));
  }

  void AppendProduced(size_t tag, std::string_view text) {
    if (text.empty() || !Fits(text.size(), tag)) return;
    if (offsets_ != nullptr) offsets_->AddProduced(out_.size(), tag);
    out_.append(text);
  }

  void RenderBlock(const Block& block) {
    for (const Node& node : block) {
      if (full_ || jump_ != Jump::kNone) return;
      if (const auto* text = std::get_if<TextNode>(&node.v)) {
        AppendCopied(text->begin, text->end);
      } else if (const auto* fence = std::get_if<FenceNode>(&node.v)) {
        AppendProduced(fence->open, "```\n");
        // An empty block keeps one blank line between its fences.
        if (fence->inner_begin >= fence->inner_end) {
          AppendProduced(fence->open, "\n");
        } else {
          AppendCopied(fence->inner_begin, fence->inner_end);
        }
        AppendProduced(fence->close, "```");
      } else if (const auto* print = std::get_if<PrintNode>(&node.v)) {
        RenderPrint(*print);
      } else if (const auto* if_node = std::get_if<IfNode>(&node.v)) {
        RenderIf(*if_node);
      } else if (const auto* for_node = std::get_if<ForNode>(&node.v)) {
        RenderFor(*for_node);
      } else if (const auto* set = std::get_if<SetNode>(&node.v)) {
        RenderSet(*set);
      } else if (const auto* jump = std::get_if<JumpNode>(&node.v)) {
        jump_ = jump->is_break ? Jump::kBreak : Jump::kContinue;
      }
    }
  }

  void RenderPrint(const PrintNode& print) {
    if (!Step(print.tag)) return;
    Evaluated result = Evaluate(*print.value, false);
    if (result.status != Evaluated::Status::kValue) return;
    const json& value = result.held.get();
    if (value.is_string()) {
      AppendProduced(print.tag, value.get_ref<const std::string&>());
      return;
    }
    std::optional<std::string> text = PrintScalar(value);
    if (!text) {
      Error(print.value->begin,
            "cannot print " + Describe(value) + " ('" + Written(*print.value) +
                "'); iterate it with '{% for %}'" +
                (value.is_array() ? " or join it with '| join(sep=\", \")'"
                                  : ""));
      return;
    }
    AppendProduced(print.tag, *text);
  }

  void RenderIf(const IfNode& node) {
    for (const Branch& branch : node.branches) {
      if (!branch.condition) {
        RenderBlock(branch.body);
        return;
      }
      std::optional<bool> truth = Truth(*branch.condition);
      if (!truth) return;
      if (*truth) {
        RenderBlock(branch.body);
        return;
      }
    }
  }

  void RenderSet(const SetNode& node) {
    Evaluated result = Evaluate(*node.value, false);
    if (result.status != Evaluated::Status::kValue) return;
    json value;
    if (result.held.ref != nullptr) {
      value = *result.held.ref;
    } else {
      value = std::move(result.held.owned);
    }
    if (node.global || frames_.empty()) {
      Assign(&top_sets_, node.name, std::move(value));
    } else {
      Assign(&frames_.back().sets, node.name, std::move(value));
    }
  }

  void RenderFor(const ForNode& node) {
    Evaluated result = Evaluate(*node.iterable, false);
    if (result.status != Evaluated::Status::kValue) return;
    Held items = std::move(result.held);
    // A `set` in the body could move the value a set name holds.
    if (items.from_set) items = Own(*items.ref);
    if (loop_depth_++ == 0) outermost_loop_ = node.tag;
    RenderLoop(node, items.get());
    --loop_depth_;
  }

  void RenderLoop(const ForNode& node, const json& items) {
    const Expr& iterable = *node.iterable;
    std::string written = Written(iterable);
    if (items.is_string()) {
      Error(iterable.begin,
            "a loop over a string ('" + written +
                "') is unsupported in the AGPM dialect; loop over a list");
      return;
    }
    if (items.is_array() && !node.key_name.empty()) {
      Error(iterable.begin, "cannot iterate a list with two names ('" +
                                written + "'); write '{% for item in " +
                                written + " %}'");
      return;
    }
    if (items.is_object() && node.key_name.empty()) {
      Error(iterable.begin, "cannot iterate a table with one name ('" +
                                written + "'); write '{% for key, value in " +
                                written + " %}'");
      return;
    }
    if (!items.is_array() && !items.is_object()) {
      Error(iterable.begin,
            "cannot iterate " + Describe(items) + " ('" + written + "')");
      return;
    }
    if (items.empty()) {
      if (node.has_else) RenderBlock(node.else_body);
      return;
    }
    frames_.emplace_back();
    Frame& frame = frames_.back();
    frame.loop = &node;
    frame.count = items.size();
    for (auto item = items.begin(); item != items.end(); ++item) {
      if (!Step(node.tag)) break;
      frame.value = &item.value();
      if (items.is_object()) frame.key = item.key();
      RenderBlock(node.body);
      frame.sets.clear();  // a loop's `set` lasts one iteration
      ++frame.index;
      Jump jump = jump_;
      jump_ = Jump::kNone;
      if (jump == Jump::kBreak || full_) break;
    }
    frames_.pop_back();
  }

  // ---- expressions ----

  // The value of `expr`. With `tolerate`, an undefined name (alone or under
  // filters, not a subscript's) is returned as kUndefined unreported.
  Evaluated Evaluate(const Expr& expr, bool tolerate) {
    switch (expr.kind) {
      case Expr::Kind::kLiteral:
        return Value(Borrow(&expr.literal));
      case Expr::Kind::kName:
        return EvaluateName(expr, tolerate);
      case Expr::Kind::kList: {
        json list = json::array();
        for (const ExprPtr& item : expr.operands) {
          Evaluated value = Evaluate(*item, false);
          if (value.status != Evaluated::Status::kValue) return Failed();
          list.push_back(value.held.get());
        }
        return Value(Own(std::move(list)));
      }
      case Expr::Kind::kConcat:
        return EvaluateConcat(expr);
      case Expr::Kind::kMath:
      case Expr::Kind::kCompare:
      case Expr::Kind::kIn:
        return EvaluateBinary(expr);
      case Expr::Kind::kAnd:
      case Expr::Kind::kOr:
      case Expr::Kind::kNot: {
        std::optional<bool> truth = Truth(expr);
        if (!truth) return Failed();
        return Value(Own(json(*truth)));
      }
      case Expr::Kind::kTest: {
        std::optional<bool> result = EvaluateTest(expr);
        if (!result) return Failed();
        return Value(Own(json(*result)));
      }
      case Expr::Kind::kFilter:
        return EvaluateFilter(expr, tolerate);
    }
    return Failed();
  }

  // A condition's truth: an undefined name is false there.
  std::optional<bool> Truth(const Expr& expr) {
    switch (expr.kind) {
      case Expr::Kind::kAnd:
        for (const ExprPtr& operand : expr.operands) {
          std::optional<bool> truth = Truth(*operand);
          if (!truth || !*truth) return truth;
        }
        return true;
      case Expr::Kind::kOr:
        for (const ExprPtr& operand : expr.operands) {
          std::optional<bool> truth = Truth(*operand);
          if (!truth || *truth) return truth;
        }
        return false;
      case Expr::Kind::kNot: {
        std::optional<bool> truth = Truth(*expr.operands[0]);
        if (!truth) return std::nullopt;
        return !*truth;
      }
      default:
        break;
    }
    Evaluated value = Evaluate(expr, true);
    if (value.status == Evaluated::Status::kUndefined) return false;
    if (value.status == Evaluated::Status::kFailed) return std::nullopt;
    // Tera takes arithmetic as a number there: its "NaN" is false.
    if (expr.kind == Expr::Kind::kMath && value.held.get().is_string())
      return false;
    return IsTruthy(value.held.get());
  }

  Evaluated EvaluateName(const Expr& name, bool tolerate) {
    Lookup lookup = LookUp(name);
    if (lookup.status == Lookup::Status::kFound)
      return Value(std::move(lookup.held));
    if (lookup.status == Lookup::Status::kFailed) return Failed();
    if (tolerate) {
      Evaluated undefined;
      undefined.status = Evaluated::Status::kUndefined;
      return undefined;
    }
    ReportUndefined(name, lookup.miss);
    return Failed();
  }

  Evaluated EvaluateConcat(const Expr& expr) {
    std::string joined;
    for (const ExprPtr& part : expr.operands) {
      Evaluated value = Evaluate(*part, false);
      if (value.status != Evaluated::Status::kValue) return Failed();
      std::string error;
      std::optional<std::string> text = ConcatText(
          value.held.get(), part->kind == Expr::Kind::kLiteral, &error);
      if (!text) {
        Error(part->begin, error + " ('" + Written(*part) + "')");
        return Failed();
      }
      joined += *text;
    }
    return Value(Own(json(std::move(joined))));
  }

  Evaluated EvaluateBinary(const Expr& expr) {
    Evaluated left = Evaluate(*expr.operands[0], false);
    if (left.status != Evaluated::Status::kValue) return Failed();
    Evaluated right = Evaluate(*expr.operands[1], false);
    if (right.status != Evaluated::Status::kValue) return Failed();
    std::string error;
    std::optional<json> result;
    if (expr.kind == Expr::Kind::kMath) {
      result = Arithmetic(expr.op, left.held.get(), right.held.get(), &error);
    } else if (expr.kind == Expr::Kind::kCompare) {
      std::optional<bool> truth =
          Compare(expr.op, left.held.get(), right.held.get(), &error);
      if (truth) result = json(*truth);
    } else {
      std::optional<bool> found =
          Contains(right.held.get(), left.held.get(), &error);
      if (found) result = json(expr.negated ? !*found : *found);
    }
    if (!result) {
      Error(expr.name_offset, error + " ('" + Written(expr) + "')");
      return Failed();
    }
    return Value(Own(std::move(*result)));
  }

  std::optional<bool> EvaluateTest(const Expr& test) {
    const Expr& subject = *test.operands[0];
    Lookup lookup = LookUp(subject);
    if (lookup.status == Lookup::Status::kFailed) return std::nullopt;
    bool defined = lookup.status == Lookup::Status::kFound;
    bool result = false;
    if (test.name == "defined" || test.name == "undefined") {
      result = defined == (test.name == "defined");
    } else {
      if (!defined) {
        ReportUndefined(subject, lookup.miss,
                        "; test '" + test.name + "' needs a defined value");
        return std::nullopt;
      }
      std::vector<json> arguments;
      for (const Argument& argument : test.arguments) {
        Evaluated value = Evaluate(*argument.value, false);
        if (value.status != Evaluated::Status::kValue) return std::nullopt;
        arguments.push_back(value.held.get());
      }
      BuiltinError error;
      std::optional<bool> answer =
          ApplyTester(test.name, lookup.held.get(), arguments, &error);
      if (!answer) {
        size_t at = test.name_offset;
        std::optional<size_t> index = ListIndex(error.argument);
        if (index && *index < test.arguments.size())
          at = test.arguments[*index].offset;
        Error(at, error.message);
        return std::nullopt;
      }
      result = *answer;
    }
    return test.negated ? !result : result;
  }

  Evaluated EvaluateFilter(const Expr& filter, bool tolerate) {
    const Expr& input_expr = *filter.operands[0];
    if (filter.name == "default") {
      // Only ever the first filter on a name (the parser sees to that).
      if (!Step(filter.name_offset)) return Failed();
      Evaluated input = Evaluate(input_expr, true);
      if (input.status == Evaluated::Status::kFailed) return Failed();
      if (input.status == Evaluated::Status::kValue &&
          !input.held.get().is_null()) {
        return input;
      }
      return Evaluate(*filter.arguments.front().value, false);
    }
    Evaluated input = Evaluate(input_expr, tolerate);
    if (input.status != Evaluated::Status::kValue) return input;
    if (!Step(filter.name_offset)) return Failed();
    const json& value = input.held.get();
    if (filter.name == "safe") return input;
    if (filter.name == "content") return ApplyContent(value, filter);
    FilterArguments arguments;
    for (const Argument& argument : filter.arguments) {
      Evaluated evaluated = Evaluate(*argument.value, false);
      if (evaluated.status != Evaluated::Status::kValue) return Failed();
      const json& given = evaluated.held.get();
      if ((argument.name == "pat" || argument.name == "sep") &&
          given.is_string()) {
        arguments.emplace(argument.name,
                          Unescape(given.get_ref<const std::string&>()));
      } else {
        arguments.emplace(argument.name, given);
      }
    }
    BuiltinError error;
    std::optional<json> result =
        ApplyFilter(filter.name, value, arguments, &error);
    if (!result) {
      size_t at = filter.name_offset;
      for (const Argument& argument : filter.arguments) {
        if (argument.name == error.argument) at = argument.offset;
      }
      Error(at, error.message);
      return Failed();
    }
    return Value(Own(std::move(*result)));
  }

  Evaluated ApplyContent(const json& path, const Expr& filter) {
    std::optional<FilterError> error;
    std::optional<std::string> text =
        ApplyContentFilter(path, content_, locate_(filter.begin),
                           filter.name_offset, sink_, &error);
    if (!text) {
      if (error) {
        Error(error->offset, std::move(error->message));
      } else {
        failed_ = true;  // the filter has reported why
      }
      return Failed();
    }
    return Value(Own(json(std::move(*text))));
  }

  // ---- names ----

  // The key of part `i` of `name`: written, or its subscript's value.
  bool SubscriptKeys(const Expr& name, std::vector<std::string>* keys) {
    keys->reserve(name.parts.size());
    for (const NamePart& part : name.parts) {
      if (!part.subscript) {
        keys->push_back(part.key);
        continue;
      }
      Evaluated value = Evaluate(*part.subscript, false);
      if (value.status != Evaluated::Status::kValue) return false;
      const json& key = value.held.get();
      if (key.is_string()) {
        keys->push_back(key.get<std::string>());
      } else if (key.is_number()) {
        keys->push_back(key.is_number_float()
                            ? SerdeJsonNumber(key.get<double>())
                            : key.dump());
      } else {
        Error(part.subscript->begin,
              "a subscript must hold a string or a number, not " +
                  Describe(key) + " ('" + Written(*part.subscript) + "')");
        return false;
      }
    }
    return true;
  }

  // Follows parts [from, end) of a name from `value`.
  static const json* Follow(const json* value, const Expr& name,
                            const std::vector<std::string>* keys, size_t from,
                            Miss* miss) {
    for (size_t i = from; i < name.parts.size(); ++i) {
      std::string_view key = keys != nullptr
                                 ? std::string_view((*keys)[i])
                                 : std::string_view(name.parts[i].key);
      const json* next = nullptr;
      if (value->is_object()) {
        auto found = value->find(key);
        if (found != value->end()) next = &*found;
      } else if (value->is_array()) {
        std::optional<size_t> index = ListIndex(key);
        if (index && *index < value->size()) next = &(*value)[*index];
      }
      if (next == nullptr) {
        miss->missing = i;
        miss->parent = value;
        return nullptr;
      }
      value = next;
    }
    return value;
  }

  // Innermost scope first; a scope answers only when the whole name
  // resolves in it. The miss kept is the innermost scope's that knew the
  // first part (else the context's).
  Lookup LookUp(const Expr& name) {
    Lookup lookup;
    std::vector<std::string> owned_keys;
    const std::vector<std::string>* keys = nullptr;
    for (const NamePart& part : name.parts) {
      if (part.subscript) {
        if (!SubscriptKeys(name, &owned_keys)) {
          lookup.status = Lookup::Status::kFailed;
          return lookup;
        }
        keys = &owned_keys;
        break;
      }
    }
    const std::string& first = name.parts.front().key;
    bool missed = false;
    auto attempt = [&](const json* root, bool from_set) {
      Miss miss;
      const json* found = Follow(root, name, keys, 1, &miss);
      if (found != nullptr) {
        lookup.status = Lookup::Status::kFound;
        lookup.held = Borrow(found);
        lookup.held.from_set = from_set;
        return true;
      }
      if (!missed) {
        lookup.miss = miss;
        missed = true;
      }
      return false;
    };
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
      if (const json* set = FindSet(frame->sets, first)) {
        if (attempt(set, true)) return lookup;
      }
      if (first == frame->loop->value_name) {
        if (attempt(frame->value, false)) return lookup;
      } else if (!frame->loop->key_name.empty() &&
                 first == frame->loop->key_name) {
        if (attempt(&frame->key, false)) return lookup;
      } else if (first == "loop") {
        if (LoopVariable(*frame, name, keys, &lookup)) return lookup;
        if (!missed) {
          lookup.miss.missing = 1;
          lookup.miss.in_loop_object = true;
          missed = true;
        }
      }
    }
    if (const json* set = FindSet(top_sets_, first)) {
      if (attempt(set, true)) return lookup;
    }
    auto found = context_.find(first);
    if (found != context_.end()) {
      if (attempt(&*found, false)) return lookup;
    } else if (!missed) {
      lookup.miss = Miss();
      missed = true;
    }
    lookup.status = Lookup::Status::kUndefined;
    return lookup;
  }

  // `loop.index`, `loop.index0`, `loop.first`, `loop.last`.
  static bool LoopVariable(const Frame& frame, const Expr& name,
                           const std::vector<std::string>* keys,
                           Lookup* lookup) {
    if (name.parts.size() != 2) return false;
    std::string_view key = keys != nullptr
                               ? std::string_view((*keys)[1])
                               : std::string_view(name.parts[1].key);
    json value;
    if (key == "index") {
      value = frame.index + 1;
    } else if (key == "index0") {
      value = frame.index;
    } else if (key == "first") {
      value = frame.index == 0;
    } else if (key == "last") {
      value = frame.index + 1 == frame.count;
    } else {
      return false;
    }
    lookup->status = Lookup::Status::kFound;
    lookup->held = Own(std::move(value));
    return true;
  }

  void ReportUndefined(const Expr& name, const Miss& miss,
                       const std::string& suffix = "") {
    // Inside a loop the same name fails once per iteration: the message,
    // with its search for a suggestion, is built the first time only.
    if (reported_.count(name.begin)) {
      failed_ = true;
      return;
    }
    const std::string& missing = name.parts[miss.missing].key;
    std::string message = "undefined name '" + Written(name) + "'";
    if (miss.in_loop_object) {
      message +=
          "; a loop has 'loop.index', 'loop.index0', 'loop.first' and "
          "'loop.last'";
    } else if (miss.parent != nullptr && miss.parent->is_array()) {
      message += "; '" + Written(name.begin, name.parts[miss.missing - 1].end) +
                 "' is a list of " + std::to_string(miss.parent->size()) +
                 " items (index it with a number below that)";
    } else if (miss.parent != nullptr && !miss.parent->is_object()) {
      message += "; '" + Written(name.begin, name.parts[miss.missing - 1].end) +
                 "' is " + Describe(*miss.parent) + ", not a table";
    } else {
      std::vector<std::string> keys;
      const json& level = miss.parent != nullptr ? *miss.parent : context_;
      if (level.is_object()) {
        for (auto item = level.begin(); item != level.end(); ++item)
          keys.push_back(item.key());
      }
      if (miss.parent == nullptr) {
        for (const auto& set : top_sets_) keys.push_back(set.first);
        for (const Frame& frame : frames_) {
          keys.push_back(frame.loop->value_name);
          if (!frame.loop->key_name.empty())
            keys.push_back(frame.loop->key_name);
          for (const auto& set : frame.sets) keys.push_back(set.first);
        }
      }
      if (std::optional<std::string> near = NearestName(missing, keys))
        message += "; did you mean '" + *near + "'?";
    }
    if (miss.missing == 3 && miss.parent != nullptr &&
        miss.parent->is_object() && name.parts[0].key == "agpm" &&
        name.parts[1].key == "deps") {
      message += "; no dependency '" + missing + "' is declared under '" +
                 name.parts[2].key + "' (add a 'dependencies:' entry for it)";
    }
    Error(name.begin, message + suffix);
  }

  std::string_view text_;
  const Locator& locate_;
  const json& context_;
  const ContentFilter& content_;
  DiagnosticSink& sink_;
  OffsetMap* offsets_;
  WorkBudget& budget_;
  std::string out_;
  std::deque<Frame> frames_;  // a deque: a new loop moves no outer frame
  std::vector<std::pair<std::string, json>> top_sets_;
  std::set<size_t> reported_;
  Jump jump_ = Jump::kNone;
  bool failed_ = false;
  bool full_ = false;          // a limit was reached: the render stops
  int loop_depth_ = 0;         // loops entered and not left
  size_t outermost_loop_ = 0;  // the `{%` of the outermost of them
};

}  // namespace

std::optional<std::string> RenderTemplate(
    const Block& root, std::string_view text, const Locator& locate,
    const json& context, const ContentFilter& content, DiagnosticSink& sink,
    OffsetMap* offsets, WorkBudget& budget) {
  return Renderer(text, locate, context, content, sink, offsets, budget)
      .Run(root);
}

}  // namespace agpm
}  // namespace agentgen
