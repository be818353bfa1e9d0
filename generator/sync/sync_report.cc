// SPDX-License-Identifier: MIT
#include "sync/sync_report.h"

namespace agentgen {}  // namespace agentgen
