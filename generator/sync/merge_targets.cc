// SPDX-License-Identifier: MIT
#include "sync/merge_targets.h"

namespace agentgen {}  // namespace agentgen
