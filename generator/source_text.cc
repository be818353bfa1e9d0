// SPDX-License-Identifier: MIT
#include "source_text.h"
