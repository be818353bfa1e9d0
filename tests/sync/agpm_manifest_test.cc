// SPDX-License-Identifier: MIT
#include "sync/agpm_manifest.h"

#include <gtest/gtest.h>
