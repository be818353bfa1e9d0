// SPDX-License-Identifier: MIT
#include "mustache_template.h"
