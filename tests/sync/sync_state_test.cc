// SPDX-License-Identifier: MIT
#include "sync/sync_state.h"

#include <gtest/gtest.h>
