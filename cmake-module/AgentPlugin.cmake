# AgentPlugin.cmake: a project's agents as a Claude Code plugin (or a
# marketplace of plugins), through `agentgen sync --layout plugin`
# (docs/plugins.md, docs/publish-a-plugin.md).
#
# add_agent_plugin(<name> [MANIFEST <agpm.toml> | FROM <dir> [PROJECT_FILE <file>]]
#                  [DESTINATION <dir>] [ROOT <dir>]
#                  [VARS <name=value>...] [DEPENDS <file|target>...]
#                  [ALLOW_OUTSIDE_ROOT] [EXCLUDE_FROM_ALL] [NO_CHECK] [WERROR]
#                  [INSTALL_DESTINATION <dir>]
#                  [TARGET_VARIABLE <var>] [STAMP_VARIABLE <var>])
#
#   MANIFEST (the default, ${CMAKE_CURRENT_SOURCE_DIR}/agpm.toml): the
#   manifest's [plugins.<plugin>] tables, and its [marketplace] when it has one
#   (sync's manifest mode). FROM: one plugin from a folder of plugin sources,
#   its plugin.json fields from the project file's [plugins.<plugin>] table
#   (sync's mapping mode); PROJECT_FILE defaults to <ROOT>/agpm.toml when
#   present.
#
#   DESTINATION is the plugin's folder, or the marketplace's root with
#   [marketplace]. Its default is ${CMAKE_CURRENT_BINARY_DIR}/plugins/<name>:
#   a plugin is a build product by default, tried with `claude --plugin-dir`
#   and installed with INSTALL_DESTINATION. A relative DESTINATION is relative
#   to CMAKE_CURRENT_SOURCE_DIR, as for the other project forms: the folder is
#   then committed, which is how a git repository publishes a marketplace.
#
# Flags:
#   ALLOW_OUTSIDE_ROOT        --allow-outside-root
#   EXCLUDE_FROM_ALL          leave the sync out of the default build; the
#                             `agents` target still runs it
#   NO_CHECK                  register no CTest test
#   WERROR                    the check test fails on warnings too
#
# One call creates what add_agent_project() creates (AgentProject.cmake), with
# the stamp ${CMAKE_CURRENT_BINARY_DIR}/agentgen/sync/plugin-<name>.stamp and
# the target agent_plugin_<name>, and, unless NO_CHECK, two CTest tests:
#   - agentgen.plugin.<name>: `agentgen sync --layout plugin ... --check`, the
#     folder is what its sources give (nothing stale, no hand edit);
#   - agentgen.plugin-check.<name>: `agentgen check` of the folder as Claude
#     Code loads it: `--type marketplace` when DESTINATION holds
#     .claude-plugin/marketplace.json, else `--type plugin` (decided when the
#     test runs, so a manifest that gains or loses [marketplace] needs no
#     re-run of CMake), with --werror when WERROR.
#
# Example:
#   find_package(agentgen CONFIG REQUIRED)
#   add_agent_plugin(review-kit)                   # ./agpm.toml -> build/plugins/review-kit
#   add_agent_plugin(ops FROM ops-plugin DESTINATION plugins/ops)   # committed

# Script mode, for the check test:
#   cmake -DAGENTGEN_PLUGIN_STEP=check -DAGENTGEN=<agentgen> -DDESTINATION=<dir>
#         -DWERROR=<bool> -P AgentPlugin.cmake
if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_policy(VERSION 3.20...3.25)
  if(NOT AGENTGEN_PLUGIN_STEP STREQUAL "check")
    message(FATAL_ERROR "AgentPlugin.cmake: unknown step '${AGENTGEN_PLUGIN_STEP}'")
  endif()
  # Sync writes marketplace.json exactly when the manifest has [marketplace].
  set(type plugin)
  if(EXISTS "${DESTINATION}/.claude-plugin/marketplace.json")
    set(type marketplace)
  endif()
  # Printed for the test's log: which check ran.
  message(STATUS "agentgen check --type ${type} ${DESTINATION}")
  set(options "")
  if(WERROR)
    set(options --werror)
  endif()
  execute_process(COMMAND "${AGENTGEN}" check --type ${type} "${DESTINATION}" ${options}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "`agentgen check --type ${type} ${DESTINATION}` exited with "
                        "${status}")
  endif()
  return()
