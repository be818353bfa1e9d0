// SPDX-License-Identifier: MIT
#include "sync/path_patterns.h"

namespace agentgen {}  // namespace agentgen
