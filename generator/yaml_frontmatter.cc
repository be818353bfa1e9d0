// SPDX-License-Identifier: MIT
#include "yaml_frontmatter.h"