endif()

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/AgentProject.cmake")

cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)
cmake_policy(SET CMP0116 NEW)

function(add_agent_plugin name)
  set(caller "add_agent_plugin(${name})")
  _agentgen_project_keywords()
  # No CHECK: the plugin's check is a test of the folder sync wrote.
  list(REMOVE_ITEM _agentgen_project_flags CHECK)
  set(one_value MANIFEST FROM PROJECT_FILE DESTINATION ${_agentgen_project_one_value})
  cmake_parse_arguments(PARSE_ARGV 1 arg "${_agentgen_project_flags}" "${one_value}"
                        "${_agentgen_project_many_values}")
  _agentgen_sync_check("${caller}" "${name}" "${one_value}")
  if(arg_WERROR AND arg_NO_CHECK)
    message(FATAL_ERROR "${caller}: WERROR applies to the check test, which NO_CHECK "
                        "leaves out")
  endif()
  if(DEFINED arg_MANIFEST AND DEFINED arg_FROM)
    message(FATAL_ERROR "${caller}: MANIFEST and FROM exclude each other (sync's "
                        "manifest mode or its mapping mode)")
  endif()
  if(DEFINED arg_PROJECT_FILE AND NOT DEFINED arg_FROM)
    message(FATAL_ERROR "${caller}: PROJECT_FILE goes with FROM; in manifest mode the "
                        "manifest is the project file")
  endif()

  if(DEFINED arg_DESTINATION)
    _agentgen_source_path(arg_DESTINATION tree)
  else()
    set(tree "${CMAKE_CURRENT_BINARY_DIR}/plugins/${name}")
  endif()
  set(sync_args --layout plugin)
  if(DEFINED arg_FROM)
    _agentgen_source_path(arg_FROM input)
    if(NOT IS_DIRECTORY "${input}")
      message(FATAL_ERROR "${caller}: FROM ${input} is not a folder")
    endif()
    cmake_path(IS_PREFIX input "${tree}" to_inside_from)
    cmake_path(IS_PREFIX tree "${input}" from_inside_to)
    if(to_inside_from OR from_inside_to)
      message(FATAL_ERROR "${caller}: FROM ${input} and DESTINATION ${tree} must not "
                          "lie one inside the other")
    endif()
    list(APPEND sync_args --from "${input}")
    if(DEFINED arg_PROJECT_FILE)
      _agentgen_source_path(arg_PROJECT_FILE project_file)
      if(NOT EXISTS "${project_file}")
        message(FATAL_ERROR "${caller}: PROJECT_FILE ${project_file} does not exist")
      endif()
      list(APPEND sync_args --project-file "${project_file}")
    endif()
  else()
    if(NOT DEFINED arg_MANIFEST)
      set(arg_MANIFEST agpm.toml)
    endif()
    _agentgen_source_path(arg_MANIFEST input)
    if(NOT EXISTS "${input}" OR IS_DIRECTORY "${input}")
      message(FATAL_ERROR "${caller}: MANIFEST ${input} is not a file")
    endif()
    list(APPEND sync_args "${input}")
  endif()
  list(APPEND sync_args --to "${tree}")
  _agentgen_common_sync_args("${caller}" sync_args)

  _agentgen_add_sync(plugin "${name}" "${caller}" "${sync_args}" "${input}" "${tree}"
                     agentgen.plugin.${name})
  if(NOT arg_NO_CHECK)
    # The same command line in every configuration when agentgen's path is
    # known at configure time (as _agentgen_add_test does).
    _agentgen_configure_time_path("${_agentgen_command}" path)
    set(test_args -DAGENTGEN_PLUGIN_STEP=check "-DDESTINATION=${tree}"
                  "-DWERROR=${arg_WERROR}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
    if(path)
      add_test(agentgen.plugin-check.${name} "${CMAKE_COMMAND}" "-DAGENTGEN=${path}"
               ${test_args})
    else()
      add_test(NAME agentgen.plugin-check.${name}
               COMMAND "${CMAKE_COMMAND}" "-DAGENTGEN=$<TARGET_FILE:${_agentgen_command}>"
                       ${test_args})
    endif()
  endif()
  _agentgen_return_variables()
endfunction()

cmake_policy(POP)
