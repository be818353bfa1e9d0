// SPDX-License-Identifier: MIT
#include "frontmatter.h"
