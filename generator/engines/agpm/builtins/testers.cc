// SPDX-License-Identifier: MIT
#include "engines/agpm/builtins/testers.h"

#include <cmath>
#include <string>

#include "engines/agpm/agpm_values.h"

namespace agentgen::agpm {

using nlohmann::json;

namespace {

void WrongSubject(const TesterCall& call, std::string_view wanted) {
  call.error->argument.clear();
  call.error->message = "test '" + std::string(call.name) + "' needs " +
                        std::string(wanted) + ", not " +
                        DescribeGiven(call.subject);
}

// Tests take positional arguments: the one at fault is named by position.
void WrongTestArgument(const TesterCall& call, std::string_view wanted) {
  call.error->argument = "0";
  call.error->message = "test '" + std::string(call.name) + "' needs " +
                        std::string(wanted) + " as its argument, not " +
                        DescribeGiven(call.arguments.front());
}

const std::string* StringSubject(const TesterCall& call) {
  if (!call.subject.is_string()) {
    WrongSubject(call, "a string");
    return nullptr;
  }
  return &call.subject.get_ref<const std::string&>();
}

const std::string* StringArgument(const TesterCall& call) {
  if (!call.arguments.front().is_string()) {
    WrongTestArgument(call, "a string");
    return nullptr;
  }
  return &call.arguments.front().get_ref<const std::string&>();
}

}  // namespace

std::optional<bool> TestString(const TesterCall& call) {
  return call.subject.is_string();
}

std::optional<bool> TestNumber(const TesterCall& call) {
  return call.subject.is_number();
}

std::optional<bool> TestOdd(const TesterCall& call) {
  if (!call.subject.is_number()) {
    WrongSubject(call, "a number");
    return std::nullopt;
  }
  // Tera: `f % 2.0 != 0.0` on the double, so 2.5 is odd.
  return std::fmod(call.subject.get<double>(), 2.0) != 0.0;
}

std::optional<bool> TestEven(const TesterCall& call) {
  std::optional<bool> odd = TestOdd(call);
  if (!odd) return std::nullopt;
  return !*odd;
}

std::optional<bool> TestDivisibleBy(const TesterCall& call) {
  if (!call.subject.is_number()) {
    WrongSubject(call, "a number");
    return std::nullopt;
  }
  if (!call.arguments.front().is_number()) {
    WrongTestArgument(call, "a number");
    return std::nullopt;
  }
  // A zero divisor gives NaN, which is not 0: false.
  return std::fmod(call.subject.get<double>(),
                   call.arguments.front().get<double>()) == 0.0;
}

std::optional<bool> TestIterable(const TesterCall& call) {
  return call.subject.is_array() || call.subject.is_object();
}

std::optional<bool> TestObject(const TesterCall& call) {
  return call.subject.is_object();
}

std::optional<bool> TestStartingWith(const TesterCall& call) {
  const std::string* subject = StringSubject(call);
  if (subject == nullptr) return std::nullopt;
  const std::string* prefix = StringArgument(call);
  if (prefix == nullptr) return std::nullopt;
  return subject->compare(0, prefix->size(), *prefix) == 0;
}

std::optional<bool> TestEndingWith(const TesterCall& call) {
  const std::string* subject = StringSubject(call);
  if (subject == nullptr) return std::nullopt;
  const std::string* suffix = StringArgument(call);
  if (suffix == nullptr) return std::nullopt;
  return subject->size() >= suffix->size() &&
         subject->compare(subject->size() - suffix->size(), suffix->size(),
                          *suffix) == 0;
}

std::optional<bool> TestContaining(const TesterCall& call) {
  const json& subject = call.subject;
  if (subject.is_array()) {
    for (const json& item : subject) {
      if (ItemsEqual(item, call.arguments.front())) return true;
    }
    return false;
  }
  if (!subject.is_string() && !subject.is_object()) {
    WrongSubject(call, "a string, a list or a table");
    return std::nullopt;
  }
  const std::string* needle = StringArgument(call);
  if (needle == nullptr) return std::nullopt;
  if (subject.is_object()) return subject.contains(*needle);
  return subject.get_ref<const std::string&>().find(*needle) !=
         std::string::npos;
}

}  // namespace agentgen::agpm
