// SPDX-License-Identifier: MIT
#include "engines/mustache/mustache_strict_check.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "base/nearest_name.h"

namespace agentgen {
namespace {

// The key of `object` nearest to `wanted`, if one is close enough to be a
// likely typo.
std::optional<std::string> NearestKey(const nlohmann::json& object,
                                      std::string_view wanted) {
  if (!object.is_object()) return std::nullopt;
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return NearestName(wanted, keys);
}

const nlohmann::json* MemberOf(const nlohmann::json& object,
                               std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto member = object.find(std::string(key));
  return member == object.end() ? nullptr : &*member;
}

bool IsRootName(std::string_view name) {
  return name.rfind("agpm.", 0) == 0 || name.rfind("project.", 0) == 0;
}

// Resolves the dotted `name` from the root of the context the way mstch
// resolves each part (a key of a map, nothing else); on failure, the message.
std::optional<std::string> CheckRootName(const nlohmann::json& root,
                                         std::string_view name) {
  const nlohmann::json* node = &root;
  size_t part_begin = 0;
  while (true) {
    size_t dot = name.find('.', part_begin);
    std::string_view part = name.substr(part_begin, dot - part_begin);
    const nlohmann::json* value = MemberOf(*node, part);
    if (value == nullptr) {
      std::string message = "undefined name '" + std::string(name) + "'";
      if (std::optional<std::string> key = NearestKey(*node, part))
        message += "; did you mean '" + *key + "'?";
      return message;
    }
    if (dot == std::string_view::npos) return std::nullopt;
    node = value;
    part_begin = dot + 1;
  }
}

TemplateError SectionNotClosed(const Tag& opener) {
  return {opener.begin,
          "section '" + std::string(opener.name) + "' is not closed"};
}

}  // namespace

std::vector<TemplateError> StrictCheck::CheckTemplate(std::string_view text) {
  std::vector<TemplateError> errors;
  std::vector<Tag> open_sections;
  TagReader reader(text);
  Tag tag;
  TemplateError error;
  while (true) {
    TagReader::Result result = reader.Next(&tag, &error);
    if (result == TagReader::Result::kEnd) break;
    if (result == TagReader::Result::kError) {
      errors.push_back(std::move(error));
      return errors;
    }
    switch (tag.kind) {
      case TagKind::kSection:
      case TagKind::kInvertedSection:
        RecordNameParts(tag.name);
        open_sections.push_back(tag);
        break;
      case TagKind::kSectionEnd: {
        auto opener = std::find_if(
            open_sections.rbegin(), open_sections.rend(),
            [&tag](const Tag& open) { return open.name == tag.name; });
        if (opener == open_sections.rend()) {
          errors.push_back({tag.begin, "'" + reader.SectionEndText(tag.name) +
                                           "' closes no open section"});
          return errors;
        }
        // It closes an outer section: the inner ones were left open.
        if (opener != open_sections.rbegin()) {
          errors.push_back(SectionNotClosed(open_sections.back()));
          return errors;
        }
        open_sections.pop_back();
        break;
      }
      case TagKind::kEscaped:
      case TagKind::kUnescaped:
        RecordNameParts(tag.name);
        CheckInterpolation(tag, &errors);
        break;
      case TagKind::kPartial:
        CheckPartialTag(tag, &errors);
        break;
      case TagKind::kComment:
      case TagKind::kSetDelimiters:
        break;
    }
  }
  if (!open_sections.empty())
    errors.push_back(SectionNotClosed(open_sections.back()));
  return errors;
}

void StrictCheck::RecordNameParts(std::string_view name) {
  size_t part_begin = 0;
  while (true) {
    size_t dot = name.find('.', part_begin);
    name_parts_.emplace(name.substr(part_begin, dot - part_begin));
    if (dot == std::string_view::npos) return;
    part_begin = dot + 1;
  }
}

// Only names under agpm. and project. are checked: they always mean the
// root's tables, whereas any other name may legitimately come from a
// section's element or be missing (Mustache renders nothing then).
void StrictCheck::CheckInterpolation(const Tag& tag,
                                     std::vector<TemplateError>* errors) {
  if (!IsRootName(tag.name)) return;
  if (std::optional<std::string> message = CheckRootName(root_, tag.name))
    errors->push_back({tag.begin, std::move(*message)});
}

// Errors inside a partial are reported at the tag that includes it: the
// locator only knows the including text.
void StrictCheck::CheckPartialTag(const Tag& tag,
                                  std::vector<TemplateError>* errors) {
  std::string name(tag.name);
  auto partial = partials_.find(name);
  if (partial == partials_.end()) {
    errors->push_back({tag.begin, "unknown partial '" + name + "'"});
    return;
  }
  if (std::find(partial_chain_.begin(), partial_chain_.end(), name) !=
      partial_chain_.end()) {
    errors->push_back({tag.begin, "partial '" + name + "' includes itself"});
    return;
  }
  if (partial_chain_.size() >= kMaxPartialDepth) {
    errors->push_back({tag.begin, "partials nest more than " +
                                      std::to_string(kMaxPartialDepth) +
                                      " deep"});
    return;
  }
  used_partials_.insert(name);
  for (const std::string& message : PartialErrors(name, partial->second))
    errors->push_back({tag.begin, "in partial '" + name + "': " + message});
}

const std::vector<std::string>& StrictCheck::PartialErrors(
    const std::string& name, const std::string& text) {
  auto checked = partial_errors_.find(name);
  if (checked != partial_errors_.end()) return checked->second;
  partial_chain_.push_back(name);
  std::vector<std::string> messages;
  for (TemplateError& error : CheckTemplate(text))
    messages.push_back(std::move(error.message));
  partial_chain_.pop_back();
  return partial_errors_[name] = std::move(messages);
}

}  // namespace agentgen
