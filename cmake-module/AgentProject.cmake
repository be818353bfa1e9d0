# AgentProject.cmake: a whole project's agents in one call, through
# `agentgen sync` (docs/cmake.md). Being written.

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/AgentgenTool.cmake")
