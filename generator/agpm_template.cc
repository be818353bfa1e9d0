// SPDX-License-Identifier: MIT
#include "agpm_template.h"
