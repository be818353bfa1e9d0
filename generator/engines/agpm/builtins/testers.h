// SPDX-License-Identifier: MIT
// The tests of the AGPM dialect (`x is odd`), as Tera 1.20.1's
// src/builtins/testers.rs has them; `defined` and `undefined` are the
// renderer's (they ask whether a name resolves).
#ifndef AGENTGEN_ENGINES_AGPM_BUILTINS_TESTERS_H_
#define AGENTGEN_ENGINES_AGPM_BUILTINS_TESTERS_H_

#include <optional>

#include "engines/agpm/builtins/builtin_call.h"

namespace agentgen::agpm {

std::optional<bool> TestString(const TesterCall& call);
std::optional<bool> TestNumber(const TesterCall& call);
std::optional<bool> TestOdd(const TesterCall& call);
std::optional<bool> TestEven(const TesterCall& call);
std::optional<bool> TestDivisibleBy(const TesterCall& call);
std::optional<bool> TestIterable(const TesterCall& call);
std::optional<bool> TestObject(const TesterCall& call);
std::optional<bool> TestStartingWith(const TesterCall& call);
std::optional<bool> TestEndingWith(const TesterCall& call);
std::optional<bool> TestContaining(const TesterCall& call);

}  // namespace agentgen::agpm

#endif  // AGENTGEN_ENGINES_AGPM_BUILTINS_TESTERS_H_
