# AddAgent.cmake: agent files as build targets.
#
# add_agent(<name> SOURCE <file.md> [OUTPUT <file>] [ROOT <dir>] [PROJECT_FILE <file>]
#           [VARS <name=value>...] [TYPE <type>] [DEPENDS <file|target>...]
#           [EXCLUDE_FROM_ALL] [NO_CHECK] [INSTALL_DESTINATION <dir>]
#           [OUTPUT_VARIABLE <var>] [MANIFEST_VARIABLE <var>] [TARGET_VARIABLE <var>])
#
# Renders one AGPM-format agent file with `agentgen render` at build time. The
# generator writes a depfile naming every file the render read (the source, the
# project file, every dependency transitively, `content` files), so the agent is
# rendered again exactly when one of those changes, when its output or manifest
# is missing, or when agentgen itself is rebuilt or reinstalled. A render error
# fails the build with the generator's `file:line:col: error:` message and leaves
# the previous output in place.
#
# Flags:
#   EXCLUDE_FROM_ALL          leave the agent out of the default build; the
#                             `agents` target still renders it
#   NO_CHECK                  register no CTest check for this agent
#
# One value:
#   SOURCE <file.md>          the agent source; required. Relative paths are
#                             relative to CMAKE_CURRENT_SOURCE_DIR
#   OUTPUT <file>             the rendered agent; default
#                             ${CMAKE_CURRENT_BINARY_DIR}/agents/<name>.md.
#                             Relative paths are relative to CMAKE_CURRENT_BINARY_DIR
#   ROOT <dir>                bounds every read and anchors root-relative
#                             dependency paths (--root); default ${PROJECT_SOURCE_DIR}
#   PROJECT_FILE <file>       TOML file whose [project] table is agpm.project
#                             (--project-file); default: <ROOT>/agpm.toml when present
#   TYPE <type>               the source's agpm.resource.type (--type); default agent
#   INSTALL_DESTINATION <dir> install the rendered agent there (the agent must have
#                             been built: mind EXCLUDE_FROM_ALL)
#   OUTPUT_VARIABLE <var>     set to the absolute path of the rendered agent
#   MANIFEST_VARIABLE <var>   set to the absolute path of its JSON manifest
#   TARGET_VARIABLE <var>     set to the name of the per-agent target
#
# Many values:
#   VARS <name=value>...      project variables (-D); they win over the project file
#   DEPENDS <file|target>...  inputs the depfile cannot know about beforehand, such
#                             as a snippet another command generates
#
# One call creates:
#   - one custom command whose outputs are the agent and its manifest
#     (${CMAKE_CURRENT_BINARY_DIR}/agentgen/<name>.manifest.json), with its depfile
#     beside the manifest;
#   - a target `agent_<name>`, in ALL unless EXCLUDE_FROM_ALL. Order other steps
#     after an agent with add_dependencies(<yours> agent_<name>) and let a custom
#     command list the rendered file (not the manifest, which changes with every
#     input) in its DEPENDS. Keep such a command out of the agent's directory:
#     there, Makefile generators copy the render rule into its target too, and
#     may render the agent twice;
#   - membership in the aggregate target `agents`, which renders every agent;
#   - unless NO_CHECK, a CTest test `agentgen.check.<name>` that validates the
#     agent (enable_testing() or include(CTest) must be in effect).
#
# Example:
#   find_package(agentgen CONFIG REQUIRED)
#   add_agent(reviewer SOURCE agents/reviewer.md VARS language=cpp
#             OUTPUT_VARIABLE reviewer_md TARGET_VARIABLE reviewer_target)
#   add_custom_command(OUTPUT team.md COMMAND ... DEPENDS "${reviewer_md}" VERBATIM)
#   add_custom_target(team ALL DEPENDS team.md)
#   add_dependencies(team ${reviewer_target})

include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/AgentgenTool.cmake")

if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "add_agent() needs CMake 3.20 or newer (DEPFILE with "
                      "Makefile generators, policy CMP0116); this is ${CMAKE_VERSION}")
endif()

# A function runs with the policies in force where it was defined. Setting them
# here therefore gives add_agent() CMP0116 NEW whatever the caller's
# cmake_minimum_required says: under OLD, Ninja would compare our absolute
# depfile target with a build-dir-relative output, never match, and render
# every agent on every build.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)
cmake_policy(SET CMP0116 NEW)

