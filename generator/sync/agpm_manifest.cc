// SPDX-License-Identifier: MIT
#include "sync/agpm_manifest.h"

namespace agentgen {}  // namespace agentgen
