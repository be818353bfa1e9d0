// SPDX-License-Identifier: MIT
#include "sync/update_protocol.h"

namespace agentgen {}  // namespace agentgen
