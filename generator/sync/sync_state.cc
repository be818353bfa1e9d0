// SPDX-License-Identifier: MIT
#include "sync/sync_state.h"

namespace agentgen {}  // namespace agentgen