function(add_agent name)
  if(name STREQUAL "" OR NOT name MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "add_agent(${name}): the name must be non-empty and made "
                        "of letters, digits and _ . + - (it names a target and files)")
  endif()

  set(flags EXCLUDE_FROM_ALL NO_CHECK)
  set(one_value SOURCE OUTPUT ROOT PROJECT_FILE TYPE INSTALL_DESTINATION
                OUTPUT_VARIABLE MANIFEST_VARIABLE TARGET_VARIABLE)
  set(many_values VARS DEPENDS)
  cmake_parse_arguments(PARSE_ARGV 1 arg "${flags}" "${one_value}" "${many_values}")

  if(arg_UNPARSED_ARGUMENTS)
    list(JOIN arg_UNPARSED_ARGUMENTS " " unknown)
    message(FATAL_ERROR "add_agent(${name}): unknown argument(s): ${unknown}")
  endif()
  foreach(keyword IN LISTS arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "add_agent(${name}): ${keyword} needs a value")
  endforeach()
  if(NOT DEFINED arg_SOURCE)
    message(FATAL_ERROR "add_agent(${name}): SOURCE <file.md> is required")
  endif()
  if(NOT TARGET agentgen::agentgen)
    message(FATAL_ERROR "add_agent(${name}): there is no target agentgen::agentgen; "
                        "find_package(agentgen CONFIG REQUIRED) or add agentgen's "
                        "source tree with add_subdirectory() or FetchContent first")
  endif()

  # Absolute, lexically normalised paths everywhere: relative depfile paths are
  # read against different folders by different generators and policies, and a
  # mismatch shows only for agents in sub-directories.
  cmake_path(ABSOLUTE_PATH arg_SOURCE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE source)
  if(NOT DEFINED arg_OUTPUT)
    set(arg_OUTPUT "agents/${name}.md")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE OUTPUT_VARIABLE output)
  if(NOT DEFINED arg_ROOT)
    set(arg_ROOT "${PROJECT_SOURCE_DIR}")
  endif()
  cmake_path(ABSOLUTE_PATH arg_ROOT BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE root)
  # The manifest and the depfile are build records, not deliverables: they stay
  # out of the output's folder so that folder holds agents only.
  set(record_dir "${CMAKE_CURRENT_BINARY_DIR}/agentgen")
  set(manifest "${record_dir}/${name}.manifest.json")
  set(depfile "${record_dir}/${name}.d")

  get_source_file_property(source_is_generated "${source}" GENERATED)
  if(NOT EXISTS "${source}" AND NOT source_is_generated)
    message(FATAL_ERROR "add_agent(${name}): SOURCE ${source} does not exist")
  endif()

  # The options that say what to render; the build and the check share them.
  set(render_options --root "${root}")
  if(DEFINED arg_PROJECT_FILE)
    cmake_path(ABSOLUTE_PATH arg_PROJECT_FILE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE project_file)
    list(APPEND render_options --project-file "${project_file}")
  endif()
  foreach(var IN LISTS arg_VARS)
    if(NOT var MATCHES "^[^=]+=")
      message(FATAL_ERROR "add_agent(${name}): VARS entry '${var}' needs the form name=value")
    endif()
    list(APPEND render_options -D "${var}")
  endforeach()
  if(DEFINED arg_TYPE)
    list(APPEND render_options --type "${arg_TYPE}")
  endif()

  # Ninja restats custom-command outputs, so an agent whose bytes did not change
  # can keep its timestamp and spare everything downstream. Make does not
  # restat: an output left older than its inputs would be rendered on every
  # build, so other generators always get a fresh timestamp.
  set(write_mode "")
  if(CMAKE_GENERATOR MATCHES "Ninja")
    set(write_mode --write-if-changed)
    # Before 4.4, CMake's depfile translation for Ninja drops # and $ from
    # paths: the agent would be rendered on every build.
    if(CMAKE_VERSION VERSION_LESS 4.4 AND "${source};${root};${output}" MATCHES "[#$]")
      message(WARNING "add_agent(${name}): a path holds '#' or '$'; with Ninja before "
                      "CMake 4.4 this agent will be rendered on every build")
    endif()
  endif()

  # The source is a plain DEPENDS, not MAIN_DEPENDENCY: two agents may render
  # the same source with different VARS, and a file can be the main dependency
  # of one command only. The generator target in DEPENDS makes its binary a file
  # dependency; named only in COMMAND it would merely order the build, and a
  # rebuilt generator would not render again.
  add_custom_command(
    OUTPUT "${output}" "${manifest}"
    COMMAND agentgen::agentgen render "${source}" -o "${output}"
            --manifest "${manifest}" --depfile "${depfile}" ${render_options} ${write_mode}
    DEPENDS "${source}" agentgen::agentgen ${arg_DEPENDS}
    DEPFILE "${depfile}"
    COMMENT "Rendering agent ${name}"
    VERBATIM)

  # With Makefiles a custom command runs only from a target of its own
  # directory; this target is also what other targets depend on.
  set(target "agent_${name}")
  if(arg_EXCLUDE_FROM_ALL)
    add_custom_target(${target} DEPENDS "${output}" "${manifest}")
  else()
    add_custom_target(${target} ALL DEPENDS "${output}" "${manifest}")
  endif()
  set_target_properties(${target} PROPERTIES
    AGENTGEN_SOURCE "${source}" AGENTGEN_OUTPUT "${output}" AGENTGEN_MANIFEST "${manifest}"
    AGENTGEN_RENDER_OPTIONS "${render_options}")

  if(NOT TARGET agents)
    add_custom_target(agents)
    set_property(TARGET agents PROPERTY AGENTGEN_AGGREGATE TRUE)
  endif()
  get_target_property(aggregate agents AGENTGEN_AGGREGATE)
  if(NOT aggregate)
    message(FATAL_ERROR "add_agent(${name}): a target named 'agents' exists and "
                        "add_agent() did not create it")
  endif()
  add_dependencies(agents ${target})

  if(NOT arg_NO_CHECK)
    # Everything a render does, then the Claude Code schema of the result.
    add_test(NAME agentgen.check.${name}
             COMMAND agentgen::agentgen check "${source}" ${render_options})
  endif()

  if(DEFINED arg_INSTALL_DESTINATION)
    install(FILES "${output}" DESTINATION "${arg_INSTALL_DESTINATION}")
  endif()

  if(DEFINED arg_OUTPUT_VARIABLE)
    set(${arg_OUTPUT_VARIABLE} "${output}" PARENT_SCOPE)
  endif()
  if(DEFINED arg_MANIFEST_VARIABLE)
    set(${arg_MANIFEST_VARIABLE} "${manifest}" PARENT_SCOPE)
  endif()
  if(DEFINED arg_TARGET_VARIABLE)
    set(${arg_TARGET_VARIABLE} "${target}" PARENT_SCOPE)
  endif()
