// SPDX-License-Identifier: MIT
#include "sync/agpm_lockfile.h"

namespace agentgen {}  // namespace agentgen
