// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/array_filters.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/unicode_text.h"
#include "engines/agpm/agpm_values.h"

namespace agentgen::agpm {

using nlohmann::json;

namespace {

const json* ListInput(const FilterCall& call) {
  if (!call.input.is_array()) {
    WrongInput(call, "a list");
    return nullptr;
  }
  return &call.input;
}

std::vector<std::string> PathSegments(std::string_view path) {
  std::vector<std::string> segments;
  std::string current;
  char quote = 0;
  auto flush = [&] {
    if (!current.empty()) segments.push_back(current);
    current.clear();
  };
  for (char c : path) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
        flush();
      } else {
        current += c;
      }
    } else if (c == '"' || c == '\'') {
      flush();
      quote = c;
    } else if (c == '.' || c == '[' || c == ']') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return segments;
}

// serde_json's list index: decimal digits, no sign, no leading zero.
std::optional<size_t> ListIndex(const std::string& segment) {
  if (segment.empty() || segment.size() > 19) return std::nullopt;
  if (segment.size() > 1 && segment[0] == '0') return std::nullopt;
  size_t index = 0;
  for (char c : segment) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return index;
}

std::string MissingAttribute(const std::string& attribute) {
  return "attribute '" + attribute + "' is missing from an item";
}

// What the key of the first item makes of every key.
enum class KeyKind { kNumber, kString, kBoolean, kList };

std::optional<KeyKind> SortKind(const json& key) {
  if (key.is_number()) return KeyKind::kNumber;
  if (key.is_string()) return KeyKind::kString;
  if (key.is_boolean()) return KeyKind::kBoolean;
  if (key.is_array()) return KeyKind::kList;
  return std::nullopt;
}

const char* KindName(KeyKind kind) {
  switch (kind) {
    case KeyKind::kNumber:
      return "a number";
    case KeyKind::kString:
      return "a string";
    case KeyKind::kBoolean:
      return "a boolean";
    case KeyKind::kList:
      return "a list";
  }
  return "";
}

// IEEE 754 totalOrder of two doubles (Rust's `f64::total_cmp`): -0 before 0.
bool TotalLess(double left, double right) {
  std::int64_t a = 0;
  std::int64_t b = 0;
  std::memcpy(&a, &left, sizeof a);
  std::memcpy(&b, &right, sizeof b);
  a ^= static_cast<std::int64_t>(static_cast<std::uint64_t>(a >> 63) >> 1);
  b ^= static_cast<std::int64_t>(static_cast<std::uint64_t>(b >> 63) >> 1);
  return a < b;
}

bool KeyLess(KeyKind kind, const json& left, const json& right) {
  switch (kind) {
    case KeyKind::kNumber:
      return TotalLess(left.get<double>(), right.get<double>());
    case KeyKind::kString:
      // std::string compares bytes, which for UTF-8 is code point order.
      return left.get_ref<const std::string&>() <
             right.get_ref<const std::string&>();
    case KeyKind::kBoolean:
      return !left.get<bool>() && right.get<bool>();
    case KeyKind::kList:
      return left.size() < right.size();
  }
  return false;
}

bool HasKind(KeyKind kind, const json& key) {
  std::optional<KeyKind> own = SortKind(key);
  return own && *own == kind;
}

}  // namespace

const json* FindDottedPath(const json& value, std::string_view path) {
  const json* current = &value;
  for (const std::string& segment : PathSegments(path)) {
    if (current->is_object()) {
      auto found = current->find(segment);
      if (found == current->end()) return nullptr;
      current = &*found;
    } else if (current->is_array()) {
      std::optional<size_t> index = ListIndex(segment);
      if (!index || *index >= current->size()) return nullptr;
      current = &(*current)[*index];
    } else {
      return nullptr;
    }
  }
  return current;
}

std::optional<json> FilterFirst(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  return list->empty() ? json("") : list->front();
}

std::optional<json> FilterLast(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  return list->empty() ? json("") : list->back();
}

std::optional<json> FilterNth(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  std::uint64_t index = 0;
  if (FindArgument(call, "n") == nullptr) {
    Fail(call, "n", "filter 'nth' needs the argument 'n'");
    return std::nullopt;
  }
  if (!ReadUint64(call, "n", &index)) return std::nullopt;
  if (index >= list->size()) return json("");
  return (*list)[static_cast<size_t>(index)];
}

