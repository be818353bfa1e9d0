# AgentProject.cmake: a whole project's agents in one call, through
# `agentgen sync` (docs/cmake.md, "Whole projects").
#
# add_agent_project(<name> [MANIFEST <agpm.toml>] [DESTINATION <dir>] [ROOT <dir>]
#                   [VARS <name=value>...] [DEPENDS <file|target>...]
#                   [ALLOW_OUTSIDE_ROOT] [EXCLUDE_FROM_ALL] [NO_CHECK] [CHECK] [WERROR]
#                   [INSTALL_DESTINATION <dir>]
#                   [TARGET_VARIABLE <var>] [STAMP_VARIABLE <var>])
#
#   Builds every local resource of an AGPM manifest into the tree `agpm install`
#   would write (sync's manifest mode). MANIFEST defaults to
#   ${CMAKE_CURRENT_SOURCE_DIR}/agpm.toml; DESTINATION to the manifest's folder.
#
# add_agent_tree(<name> FROM <dir> TO <dir> [ROOT <dir>] [PROJECT_FILE <file>]
#                [TOOL <tool>] [VARS <name=value>...] [DEPENDS <file|target>...]
#                [ALLOW_OUTSIDE_ROOT] [EXCLUDE_FROM_ALL] [NO_CHECK] [CHECK] [WERROR]
#                [INSTALL_DESTINATION <dir>]
#                [TARGET_VARIABLE <var>] [STAMP_VARIABLE <var>])
#
#   Renders a folder of sources into another, file for file (sync's mapping
#   mode, `--from .claude-src --to .claude`).
#
# add_agent_plugin() (AgentPlugin.cmake) builds on the helpers of this file.
#
# Relative paths are relative to CMAKE_CURRENT_SOURCE_DIR, outputs included:
# these forms keep a tree that is committed beside its sources. The defaults
# are sync's own but for ROOT, which is ${PROJECT_SOURCE_DIR} as for add_agent().
#
# Flags:
#   ALLOW_OUTSIDE_ROOT        --allow-outside-root
#   EXCLUDE_FROM_ALL          leave the sync out of the default build; the
#                             `agents` target still runs it
#   NO_CHECK                  register no CTest test
#   CHECK                     after each sync, validate the synced agents and
#                             commands with `agentgen check` (from their sources);
#                             an error fails the build
#   WERROR                    with CHECK, warnings fail the build too
#
# One value:
#   MANIFEST <agpm.toml>      (project) the manifest
#   DESTINATION <dir>         (project) --to; default the manifest's folder
#   FROM <dir>, TO <dir>      (tree) --from and --to; both required
#   PROJECT_FILE <file>       (tree) --project-file; default <ROOT>/agpm.toml when present
#   TOOL <tool>               (tree) --tool; default each type's default tool
#   ROOT <dir>                --root, bounding every read; default ${PROJECT_SOURCE_DIR}
#   INSTALL_DESTINATION <dir> install every file sync writes (and .mcp.json,
#                             opencode.json) there, keeping its path below the
#                             destination; the tree must have been built
#   TARGET_VARIABLE <var>     set to the name of the target
#   STAMP_VARIABLE <var>      set to the absolute path of the stamp file, which
#                             is newer after every sync that ran
#
# Many values:
#   VARS <name=value>...      project variables (-D), before each entry's template_vars
#   DEPENDS <file|target>...  inputs sync's depfile cannot know beforehand, such as
#                             a source another command generates
#
# One call creates:
#   - one custom command running `agentgen sync ... --stamp <stamp> --depfile <d>`
#     whose only output is the stamp, ${CMAKE_CURRENT_BINARY_DIR}/agentgen/
#     <project|tree>-<name>.stamp (the depfile beside it). The synced files are
#     not build outputs, so `clean` deletes the stamp and never the tree; sync
#     removes the files it no longer writes. It runs again when a file sync read
#     changes, when a folder a pattern or the FROM walk listed gains or loses a
#     file, when the stamp is missing, or when agentgen changes;
#   - a target agent_project_<name> (agent_tree_<name>), in ALL unless
#     EXCLUDE_FROM_ALL; order other steps after it with add_dependencies();
#   - membership in the aggregate target `agents`;
#   - unless NO_CHECK, a CTest test agentgen.sync.<name> running
#     `agentgen sync ... --check`: it fails on a tree that differs from its
#     sources, built or not.
#
# Example:
#   find_package(agentgen CONFIG REQUIRED)
#   add_agent_project(claude)                      # ./agpm.toml -> ./.claude, ...
#   add_agent_tree(team FROM team/.claude-src TO team/.claude)

