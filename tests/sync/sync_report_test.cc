// SPDX-License-Identifier: MIT
#include "sync/sync_report.h"

#include <gtest/gtest.h>