endfunction()

# add_agent_mcp_config(OUTPUT <file> AGENTS <name>...)
#
# Writes the Claude Code MCP configuration (`.mcp.json`) of every MCP server
# the named agents depend on, with `agentgen mcp`: servers keyed by dependency
# name under `mcpServers`; servers and keys already in the file that agentgen
# did not write are kept, and a record beside it (`<file>.agentgen`) says
# which servers it owns. The file is written again exactly when one of the
# agents' inputs changes.
#
# One value:
#   OUTPUT <file>      the configuration; relative to CMAKE_CURRENT_BINARY_DIR
# Many values:
#   AGENTS <name>...   agents declared with add_agent() (they must share ROOT,
#                      PROJECT_FILE, VARS and TYPE: one mcp run reads them all)
#
# Creates a target `mcp_<file name>` in ALL, also part of the `agents` target.
#
# Example:
#   add_agent(reviewer SOURCE agents/reviewer.md)
#   add_agent_mcp_config(OUTPUT .mcp.json AGENTS reviewer)
function(add_agent_mcp_config)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUTPUT" "AGENTS")
  if(arg_UNPARSED_ARGUMENTS)
    list(JOIN arg_UNPARSED_ARGUMENTS " " unknown)
    message(FATAL_ERROR "add_agent_mcp_config(): unknown argument(s): ${unknown}")
  endif()
  foreach(keyword IN LISTS arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "add_agent_mcp_config(): ${keyword} needs a value")
  endforeach()
  if(NOT DEFINED arg_OUTPUT OR NOT arg_AGENTS)
    message(FATAL_ERROR "add_agent_mcp_config(): OUTPUT <file> and AGENTS <name>... "
                        "are required")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE OUTPUT_VARIABLE output)
  cmake_path(GET output FILENAME file_name)
  string(MAKE_C_IDENTIFIER "mcp_${file_name}" target)

  set(sources "")
  set(options "")
  set(agent_targets "")
  foreach(agent IN LISTS arg_AGENTS)
    if(NOT TARGET agent_${agent})
      message(FATAL_ERROR "add_agent_mcp_config(${arg_OUTPUT}): '${agent}' is not "
                          "an agent declared with add_agent()")
    endif()
    get_target_property(source agent_${agent} AGENTGEN_SOURCE)
    get_target_property(agent_options agent_${agent} AGENTGEN_RENDER_OPTIONS)
    if(sources AND NOT "${agent_options}" STREQUAL "${options}")
      message(FATAL_ERROR "add_agent_mcp_config(${arg_OUTPUT}): '${agent}' is rendered "
                          "with other ROOT, PROJECT_FILE, VARS or TYPE than the agents "
                          "before it; one configuration reads all of them alike")
    endif()
    set(options "${agent_options}")
    list(APPEND sources "${source}")
    list(APPEND agent_targets agent_${agent})
  endforeach()

  set(depfile "${CMAKE_CURRENT_BINARY_DIR}/agentgen/${target}.d")
  # agentgen leaves an unchanged file alone; Make, which does not restat,
  # would then run the step on every build, so its timestamp is moved there.
  set(touch "")
  if(NOT CMAKE_GENERATOR MATCHES "Ninja")
    set(touch COMMAND "${CMAKE_COMMAND}" -E touch "${output}" "${output}.agentgen")
  endif()
  add_custom_command(
    OUTPUT "${output}" "${output}.agentgen"
    COMMAND agentgen::agentgen mcp ${sources} -o "${output}" --depfile "${depfile}"
            ${options}
    ${touch}
    DEPENDS ${sources} agentgen::agentgen
    DEPFILE "${depfile}"
    COMMENT "Writing MCP configuration ${arg_OUTPUT}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${output}" "${output}.agentgen")
  add_dependencies(${target} ${agent_targets})
  add_dependencies(agents ${target})
endfunction()

cmake_policy(POP)

# The project forms (add_agent_project(), add_agent_tree()).
include("${CMAKE_CURRENT_LIST_DIR}/AgentProject.cmake")