# Script mode, for the build's CHECK step:
#   cmake -DAGENTGEN_PROJECT_STEP=check -DAGENTGEN=<agentgen>
#         -DAGENTGEN_STEP_FILE=<file> -P AgentProject.cmake
# where the step file sets SYNC_ARGS, TREE, STAMP, WERROR and CALLER.

# These helpers also run in install scripts, whose policies are CMake 2's:
# they are defined with the module's own.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)

# Turns one line of `sync --list=tsv` into a list of its fields, undoing the
# escapes of tab, newline and backslash. A field holding ';' cannot be a CMake
# list element: that is an error naming the line.
function(_agentgen_tsv_fields line out_var)
  if(line MATCHES ";")
    message(FATAL_ERROR "agentgen: a line of `sync --list=tsv` holds ';', which "
                        "a CMake list cannot carry: ${line}")
  endif()
  string(REPLACE "\t" ";" fields "${line}")
  set(result "")
  string(ASCII 31 unit_separator)
  foreach(field IN LISTS fields)
    string(REPLACE "\\\\" "${unit_separator}" field "${field}")
    string(REPLACE "\\t" "\t" field "${field}")
    string(REPLACE "\\n" "\n" field "${field}")
    string(REPLACE "${unit_separator}" "\\" field "${field}")
    list(APPEND result "${field}")
  endforeach()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

# Sets <out_var> to the lines of `agentgen sync <args> --list=tsv`.
function(_agentgen_sync_rows agentgen sync_args out_var)
  execute_process(COMMAND "${agentgen}" sync ${sync_args} --list=tsv
                  OUTPUT_VARIABLE listing RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "agentgen: `agentgen sync --list=tsv` exited with ${status}")
  endif()
  string(REGEX REPLACE "\n$" "" listing "${listing}")
  if(listing STREQUAL "")
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  # A ';' would split a row here; kept as a record separator, it reaches
  # _agentgen_tsv_fields, which refuses it.
  string(ASCII 30 record_separator)
  string(REPLACE ";" "${record_separator}" listing "${listing}")
  string(REPLACE "\n" ";" rows "${listing}")
  set(${out_var} "${rows}" PARENT_SCOPE)
endfunction()

