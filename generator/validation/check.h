// SPDX-License-Identifier: MIT
// `agentgen check`: everything a render does, in memory, then the rendered
// frontmatter against the target tool's schema and every MCP server
// dependency against what `.mcp.json` accepts. Writes nothing.
#ifndef AGENTGEN_VALIDATION_CHECK_H_
#define AGENTGEN_VALIDATION_CHECK_H_

#include <string>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "command_line/command_line.h"
#include "render/render_session.h"
#include "validation/schema.h"

namespace agentgen {

/// Checks every source of `options`, reporting all problems of all of them.
/// Returns the exit status: 1 on any error, or on any warning with
/// --werror; else 0.
int RunCheck(FileReader& fs, const CheckOptions& options, DiagnosticSink& sink);

/// Checks the frontmatter of `text`, a file that is not templated (a
/// plugin's agent, command or skill, named `display`), against `schema`.
void CheckFileFrontmatter(const Schema& schema, const std::string& text,
                          const std::string& display, DiagnosticSink& sink);

/// A locator for offsets of `rendered.text`, placing them in the source
/// (named `display`): exactly for a file that is not templated, through the
/// template's offset map for the AGPM dialect, and by matching lines for
/// Mustache (a value a tag produced points at that tag's line and column).
Locator RenderedTextLocator(const RenderedSource& rendered,
                            const std::string& display);

}  // namespace agentgen

#endif  // AGENTGEN_VALIDATION_CHECK_H_
