// SPDX-License-Identifier: MIT
#include "sync/path_patterns.h"

#include <gtest/gtest.h>