# The CHECK step: `agentgen check` of every rendered agent and command, from its
# source with the arguments sync rendered it with, one run per set of
# arguments. --install-path is a render option only; check computes the same
# path from the layout for every file not placed by filename or target.
function(_agentgen_check_synced agentgen sync_args stamp werror caller)
  string(ASCII 30 record_separator)
  _agentgen_sync_rows("${agentgen}" "${sync_args}" rows)
  set(groups "")
  set(group_index 0)
  foreach(row IN LISTS rows)
    string(REPLACE "${record_separator}" ";" row "${row}")
    _agentgen_tsv_fields("${row}" fields)
    list(GET fields 1 action)
    list(GET fields 2 type)
    if(NOT action STREQUAL "render" OR NOT type MATCHES "^(agent|command)$")
      continue()
    endif()
    list(GET fields 4 source)
    list(SUBLIST fields 6 -1 args)
    list(FIND args --install-path at)
    if(at GREATER_EQUAL 0)
      list(REMOVE_AT args ${at})
      list(REMOVE_AT args ${at})
    endif()
    list(FIND args --root at)
    math(EXPR at "${at} + 1")
    list(GET args ${at} root)
    string(SHA1 key "${args}")
    if(NOT DEFINED group_${key})
      set(group_${key} "${args}")
      list(APPEND groups ${key})
    endif()
    list(APPEND sources_${key} "${root}/${source}")
  endforeach()
  set(failed FALSE)
  foreach(key IN LISTS groups)
    set(options ${group_${key}})
    if(werror)
      list(APPEND options --werror)
    endif()
    execute_process(COMMAND "${agentgen}" check ${sources_${key}} ${options}
                    RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      set(failed TRUE)
    endif()
  endforeach()
  if(failed)
    # The sync succeeded and wrote its stamp; without it the next build checks again.
    file(REMOVE "${stamp}")
    message(FATAL_ERROR "${caller}: `agentgen check` found errors in the synced "
                        "agents or commands (above); their sources need the fix")
  endif()
endfunction()

# install(CODE) of INSTALL_DESTINATION: every rendered or copied file, the
# shared merge targets and the plugin layout's generated files, below
# <destination> at their path relative to the synced tree, with their
# permission bits (a hook's script must stay executable). Per-user
# settings.local.json and the state file stay out.
function(_agentgen_install_synced agentgen sync_args tree destination)
  string(ASCII 30 record_separator)
  _agentgen_sync_rows("${agentgen}" "${sync_args}" rows)
  set(installed "")
  foreach(row IN LISTS rows)
    string(REPLACE "${record_separator}" ";" row "${row}")
    _agentgen_tsv_fields("${row}" fields)
    list(GET fields 0 output)
    list(GET fields 1 action)
    if(NOT action MATCHES "^(render|copy|merge|generate)$"
       OR output STREQUAL ".claude/settings.local.json" OR output IN_LIST installed)
      continue()
    endif()
    list(APPEND installed "${output}")
    if(NOT EXISTS "${tree}/${output}")
      message(FATAL_ERROR "agentgen: ${tree}/${output} does not exist: build the "
                          "project before installing it")
    endif()
    cmake_path(GET output PARENT_PATH folder)
    file(INSTALL "${tree}/${output}" DESTINATION "${destination}/${folder}"
         USE_SOURCE_PERMISSIONS)
  endforeach()
endfunction()

cmake_policy(POP)

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  cmake_policy(VERSION 3.20...3.25)
  if(AGENTGEN_PROJECT_STEP STREQUAL "check")
    include("${AGENTGEN_STEP_FILE}")
    _agentgen_check_synced("${AGENTGEN}" "${SYNC_ARGS}" "${STAMP}" "${WERROR}" "${CALLER}")
  else()
    message(FATAL_ERROR "AgentProject.cmake: unknown step '${AGENTGEN_PROJECT_STEP}'")
  endif()
  return()
endif()

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/AgentgenTool.cmake")

# Defined under CMP0116 NEW whatever the caller's policies: with Ninja, CMake
# then rewrites sync's depfile (whose target is the absolute stamp path) to the
# spelling build.ninja uses, so the stamp's rule matches and a no-op build
# stays one.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)
cmake_policy(SET CMP0116 NEW)

# The keywords both forms take. Set by a macro, not at file scope: a project
# that adds agentgen with add_subdirectory() calls the functions from a scope
# that never saw this file's variables.
macro(_agentgen_project_keywords)
  set(_agentgen_project_flags ALLOW_OUTSIDE_ROOT EXCLUDE_FROM_ALL NO_CHECK CHECK WERROR)
  set(_agentgen_project_one_value ROOT INSTALL_DESTINATION TARGET_VARIABLE STAMP_VARIABLE)
  set(_agentgen_project_many_values VARS DEPENDS)
endmacro()

function(add_agent_project name)
  set(caller "add_agent_project(${name})")
  _agentgen_project_keywords()
  set(one_value MANIFEST DESTINATION ${_agentgen_project_one_value})
  cmake_parse_arguments(PARSE_ARGV 1 arg "${_agentgen_project_flags}" "${one_value}"
                        "${_agentgen_project_many_values}")
  _agentgen_sync_check("${caller}" "${name}" "${one_value}")

  if(NOT DEFINED arg_MANIFEST)
    set(arg_MANIFEST agpm.toml)
  endif()
  _agentgen_source_path(arg_MANIFEST manifest)
  if(NOT EXISTS "${manifest}" OR IS_DIRECTORY "${manifest}")
    message(FATAL_ERROR "${caller}: MANIFEST ${manifest} is not a file")
  endif()
  set(sync_args "${manifest}")
  if(DEFINED arg_DESTINATION)
    _agentgen_source_path(arg_DESTINATION tree)
    list(APPEND sync_args --to "${tree}")
  else()
    cmake_path(GET manifest PARENT_PATH tree)
  endif()
  _agentgen_common_sync_args("${caller}" sync_args)

  _agentgen_add_sync(project "${name}" "${caller}" "${sync_args}" "${manifest}" "${tree}"
                     agentgen.sync.${name})
  _agentgen_return_variables()
endfunction()

function(add_agent_tree name)
  set(caller "add_agent_tree(${name})")
  _agentgen_project_keywords()
  set(one_value FROM TO PROJECT_FILE TOOL ${_agentgen_project_one_value})
  cmake_parse_arguments(PARSE_ARGV 1 arg "${_agentgen_project_flags}" "${one_value}"
                        "${_agentgen_project_many_values}")
  _agentgen_sync_check("${caller}" "${name}" "${one_value}")

  if(NOT DEFINED arg_FROM OR NOT DEFINED arg_TO)
    message(FATAL_ERROR "${caller}: FROM <dir> and TO <dir> are required")
  endif()
  _agentgen_source_path(arg_FROM from)
  _agentgen_source_path(arg_TO tree)
  if(NOT IS_DIRECTORY "${from}")
    message(FATAL_ERROR "${caller}: FROM ${from} is not a folder")
  endif()
  cmake_path(IS_PREFIX from "${tree}" to_inside_from)
  cmake_path(IS_PREFIX tree "${from}" from_inside_to)
  if(to_inside_from OR from_inside_to)
    message(FATAL_ERROR "${caller}: FROM ${from} and TO ${tree} must not lie one "
                        "inside the other")
  endif()
  set(sync_args --from "${from}" --to "${tree}")
  if(DEFINED arg_PROJECT_FILE)
    _agentgen_source_path(arg_PROJECT_FILE project_file)
    if(NOT EXISTS "${project_file}")
      message(FATAL_ERROR "${caller}: PROJECT_FILE ${project_file} does not exist")
    endif()
    list(APPEND sync_args --project-file "${project_file}")
  endif()
  if(DEFINED arg_TOOL)
    list(APPEND sync_args --tool "${arg_TOOL}")
  endif()
  _agentgen_common_sync_args("${caller}" sync_args)

  _agentgen_add_sync(tree "${name}" "${caller}" "${sync_args}" "${from}" "${tree}"
                     agentgen.sync.${name})
  _agentgen_return_variables()
endfunction()

# Checks a project form's arguments, parsed into arg_* of the caller. The
# caller parses them itself (PARSE_ARGV): passed on through ${ARGN}, values
# such as `x=${y}` or `a\.b` would be evaluated a second time.
macro(_agentgen_sync_check caller name one_value)
  if("${name}" STREQUAL "" OR NOT "${name}" MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${caller}: the name must be non-empty and made of "
                        "letters, digits and _ . + - (it names a target and files)")
  endif()
  set(_agentgen_keywords ${_agentgen_project_flags} ${one_value}
                         ${_agentgen_project_many_values})
  _agentgen_check_unparsed("${caller}" "${_agentgen_keywords}"
                         ${arg_UNPARSED_ARGUMENTS})
  foreach(keyword IN LISTS arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${caller}: ${keyword} needs a value")
  endforeach()
  _agentgen_check_values("${caller}" "${_agentgen_keywords}" ${arg_VARS})
  _agentgen_check_depends("${caller}" "${_agentgen_keywords}" ${arg_DEPENDS})
  # The project forms' WERROR is the CHECK step's; add_agent_plugin() has no
  # CHECK, and its WERROR is its check test's.
  if(arg_WERROR AND NOT arg_CHECK AND "CHECK" IN_LIST _agentgen_keywords)
    message(FATAL_ERROR "${caller}: WERROR applies to the CHECK step; add CHECK")
  endif()
endmacro()

# An argument's absolute, normalised path, relative to CMAKE_CURRENT_SOURCE_DIR.
macro(_agentgen_source_path variable out_var)
  cmake_path(ABSOLUTE_PATH ${variable} BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE ${out_var})
  string(REGEX REPLACE "(.)/$" "\\1" ${out_var} "${${out_var}}")
endmacro()

# Appends the options both forms share to the list <args_var>.
macro(_agentgen_common_sync_args caller args_var)
  # PROJECT_SOURCE_DIR, as for add_agent(), rather than sync's own default
  # (the folder holding .git): a build from a release archive, which has no
  # .git, then reads and writes what a build from a clone does.
  if(NOT DEFINED arg_ROOT)
    set(arg_ROOT "${PROJECT_SOURCE_DIR}")
  endif()
  _agentgen_source_path(arg_ROOT _agentgen_root)
  list(APPEND ${args_var} --root "${_agentgen_root}")
  foreach(_agentgen_var IN LISTS arg_VARS)
    if(NOT _agentgen_var MATCHES "^[^=]+=")
      message(FATAL_ERROR "${caller}: VARS entry '${_agentgen_var}' needs the form "
                          "name=value")
    endif()
    if(_agentgen_var MATCHES ";")
      message(FATAL_ERROR "${caller}: VARS entry '${_agentgen_var}' holds a ';', "
                          "which a CMake command line splits; set such a value "
                          "in the project file instead")
    endif()
    list(APPEND ${args_var} -D "${_agentgen_var}")
  endforeach()
  if(arg_ALLOW_OUTSIDE_ROOT)
    list(APPEND ${args_var} --allow-outside-root)
  endif()
endmacro()

macro(_agentgen_return_variables)
  if(DEFINED arg_TARGET_VARIABLE)
    set(${arg_TARGET_VARIABLE} "${_agentgen_target}" PARENT_SCOPE)
  endif()
  if(DEFINED arg_STAMP_VARIABLE)
    set(${arg_STAMP_VARIABLE} "${_agentgen_stamp}" PARENT_SCOPE)
  endif()
endmacro()

# The custom command, target, test and install rule of one project form.
# <kind> is project, tree or plugin; <input> the manifest or the FROM folder, a
# dependency of the first build (the depfile covers the later ones); <test>
# the name of the `sync --check` test. Sets _agentgen_target, _agentgen_stamp
# and _agentgen_command (what COMMAND names to run agentgen) in the caller. A
# function, not a macro: a macro's arguments are evaluated again, and
# sync_args holds the user's VARS.
function(_agentgen_add_sync kind name caller sync_args input tree test)
  _agentgen_tool("${caller}" _agentgen_command _agentgen_tool_dependency)
  if(_agentgen_command STREQUAL "agentgen::agentgen")
    set(_agentgen_path "$<TARGET_FILE:agentgen::agentgen>")
  else()
    set(_agentgen_path "${_agentgen_command}")
  endif()

  set(_agentgen_target "agent_${kind}_${name}")
  if(TARGET ${_agentgen_target})
    message(FATAL_ERROR "${caller}: a target named ${_agentgen_target} exists already")
  endif()
  # One state file per destination: a second sync of it would take the first
  # one's files for orphans and delete them. One call per test name, too.
  get_property(_agentgen_synced GLOBAL PROPERTY AGENTGEN_SYNC_DESTINATIONS)
  foreach(_agentgen_entry IN LISTS _agentgen_synced)
    string(REPLACE "|" ";" _agentgen_entry "${_agentgen_entry}")
    list(GET _agentgen_entry 0 _agentgen_other_tree)
    list(GET _agentgen_entry 1 _agentgen_other_target)
    list(GET _agentgen_entry 2 _agentgen_other_test)
    if(_agentgen_other_tree STREQUAL "${tree}")
      message(FATAL_ERROR "${caller}: ${tree} is synced by ${_agentgen_other_target} "
                          "already; one destination takes one call (its state file "
                          "records one sync's files)")
    endif()
    if(_agentgen_other_test STREQUAL "${test}")
      message(FATAL_ERROR "${caller}: the name is taken by ${_agentgen_other_target} "
                          "(both would register the test ${test})")
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY AGENTGEN_SYNC_DESTINATIONS
               "${tree}|${_agentgen_target}|${test}")
  # A folder of their own: add_agent()'s records are agentgen/<name>.*, and
  # add_agent(tree-x) would otherwise share add_agent_tree(x)'s depfile.
  set(_agentgen_record "${CMAKE_CURRENT_BINARY_DIR}/agentgen/sync/${kind}-${name}")
  set(_agentgen_stamp "${_agentgen_record}.stamp")
  set(_agentgen_depfile "${_agentgen_record}.d")

  # What the CHECK step and the install rule need, in a file: sync's
  # arguments form a list, which a command line would split. agentgen's path
  # is passed apart: with an in-tree agentgen it differs per configuration, and
  # a command line that did not would make configurations re-run each other's
  # step (Ninja Multi-Config).
  set(_agentgen_step_file "${_agentgen_record}.cmake")
  set(_agentgen_step "set(SYNC_ARGS [==[${sync_args}]==])
set(TREE [==[${tree}]==])
set(STAMP [==[${_agentgen_stamp}]==])
set(WERROR ${arg_WERROR})
set(CALLER [==[${caller}]==])
")
  set(_agentgen_old_step "")
  if(EXISTS "${_agentgen_step_file}")
    file(READ "${_agentgen_step_file}" _agentgen_old_step)
  endif()
  if(NOT _agentgen_old_step STREQUAL _agentgen_step)
    file(WRITE "${_agentgen_step_file}" "${_agentgen_step}")
  endif()
  set(_agentgen_check_step "")
  if(arg_CHECK)
    set(_agentgen_check_step
        COMMAND "${CMAKE_COMMAND}" -DAGENTGEN_PROJECT_STEP=check
                "-DAGENTGEN=${_agentgen_path}" "-DAGENTGEN_STEP_FILE=${_agentgen_step_file}"
                -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
  endif()
  # Before 4.4, CMake's depfile translation for Ninja drops # and $ from paths.
  if(CMAKE_GENERATOR MATCHES "Ninja" AND CMAKE_VERSION VERSION_LESS 4.4
     AND "${input};${tree};${_agentgen_root};${_agentgen_stamp}" MATCHES "[#$]")
    message(WARNING "${caller}: a path holds '#' or '$'; with Ninja before CMake 4.4 "
                    "this sync will run on every build")
  endif()
  # Makefile generators of CMake 3.23 to 3.31 add each new depfile to the
  # dependencies they recorded before instead of replacing them; once a source
  # is deleted or renamed, its stale entry would run sync on every build.
  # Dropping the record after each sync makes the next build read it afresh
  # from sync's depfile alone.
  set(_agentgen_forget_step "")
  if(CMAKE_GENERATOR MATCHES "Makefiles" AND CMAKE_VERSION VERSION_GREATER_EQUAL 3.23
     AND CMAKE_VERSION VERSION_LESS 4.0)
    set(_agentgen_dependencies_record
        "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${_agentgen_target}.dir/compiler_depend.internal")
    set(_agentgen_forget_step
        COMMAND "${CMAKE_COMMAND}" -E rm -f "${_agentgen_dependencies_record}")
  endif()
  # The stamp is the only output: the synced files are sync's to write and
  # delete, so the build system never removes them (clean) nor needs to know
  # them before the first sync. Sync writes the stamp only on success.
  add_custom_command(
    OUTPUT "${_agentgen_stamp}"
    COMMAND ${_agentgen_command} sync ${sync_args}
            --stamp "${_agentgen_stamp}" --depfile "${_agentgen_depfile}"
    ${_agentgen_forget_step}
    ${_agentgen_check_step}
    DEPENDS "${input}" ${_agentgen_tool_dependency} ${arg_DEPENDS}
    DEPFILE "${_agentgen_depfile}"
    COMMENT "Syncing ${tree} (agentgen sync, ${kind} ${name})"
    VERBATIM)
  if(arg_EXCLUDE_FROM_ALL)
    add_custom_target(${_agentgen_target} DEPENDS "${_agentgen_stamp}")
  else()
    add_custom_target(${_agentgen_target} ALL DEPENDS "${_agentgen_stamp}")
  endif()
  set_target_properties(${_agentgen_target} PROPERTIES
    AGENTGEN_SYNC_ARGUMENTS "${sync_args}" AGENTGEN_SYNC_TREE "${tree}"
    AGENTGEN_SYNC_STAMP "${_agentgen_stamp}")

  if(NOT TARGET agents)
    add_custom_target(agents)
    set_property(TARGET agents PROPERTY AGENTGEN_AGGREGATE TRUE)
  endif()
  get_target_property(_agentgen_aggregate agents AGENTGEN_AGGREGATE)
  if(NOT _agentgen_aggregate)
    message(FATAL_ERROR "${caller}: a target named 'agents' exists and agentgen "
                        "did not create it")
  endif()
  add_dependencies(agents ${_agentgen_target})

  if(NOT arg_NO_CHECK)
    # add_agent()'s helper: the same command line in every configuration when
    # agentgen's path is known, so a multi-config build's plain ctest runs it.
    _agentgen_add_test(${test} "${_agentgen_command}" sync ${sync_args} --check)
  endif()

  if(DEFINED arg_INSTALL_DESTINATION)
    install(CODE "
      include(\"${CMAKE_CURRENT_FUNCTION_LIST_FILE}\")
      include(\"${_agentgen_step_file}\")
      set(AGENTGEN \"${_agentgen_path}\")
      set(_agentgen_destination \"${arg_INSTALL_DESTINATION}\")
      if(NOT IS_ABSOLUTE \"\${_agentgen_destination}\")
        set(_agentgen_destination \"\${CMAKE_INSTALL_PREFIX}/\${_agentgen_destination}\")
      endif()
      _agentgen_install_synced(\"\${AGENTGEN}\" \"\${SYNC_ARGS}\" \"\${TREE}\"
                               \"\${_agentgen_destination}\")")
  endif()
  set(_agentgen_target "${_agentgen_target}" PARENT_SCOPE)
  set(_agentgen_stamp "${_agentgen_stamp}" PARENT_SCOPE)
  set(_agentgen_command "${_agentgen_command}" PARENT_SCOPE)
endfunction()

cmake_policy(POP)
