// SPDX-License-Identifier: MIT
#include "engines/agpm/agpm_renderer.h"

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "base/nearest_name.h"
#include "base/number_text.h"

namespace agentgen {

using nlohmann::json;

namespace agpm {
namespace {

struct Result {
  enum class Status { kDefined, kUndefined, kFailed };
  Status status = Status::kFailed;
  const json* ref = nullptr;
  json owned;
  const Value* path = nullptr;   // kUndefined: the path that did not resolve,
  size_t missing = 0;            // its first missing segment
  const json* parent = nullptr;  // and what lacked it (null: the root)

  const json& value() const { return ref != nullptr ? *ref : owned; }
};

Result Defined(const json* value) {
  Result result;
  result.status = Result::Status::kDefined;
  result.ref = value;
  return result;
}

Result Undefined(const Value* path, size_t missing, const json* parent) {
  Result result;
  result.status = Result::Status::kUndefined;
  result.path = path;
  result.missing = missing;
  result.parent = parent;
  return result;
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
  struct Binding {
    std::string_view name;
    const json* value;
  };

  // Reports once per position: a loop repeats its body's errors otherwise.
  void Error(size_t offset, std::string message) {
    failed_ = true;
    if (!reported_.insert(offset).second) return;
    sink_.Error(locate_(offset), std::move(message));
  }

  std::string Written(size_t begin, size_t end) const {
    return std::string(text_.substr(begin, end - begin));
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
      if (full_) return;
      if (const auto* text = std::get_if<TextNode>(&node.v)) {
        AppendCopied(text->begin, text->end);
      } else if (const auto* fence = std::get_if<FenceNode>(&node.v)) {
        AppendProduced(fence->open, "```\n");
        AppendCopied(fence->inner_begin, fence->inner_end);
        AppendProduced(fence->close, "```");
      } else if (const auto* print = std::get_if<PrintNode>(&node.v)) {
        RenderPrint(*print);
      } else if (const auto* if_node = std::get_if<IfNode>(&node.v)) {
        RenderIf(*if_node);
      } else if (const auto* for_node = std::get_if<ForNode>(&node.v)) {
        RenderFor(*for_node);
      }
    }
  }

  void RenderPrint(const PrintNode& print) {
    if (!Step(print.tag)) return;
    Result result = Evaluate(print.value);
    if (result.status == Result::Status::kUndefined) {
      ReportUndefined(result);
      return;
    }
    if (result.status == Result::Status::kFailed) return;
    const json& value = result.value();
    if (value.is_string()) {
      AppendProduced(print.tag, value.get_ref<const std::string&>());
      return;
    }
    std::optional<std::string> text = PrintScalar(value);
    if (!text) {
      Error(print.value.begin, "cannot print " + Describe(value) + " ('" +
                                   Written(print.value.begin, print.value.end) +
                                   "'); iterate it with '{% for %}'");
      return;
    }
    AppendProduced(print.tag, *text);
  }

  void RenderIf(const IfNode& node) {
    for (const Branch& branch : node.branches) {
      if (!branch.condition || Test(*branch.condition)) {
        RenderBlock(branch.body);
        return;
      }
    }
  }

  void RenderFor(const ForNode& node) {
    const Value& iterable = node.iterable;
    Result result = Evaluate(iterable);
    if (result.status == Result::Status::kUndefined) {
      ReportUndefined(result);
      return;
    }
    if (result.status == Result::Status::kFailed) return;
    const json& items = result.value();
    if (loop_depth_++ == 0) outermost_loop_ = node.tag;
    RenderLoop(node, items);
    --loop_depth_;
  }

  void RenderLoop(const ForNode& node, const json& items) {
    const Value& iterable = node.iterable;
    auto written = [&] { return Written(iterable.begin, iterable.end); };
    if (items.is_array()) {
      if (!node.key_name.empty()) {
        Error(iterable.begin, "cannot iterate a list with two names ('" +
                                  written() + "'); write '{% for item in " +
                                  written() + " %}'");
        return;
      }
      for (const json& item : items) {
        if (!Step(node.tag)) return;
        scope_.push_back({node.value_name, &item});
        RenderBlock(node.body);
        scope_.pop_back();
      }
    } else if (items.is_object()) {
      if (node.key_name.empty()) {
        Error(iterable.begin,
              "cannot iterate a table with one name ('" + written() +
                  "'); write '{% for key, value in " + written() + " %}'");
        return;
      }
      for (auto item = items.begin(); item != items.end(); ++item) {
        if (!Step(node.tag)) return;
        json key = item.key();
        scope_.push_back({node.key_name, &key});
        scope_.push_back({node.value_name, &item.value()});
        RenderBlock(node.body);
        scope_.pop_back();
        scope_.pop_back();
      }
    } else {
      Error(iterable.begin,
            "cannot iterate " + Describe(items) + " ('" + written() + "')");
    }
  }

