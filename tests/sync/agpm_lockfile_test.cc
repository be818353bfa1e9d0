// SPDX-License-Identifier: MIT
#include "sync/agpm_lockfile.h"

#include <gtest/gtest.h>
