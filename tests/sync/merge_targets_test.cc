// SPDX-License-Identifier: MIT
#include "sync/merge_targets.h"

#include <gtest/gtest.h>
