// SPDX-License-Identifier: MIT
#include "sync/update_protocol.h"

#include <gtest/gtest.h>