std::optional<json> FilterJoin(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  std::string separator;
  if (!ReadString(call, "sep", &separator)) return std::nullopt;
  separator = UnescapeNewlineAndTab(separator);
  std::string joined;
  bool first = true;
  for (const json& item : *list) {
    std::optional<std::string> printed = DisplayValue(item);
    if (!printed) {
      Fail(call, "",
           "filter 'join' cannot print a table (Tera writes [object]); give "
           "it a list of strings, numbers, booleans or lists");
      return std::nullopt;
    }
    if (!first) joined += separator;
    first = false;
    joined += *printed;
  }
  return json(joined);
}

std::optional<json> FilterSort(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  std::string attribute;
  if (!ReadString(call, "attribute", &attribute)) return std::nullopt;
  if (list->empty()) return *list;
  std::vector<std::pair<const json*, const json*>> items;  // item, key
  std::optional<KeyKind> kind;
  for (const json& item : *list) {
    const json* key = FindDottedPath(item, attribute);
    if (key == nullptr) {
      Fail(call, "attribute", "filter 'sort': " + MissingAttribute(attribute));
      return std::nullopt;
    }
    if (!kind) {
      kind = SortKind(*key);
      if (!kind) {
        Fail(call, attribute.empty() ? "" : "attribute",
             "filter 'sort' needs keys that are numbers, strings, booleans or "
             "lists, not " +
                 Describe(*key));
        return std::nullopt;
      }
    } else if (!HasKind(*kind, *key)) {
      Fail(call, attribute.empty() ? "" : "attribute",
           "filter 'sort' needs every key to be " +
               std::string(KindName(*kind)) + " like the first, not " +
               DescribeGiven(*key));
      return std::nullopt;
    }
    items.emplace_back(&item, key);
  }
  std::stable_sort(items.begin(), items.end(),
                   [&](const auto& left, const auto& right) {
                     return KeyLess(*kind, *left.second, *right.second);
                   });
  json sorted = json::array();
  for (const auto& item : items) sorted.push_back(*item.first);
  return sorted;
}

std::optional<json> FilterUnique(const FilterCall& call) {
  const json* list = ListInput(call);
  if (list == nullptr) return std::nullopt;
  bool case_sensitive = false;
  std::string attribute;
  if (!ReadBool(call, "case_sensitive", &case_sensitive) ||
      !ReadString(call, "attribute", &attribute)) {
    return std::nullopt;
  }
  if (list->empty()) return *list;
  std::string_view at_fault = attribute.empty() ? "" : "attribute";
  const json* first_key = FindDottedPath(list->front(), attribute);
  if (first_key == nullptr) {
    Fail(call, "attribute", "filter 'unique': " + MissingAttribute(attribute));
    return std::nullopt;
  }
  // Tera's strategies: strings, integers and booleans; the first key picks.
  json::value_t kind = first_key->type();
  if (first_key->is_number_integer()) kind = json::value_t::number_integer;
  if (kind != json::value_t::string && kind != json::value_t::boolean &&
      kind != json::value_t::number_integer) {
    Fail(call, at_fault,
         "filter 'unique' needs keys that are strings, integers or booleans, "
         "not " +
             Describe(*first_key));
    return std::nullopt;
  }
  std::set<std::string> seen;
  json result = json::array();
  for (const json& item : *list) {
    const json* key = FindDottedPath(item, attribute);
    if (key == nullptr) continue;  // Tera drops an item without the key
    std::string text;
    if (kind == json::value_t::string && key->is_string()) {
      text = case_sensitive ? key->get<std::string>()
                            : LowercaseFull(key->get<std::string>());
    } else if ((kind == json::value_t::number_integer &&
                key->is_number_integer()) ||
               (kind == json::value_t::boolean && key->is_boolean())) {
      text = key->dump();
    } else {
      Fail(call, at_fault,
           "filter 'unique' needs every key to be " +
               std::string(kind == json::value_t::string    ? "a string"
                           : kind == json::value_t::boolean ? "a boolean"
                                                            : "an integer") +
               " like the first, not " + DescribeGiven(*key));
      return std::nullopt;
    }
    if (seen.insert(text).second) result.push_back(item);
  }
  return result;
}

}  // namespace agentgen::agpm