  bool Test(const Condition& condition) {
    switch (condition.kind) {
      case Condition::Kind::kValue: {
        Result result = Evaluate(condition.value);
        return result.status == Result::Status::kDefined &&
               IsTruthy(result.value());
      }
      case Condition::Kind::kNot:
        return !Test(condition.operands.front());
      case Condition::Kind::kAnd:
        for (const Condition& operand : condition.operands) {
          if (!Test(operand)) return false;
        }
        return true;
      case Condition::Kind::kOr:
        for (const Condition& operand : condition.operands) {
          if (Test(operand)) return true;
        }
        return false;
    }
    return false;
  }

  Result Evaluate(const Value& value) {
    Result result = value.is_literal ? Defined(&value.literal) : Lookup(value);
    for (const Filter& filter : value.filters) {
      if (!Step(filter.offset)) return Result();
      if (filter.kind == Filter::Kind::kDefault) {
        // An undefined value or null is replaced (Tera's processor.rs):
        // `agpm.resource.version | default(value="none")` on a local file.
        bool missing = result.status == Result::Status::kUndefined ||
                       (result.status == Result::Status::kDefined &&
                        result.value().is_null());
        if (missing) result = Evaluate(*filter.fallback);
      } else if (result.status == Result::Status::kDefined) {
        result = ApplyContent(result.value(), value, filter);
      }
    }
    return result;
  }

  Result ApplyContent(const json& path, const Value& value,
                      const Filter& filter) {
    std::optional<FilterError> error;
    std::optional<std::string> text = ApplyContentFilter(
        path, content_, locate_(value.begin), filter.offset, sink_, &error);
    if (!text) {
      if (error) {
        Error(error->offset, std::move(error->message));
      } else {
        failed_ = true;  // the filter has reported why
      }
      return Result();
    }
    Result result;
    result.status = Result::Status::kDefined;
    result.owned = std::move(*text);
    return result;
  }

  // Loop variables shadow the context, innermost first.
  Result Lookup(const Value& value) {
    const std::string& first = value.path.front().key;
    const json* current = nullptr;
    for (auto binding = scope_.rbegin(); binding != scope_.rend(); ++binding) {
      if (binding->name == first) {
        current = binding->value;
        break;
      }
    }
    if (current == nullptr) {
      auto found = context_.find(first);
      if (found == context_.end()) return Undefined(&value, 0, nullptr);
      current = &*found;
    }
    for (size_t i = 1; i < value.path.size(); ++i) {
      if (!current->is_object()) return Undefined(&value, i, current);
      auto found = current->find(value.path[i].key);
      if (found == current->end()) return Undefined(&value, i, current);
      current = &*found;
    }
    return Defined(current);
  }

  void ReportUndefined(const Result& result) {
    const Value& value = *result.path;
    // Inside a loop the same name fails once per iteration: the message,
    // with its search for a suggestion, is built the first time only.
    if (reported_.count(value.begin)) {
      failed_ = true;
      return;
    }
    const std::string& missing = value.path[result.missing].key;
    std::string message =
        "undefined name '" + Written(value.begin, value.path_end) + "'";
    if (result.parent != nullptr && !result.parent->is_object()) {
      message += "; '" +
                 Written(value.begin, value.path[result.missing - 1].end) +
                 "' is " + Describe(*result.parent) + ", not a table";
    } else {
      std::vector<std::string_view> keys;
      const json& level = result.parent != nullptr ? *result.parent : context_;
      if (level.is_object()) {
        for (auto item = level.begin(); item != level.end(); ++item)
          keys.push_back(item.key());
      }
      if (result.parent == nullptr) {
        for (const Binding& binding : scope_) keys.push_back(binding.name);
      }
      if (std::optional<std::string> near = NearestName(
              missing, std::vector<std::string>(keys.begin(), keys.end())))
        message += "; did you mean '" + *near + "'?";
    }
    if (IsDependencyKey(value, result)) {
      message += "; no dependency '" + missing + "' is declared under '" +
                 value.path[2].key + "' (add a 'dependencies:' entry for it)";
    }
    Error(value.begin, message);
  }

  // Whether the lookup failed at the <key> of `agpm.deps.<category>.<key>`.
  static bool IsDependencyKey(const Value& value, const Result& result) {
    return result.missing == 3 && result.parent != nullptr &&
           result.parent->is_object() && value.path[0].key == "agpm" &&
           value.path[1].key == "deps";
  }

  std::string_view text_;
  const Locator& locate_;
  const json& context_;
  const ContentFilter& content_;
  DiagnosticSink& sink_;
  OffsetMap* offsets_;
  WorkBudget& budget_;
  std::string out_;
  std::vector<Binding> scope_;
  std::set<size_t> reported_;
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
