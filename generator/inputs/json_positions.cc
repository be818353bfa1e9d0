// SPDX-License-Identifier: MIT
#include "inputs/json_positions.h"

#include <nlohmann/json.hpp>
#include <set>

namespace agentgen {
namespace {

// A scanner over text already known to be valid JSON: it only has to find
// where each value starts, never to reject anything.
class OffsetScanner {
 public:
  explicit OffsetScanner(std::string_view text) : text_(text) {}

  std::map<std::string, size_t> Scan() {
    SkipBlanks();
    Value("", at_);
    return offsets_;
  }

  // The first key an object repeats, once Scan has run.
  const std::optional<JsonDuplicateKey>& duplicate() const {
    return duplicate_;
  }

 private:
  void SkipBlanks() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' ||
                                  text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  // Reads a string token starting at its opening quote; returns its decoded
  // text (only keys are decoded, so nlohmann does it for us).
  std::string String() {
    size_t begin = at_++;
    while (at_ < text_.size() && text_[at_] != '"') {
      at_ += text_[at_] == '\\' ? 2 : 1;
    }
    ++at_;
    try {
      return nlohmann::json::parse(text_.substr(begin, at_ - begin))
          .get<std::string>();
    } catch (const nlohmann::json::exception&) {
      return std::string(text_.substr(begin + 1, at_ - begin - 2));
    }
  }

  // Records the value at the current position under `pointer` (at `shown`,
  // its key for a member) and reads past it.
  void Value(const std::string& pointer, size_t shown) {
    offsets_[pointer] = shown;
    if (at_ >= text_.size()) return;
    char c = text_[at_];
    if (c == '{') {
      ++at_;
      SkipBlanks();
      std::set<std::string> keys;
      while (at_ < text_.size() && text_[at_] != '}') {
        size_t key_at = at_;
        std::string key = String();
        if (!keys.insert(key).second && !duplicate_)
          duplicate_ = JsonDuplicateKey{key_at, key};
        SkipBlanks();
        ++at_;  // ':'
        SkipBlanks();
        Value(pointer + "/" + JsonPointerToken(key), key_at);
        SkipBlanks();
        if (at_ < text_.size() && text_[at_] == ',') ++at_;
        SkipBlanks();
      }
      ++at_;
    } else if (c == '[') {
      ++at_;
      SkipBlanks();
      for (size_t index = 0; at_ < text_.size() && text_[at_] != ']'; ++index) {
        Value(pointer + "/" + std::to_string(index), at_);
        SkipBlanks();
        if (at_ < text_.size() && text_[at_] == ',') ++at_;
        SkipBlanks();
      }
      ++at_;
    } else if (c == '"') {
      String();
    } else {
      // A number or a literal runs to the next delimiter.
      while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '}' &&
             text_[at_] != ']' && text_[at_] != ' ' && text_[at_] != '\t' &&
             text_[at_] != '\n' && text_[at_] != '\r') {
        ++at_;
      }
    }
  }

  std::string_view text_;
  size_t at_ = 0;
  std::map<std::string, size_t> offsets_;
  std::optional<JsonDuplicateKey> duplicate_;
};

}  // namespace

std::map<std::string, size_t> JsonValueOffsets(std::string_view text) {
  return OffsetScanner(text).Scan();
}

std::optional<JsonDuplicateKey> FindDuplicateJsonKey(std::string_view text) {
  OffsetScanner scanner(text);
  scanner.Scan();
  return scanner.duplicate();
}

std::optional<std::string> ParseJsonStrictly(std::string_view text,
                                             nlohmann::json* value,
                                             size_t* error_offset) {
  try {
    *value = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    *error_offset = error.byte > 0 ? error.byte - 1 : 0;
    return "invalid JSON: " + JsonParseErrorText(error.what());
  }
  if (std::optional<JsonDuplicateKey> duplicate = FindDuplicateJsonKey(text)) {
    *error_offset = duplicate->offset;
    return "duplicate key \"" + duplicate->key +
           "\" (JSON readers keep one of the values silently, AGPM the last)";
  }
  return std::nullopt;
}

std::string JsonParseErrorText(const std::string& what) {
  size_t at = what.find("column ");
  if (at != std::string::npos) {
    size_t colon = what.find(": ", at);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

std::string JsonPointerToken(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~')
      escaped += "~0";
    else if (c == '/')
      escaped += "~1";
    else
      escaped += c;
  }
  return escaped;
}

}  // namespace agentgen
