# AddAgent.cmake: agent files as build targets (docs/cmake.md).
#
# add_agent(<name> SOURCE <file> [OUTPUT <file>] [ROOT <dir>] [PROJECT_FILE <file>]
#           [VARS <name=value>...] [TYPE <type>] [TOOL <tool>] [DEPENDS <file|target>...]
#           [EXCLUDE_FROM_ALL] [NO_CHECK] [CHECK] [WERROR] [ALLOW_OUTSIDE_ROOT]
#           [INSTALL] [INSTALL_DESTINATION <dir>]
#           [OUTPUT_VARIABLE <var>] [MANIFEST_VARIABLE <var>] [TARGET_VARIABLE <var>])
#
# Renders one AGPM-format resource (an agent unless TYPE says otherwise) with
# `agentgen render` at build time. The generator writes a depfile naming every
# file the render read (the source, the project file, every dependency
# transitively, `content` files), so the resource is rendered again exactly
# when one of those changes, when its output or manifest is missing, or when
# agentgen itself is rebuilt or reinstalled. A render error fails the build
# with the generator's `file:line:col: error:` message and leaves the previous
# output in place.
#
# Flags:
#   EXCLUDE_FROM_ALL          leave it out of the default build; the `agents`
#                             target still renders it
#   NO_CHECK                  register no CTest check for it
#   CHECK                     run `agentgen check` before the render, in the same
#                             build step: a schema error fails the build. The
#                             default is the variable AGENTGEN_CHECK (off)
#   WERROR                    the check's warnings are errors too (check --werror),
#                             in the build (WERROR implies CHECK) and in the CTest
#                             check. The default is the variable AGENTGEN_CHECK_WERROR
#   ALLOW_OUTSIDE_ROOT        let the render and the checks read files outside ROOT
#   INSTALL                   install the rendered file to
#                             ${CMAKE_INSTALL_DATADIR}/${PROJECT_NAME}/<type folder>
#                             (share/... when GNUInstallDirs is not included)
#
# One value:
#   SOURCE <file>             the source; required. Relative paths are relative
#                             to CMAKE_CURRENT_SOURCE_DIR
#   OUTPUT <file>             the rendered file; default
#                             ${CMAKE_CURRENT_BINARY_DIR}/<type folder>/<name>.md
#                             (<type folder>: agents, commands, snippets, scripts,
#                             hooks, mcp-servers, skills; hooks, MCP servers and
#                             scripts keep their source's extension instead of
#                             .md). Relative paths are relative to
#                             CMAKE_CURRENT_BINARY_DIR
#   ROOT <dir>                bounds every read and anchors root-relative
#                             dependency paths (--root); default ${PROJECT_SOURCE_DIR}
#   PROJECT_FILE <file>       TOML file whose [project] table is agpm.project
#                             (--project-file); default: <ROOT>/agpm.toml when present
#   TYPE <type>               the source's agpm.resource.type (--type): agent
#                             (default), command, snippet, script, hook,
#                             mcp-server or skill
#   TOOL <tool>               the tool it installs for (--tool, to the render and
#                             to both checks): its install_path, its dependencies'
#                             tools and the schema checked
#   INSTALL_DESTINATION <dir> install the rendered file there (implies INSTALL;
#                             it must have been built: mind EXCLUDE_FROM_ALL)
#   OUTPUT_VARIABLE <var>     set to the absolute path of the rendered file
#   MANIFEST_VARIABLE <var>   set to the absolute path of its JSON manifest
#   TARGET_VARIABLE <var>     set to the name of its target
#
# Many values:
#   VARS <name=value>...      project variables (-D); they win over the project file
#   DEPENDS <file|target>...  inputs the depfile cannot know about beforehand, such
#                             as a snippet another command generates
#
# One call creates:
#   - one custom command whose outputs are the rendered file and its manifest
#     (${CMAKE_CURRENT_BINARY_DIR}/agentgen/<name>.manifest.json for an agent,
#     agentgen/<type folder>/<name>.manifest.json for other types), with its
#     depfile beside the manifest. On Ninja generators it is one process per
#     render: Ninja reads agentgen's depfile as it is (--depfile-target);
#   - a target `agent_<name>` (another type: `<type>_<name>`, `-` made `_`:
#     `command_<name>`, `mcp_server_<name>`), in ALL unless EXCLUDE_FROM_ALL.
#     Order other steps after it with add_dependencies(<yours> agent_<name>)
#     and let a custom command list the rendered file (not the manifest, which
#     changes with every input) in its DEPENDS. Keep such a command out of the
#     agent's directory: there, Makefile generators copy the render rule into
#     its target too, and may render the agent twice;
#   - membership in the aggregate target `agents`, which renders every resource;
#   - unless NO_CHECK, a CTest test `agentgen.check.<name>` (another type:
#     `agentgen.check.<type>.<name>`) that validates it (enable_testing() or
#     include(CTest) must be in effect).
#
# A later configure that no longer declares an output removes it (and its
# manifest and depfile) when it lies inside CMAKE_BINARY_DIR.
#
# Example:
#   find_package(agentgen CONFIG REQUIRED)
#   add_agent(reviewer SOURCE agents/reviewer.md VARS language=cpp CHECK
#             OUTPUT_VARIABLE reviewer_md TARGET_VARIABLE reviewer_target)
#   add_custom_command(OUTPUT team.md COMMAND ... DEPENDS "${reviewer_md}" VERBATIM)
#   add_custom_target(team ALL DEPENDS team.md)
#   add_dependencies(team ${reviewer_target})

include_guard(GLOBAL)

# Before anything that sets policies of 3.20, which an older CMake refuses
# with a message that says less.
if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "add_agent() needs CMake 3.20 or newer (DEPFILE with "
                      "Makefile generators, policy CMP0116); this is ${CMAKE_VERSION}")
endif()
include("${CMAKE_CURRENT_LIST_DIR}/AgentgenTool.cmake")

# A function runs with the policies in force where it was defined. Setting them
# here therefore gives add_agent() CMP0116 NEW whatever the caller's
# cmake_minimum_required says: Makefile generators need it to read our
# absolute depfile paths against the right folder. Ninja generators get OLD
# for the render command alone (see _agentgen_add_command).
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)
cmake_policy(SET CMP0116 NEW)

# The types `agentgen render --type` accepts. A function, not a variable: the
# module's directory scope is not the caller's when agentgen is vendored.
function(_agentgen_types out_var)
  set(${out_var} agent command snippet script hook mcp-server skill PARENT_SCOPE)
endfunction()

set(AGENTGEN_CHECK OFF CACHE BOOL
    "add_agent(): run agentgen check in every render step (the CHECK flag's default)")
set(AGENTGEN_CHECK_WERROR OFF CACHE BOOL
    "add_agent(): the checks' warnings are errors (the WERROR flag's default)")

# The output as build.ninja spells it, for the depfile's target: CMake's Ninja
# generator writes a path inside the top build folder relative to it, and any
# other path absolute (also one in a source folder that holds the build
# folder).
function(_agentgen_ninja_spelling path out_var)
  set(top_binary "${CMAKE_BINARY_DIR}")
  cmake_path(IS_PREFIX top_binary "${path}" NORMALIZE inside)
  if(inside)
    cmake_path(RELATIVE_PATH path BASE_DIRECTORY "${top_binary}" OUTPUT_VARIABLE path)
  endif()
  set(${out_var} "${path}" PARENT_SCOPE)
endfunction()

# Adds the custom command of one render (or mcp run). When the depfile's target
# is the output as build.ninja spells it (--depfile-target), CMP0116 is set OLD
# for this one command: Ninja then reads agentgen's depfile itself, instead of
# running `cmake -E cmake_transform_depfile` after every render, a second
# process costing more than the render.
#   _agentgen_add_command(<untransformed> <add_custom_command arguments>...)
function(_agentgen_add_command untransformed)
  cmake_policy(PUSH)
  if(untransformed)
    cmake_policy(SET CMP0116 OLD)
  endif()
  add_custom_command(${ARGN})
  cmake_policy(POP)
endfunction()

# The path of agentgen as the configure knows it, for add_test's old signature
# (which is the same for every configuration, so a multi-config build's plain
# `ctest` runs it): AGENTGEN_EXECUTABLE's path, an imported target's single
# location, or "" for a target built in this project.
function(_agentgen_configure_time_path tool out_var)
  set(${out_var} "" PARENT_SCOPE)
  if(NOT TARGET "${tool}")
    set(${out_var} "${tool}" PARENT_SCOPE)
    return()
  endif()
  get_target_property(imported "${tool}" IMPORTED)
  if(NOT imported)
    return()
  endif()
  get_target_property(location "${tool}" IMPORTED_LOCATION)
  if(location)
    set(${out_var} "${location}" PARENT_SCOPE)
    return()
  endif()
  get_target_property(configurations "${tool}" IMPORTED_CONFIGURATIONS)
  set(locations "")
  foreach(configuration IN LISTS configurations)
    string(TOUPPER "${configuration}" configuration)
    get_target_property(location "${tool}" IMPORTED_LOCATION_${configuration})
    if(location)
      list(APPEND locations "${location}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES locations)
  list(LENGTH locations count)
  if(count EQUAL 1)
    set(${out_var} "${locations}" PARENT_SCOPE)
  endif()
endfunction()

# Registers a CTest test running agentgen with <args>.
#   _agentgen_add_test(<name> <tool> <args>...)
function(_agentgen_add_test name tool)
  _agentgen_configure_time_path("${tool}" path)
  if(path)
    add_test(${name} "${path}" ${ARGN})
  else()
    add_test(NAME ${name} COMMAND "${tool}" ${ARGN})
  endif()
endfunction()

# Build records of this configure: files inside the build folder that a
# previous configure declared and this one does not are removed when the top
# directory is done (_agentgen_remove_stale_outputs).
function(_agentgen_declare_outputs)
  foreach(file IN LISTS ARGN)
    cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${file}" NORMALIZE inside)
    if(inside)
      set_property(GLOBAL APPEND PROPERTY AGENTGEN_DECLARED_OUTPUTS "${file}")
    endif()
  endforeach()
endfunction()

function(_agentgen_remove_stale_outputs)
  set(record "${CMAKE_BINARY_DIR}/CMakeFiles/agentgen-outputs.txt")
  get_property(declared GLOBAL PROPERTY AGENTGEN_DECLARED_OUTPUTS)
  if(EXISTS "${record}")
    file(STRINGS "${record}" previous)
    foreach(file IN LISTS previous)
      cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${file}" NORMALIZE inside)
      if(inside AND NOT file IN_LIST declared AND EXISTS "${file}")
        file(REMOVE "${file}")
      endif()
    endforeach()
  endif()
  list(JOIN declared "\n" lines)
  file(WRITE "${record}" "${lines}\n")
endfunction()

# Scheduled when the module is first included, so that a configure whose last
# add_agent() call was deleted still removes what it rendered.
if(NOT CMAKE_SCRIPT_MODE_FILE)
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _agentgen_remove_stale_outputs)
endif()

# The aggregate target `agents`, created on first use.
function(_agentgen_join_aggregate caller target)
  if(NOT TARGET agents)
    add_custom_target(agents)
    set_property(TARGET agents PROPERTY AGENTGEN_AGGREGATE TRUE)
  endif()
  get_target_property(aggregate agents AGENTGEN_AGGREGATE)
  if(NOT aggregate)
    message(FATAL_ERROR "${caller}: a target named 'agents' exists and "
                        "add_agent() did not create it")
  endif()
  add_dependencies(agents ${target})
endfunction()

function(add_agent name)
  set(caller "add_agent(${name})")
  if(name STREQUAL "" OR NOT name MATCHES "^[A-Za-z0-9_.+-]+$")
    message(FATAL_ERROR "${caller}: the name must be non-empty and made "
                        "of letters, digits and _ . + - (it names a target and files)")
  endif()

  set(flags EXCLUDE_FROM_ALL NO_CHECK CHECK WERROR ALLOW_OUTSIDE_ROOT INSTALL)
  set(one_value SOURCE OUTPUT ROOT PROJECT_FILE TYPE TOOL INSTALL_DESTINATION
                OUTPUT_VARIABLE MANIFEST_VARIABLE TARGET_VARIABLE)
  set(many_values VARS DEPENDS)
  cmake_parse_arguments(PARSE_ARGV 1 arg "${flags}" "${one_value}" "${many_values}")
  set(keywords ${flags} ${one_value} ${many_values})

  _agentgen_check_unparsed("${caller}" "${keywords}"
                         ${arg_UNPARSED_ARGUMENTS})
  foreach(keyword IN LISTS arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${caller}: ${keyword} needs a value")
  endforeach()
  _agentgen_check_values("${caller}" "${keywords}" ${arg_VARS})
  _agentgen_check_depends("${caller}" "${keywords}" ${arg_DEPENDS})
  if(NOT DEFINED arg_SOURCE)
    message(FATAL_ERROR "${caller}: SOURCE <file.md> is required")
  endif()
  if(NOT DEFINED arg_TYPE)
    set(arg_TYPE agent)
  endif()
  _agentgen_types(known_types)
  if(NOT arg_TYPE IN_LIST known_types)
    _agentgen_nearest("${arg_TYPE}" nearest ${known_types})
    list(JOIN known_types ", " types)
    if(nearest)
      set(hint "did you mean ${nearest}? ")
    endif()
    message(FATAL_ERROR "${caller}: TYPE ${arg_TYPE} is not a resource type; "
                        "${hint}the types are ${types}")
  endif()
  _agentgen_tool("${caller}" tool tool_dependency)

  # Each type has a folder of its own, a target prefix and a test name space:
  # an agent and a command may share a name.
  set(folder "${arg_TYPE}s")
  if(arg_TYPE STREQUAL "agent")
    set(target "agent_${name}")
    set(test_name "agentgen.check.${name}")
    set(record_dir "${CMAKE_CURRENT_BINARY_DIR}/agentgen")
  else()
    string(REPLACE "-" "_" prefix "${arg_TYPE}")
    set(target "${prefix}_${name}")
    set(test_name "agentgen.check.${arg_TYPE}.${name}")
    set(record_dir "${CMAKE_CURRENT_BINARY_DIR}/agentgen/${folder}")
  endif()
  if(TARGET ${target})
    message(FATAL_ERROR "${caller}: the target ${target} exists already: each "
                        "${arg_TYPE} needs a name of its own")
  endif()

  # Absolute, lexically normalised paths everywhere: relative depfile paths are
  # read against different folders by different generators and policies, and a
  # mismatch shows only for agents in sub-directories.
  cmake_path(ABSOLUTE_PATH arg_SOURCE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE source)
  if(NOT DEFINED arg_OUTPUT)
    set(extension ".md")
    if(arg_TYPE MATCHES "^(hook|mcp-server|script)$")
      cmake_path(GET source EXTENSION LAST_ONLY extension)
    endif()
    set(arg_OUTPUT "${folder}/${name}${extension}")
  endif()
  cmake_path(ABSOLUTE_PATH arg_OUTPUT BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE OUTPUT_VARIABLE output)
  if(NOT DEFINED arg_ROOT)
    set(arg_ROOT "${PROJECT_SOURCE_DIR}")
  endif()
  cmake_path(ABSOLUTE_PATH arg_ROOT BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
             NORMALIZE OUTPUT_VARIABLE root)
  # The manifest and the depfile are build records, not deliverables: they stay
  # out of the output's folder so that folder holds rendered files only.
  set(manifest "${record_dir}/${name}.manifest.json")
  set(depfile "${record_dir}/${name}.d")

  get_source_file_property(source_is_generated "${source}" GENERATED)
  if(NOT EXISTS "${source}" AND NOT source_is_generated)
    message(FATAL_ERROR "${caller}: SOURCE ${source} does not exist")
  endif()

  # What to render: the build, the checks and add_agent_mcp_config() share
  # these (mcp takes no --tool, so TOOL stays apart).
  set(render_options --root "${root}")
  if(DEFINED arg_PROJECT_FILE)
    cmake_path(ABSOLUTE_PATH arg_PROJECT_FILE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE project_file)
    list(APPEND render_options --project-file "${project_file}")
  endif()
  foreach(var IN LISTS arg_VARS)
    if(NOT var MATCHES "^[^=]+=")
      message(FATAL_ERROR "${caller}: VARS entry '${var}' needs the form name=value")
    endif()
    if(var MATCHES ";")
      message(FATAL_ERROR "${caller}: VARS entry '${var}' holds a ';', which a "
                          "CMake command line splits; set such a value in the "
                          "project file instead")
    endif()
    list(APPEND render_options -D "${var}")
  endforeach()
  list(APPEND render_options --type "${arg_TYPE}")
  if(arg_ALLOW_OUTSIDE_ROOT)
    list(APPEND render_options --allow-outside-root)
  endif()
  set(tool_option "")
  if(DEFINED arg_TOOL)
    set(tool_option --tool "${arg_TOOL}")
  endif()

  set(check_options "")
  if(arg_WERROR OR AGENTGEN_CHECK_WERROR)
    set(check_options --werror)
  endif()
  set(build_check "")
  if(arg_CHECK OR arg_WERROR OR AGENTGEN_CHECK OR AGENTGEN_CHECK_WERROR)
    # Before the render: a failed check leaves the previous output, older than
    # its inputs, so the next build checks again instead of trusting it.
    set(build_check COMMAND "${tool}" check "${source}" ${render_options} ${tool_option}
                            ${check_options})
  endif()

  # Ninja restats custom-command outputs, so a file whose bytes did not change
  # can keep its timestamp and spare everything downstream. Make does not
  # restat: an output left older than its inputs would be rendered on every
  # build, so other generators always get a fresh timestamp, and keep CMake's
  # depfile handling.
  set(ninja_options "")
  set(untransformed FALSE)
  if(CMAKE_GENERATOR MATCHES "Ninja")
    set(ninja_options --write-if-changed)
    # CMake writes the depfile's own path into build.ninja unescaped, which
    # Ninja cannot read when it holds a `$`: such a depfile moves to the top
    # build folder, and a top build folder with a `$` keeps CMake's translation.
    if(depfile MATCHES "[$]" AND NOT CMAKE_BINARY_DIR MATCHES "[$]")
      string(SHA1 folder_id "${record_dir}")
      string(SUBSTRING "${folder_id}" 0 16 folder_id)
      set(depfile "${CMAKE_BINARY_DIR}/CMakeFiles/agentgen/${folder_id}/${name}.d")
    endif()
    if(NOT depfile MATCHES "[$]")
      _agentgen_ninja_spelling("${output}" depfile_target)
      list(APPEND ninja_options --depfile-target "${depfile_target}")
      set(untransformed TRUE)
    elseif(CMAKE_VERSION VERSION_LESS 4.4)
      message(WARNING "${caller}: the build folder's path holds a '$', which Ninja "
                      "depfiles lose before CMake 4.4: this ${arg_TYPE} will be "
                      "rendered on every build")
    endif()
  endif()

  # The source is a plain DEPENDS, not MAIN_DEPENDENCY: two agents may render
  # the same source with different VARS, and a file can be the main dependency
  # of one command only. The generator target in DEPENDS makes its binary a file
  # dependency; named only in COMMAND it would merely order the build, and a
  # rebuilt generator would not render again.
  _agentgen_add_command(${untransformed}
    OUTPUT "${output}" "${manifest}"
    ${build_check}
    COMMAND "${tool}" render "${source}" -o "${output}" --manifest "${manifest}"
            --depfile "${depfile}" ${render_options} ${tool_option} ${ninja_options}
    DEPENDS "${source}" "${tool_dependency}" ${arg_DEPENDS}
    DEPFILE "${depfile}"
    COMMENT "Rendering ${arg_TYPE} ${name}"
    VERBATIM)
  _agentgen_declare_outputs("${output}" "${manifest}" "${depfile}")

  # With Makefiles a custom command runs only from a target of its own
  # directory; this target is also what other targets depend on.
  if(arg_EXCLUDE_FROM_ALL)
    add_custom_target(${target} DEPENDS "${output}" "${manifest}")
  else()
    add_custom_target(${target} ALL DEPENDS "${output}" "${manifest}")
  endif()
  set_target_properties(${target} PROPERTIES
    AGENTGEN_SOURCE "${source}" AGENTGEN_OUTPUT "${output}" AGENTGEN_MANIFEST "${manifest}"
    AGENTGEN_RENDER_OPTIONS "${render_options}")
  _agentgen_join_aggregate("${caller}" ${target})

  if(NOT arg_NO_CHECK)
    # Everything a render does, then the schema of the result.
    _agentgen_add_test(${test_name} "${tool}" check "${source}" ${render_options}
                       ${tool_option} ${check_options})
  endif()

  if(arg_INSTALL OR DEFINED arg_INSTALL_DESTINATION)
    if(NOT DEFINED arg_INSTALL_DESTINATION)
      set(data_dir share)
      if(CMAKE_INSTALL_DATADIR)
        set(data_dir "${CMAKE_INSTALL_DATADIR}")
      endif()
      set(arg_INSTALL_DESTINATION "${data_dir}/${PROJECT_NAME}/${folder}")
    endif()
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

# add_agent_mcp_config(OUTPUT <file> AGENTS <name>... [INSTALL_DESTINATION <dir>]
#                      [TARGET_VARIABLE <var>])
#
# Writes the Claude Code MCP configuration (`.mcp.json`) of every MCP server
# the named agents depend on, with `agentgen mcp`: servers keyed by dependency
# name under `mcpServers`; servers and keys already in the file that agentgen
# did not write are kept, and a record beside it (`<file>.agentgen`) says
# which servers it owns. The file is written again exactly when one of the
# agents' inputs changes.
#
# One value:
#   OUTPUT <file>               the configuration; relative to CMAKE_CURRENT_BINARY_DIR
#   INSTALL_DESTINATION <dir>   install the configuration there
#   TARGET_VARIABLE <var>       set to the name of the target
# Many values:
#   AGENTS <name>...            agents declared with add_agent() (they must share
#                               ROOT, PROJECT_FILE, VARS and ALLOW_OUTSIDE_ROOT:
#                               one mcp run reads them all; TOOL does not matter,
#                               the file is Claude Code's)
#
# Creates a target `mcp_<file name>`, leading dots dropped and any character
# other than letters, digits and _ . + - made `_` (`.mcp.json` gives
# `mcp_mcp.json`), in ALL and in the `agents` target.
#
# Example:
#   add_agent(reviewer SOURCE agents/reviewer.md)
#   add_agent_mcp_config(OUTPUT .mcp.json AGENTS reviewer)
function(add_agent_mcp_config)
  set(one_value OUTPUT INSTALL_DESTINATION TARGET_VARIABLE)
  set(many_values AGENTS)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "${one_value}" "${many_values}")
  set(caller "add_agent_mcp_config(${arg_OUTPUT})")
  _agentgen_check_unparsed("${caller}" "${one_value};${many_values}"
                         ${arg_UNPARSED_ARGUMENTS})
  foreach(keyword IN LISTS arg_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${caller}: ${keyword} needs a value")
  endforeach()
  # An agent may be named in capitals, near a keyword: only names that are no
  # agent are suspect.
  set(unknown_agents "")
  foreach(agent IN LISTS arg_AGENTS)
    if(NOT TARGET agent_${agent})
      list(APPEND unknown_agents "${agent}")
    endif()
  endforeach()
  _agentgen_check_values("${caller}" "${one_value};${many_values}" ${unknown_agents})
  if(NOT DEFINED arg_OUTPUT OR NOT arg_AGENTS)
    message(FATAL_ERROR "${caller}: OUTPUT <file> and AGENTS <name>... are required")
  endif()
  _agentgen_tool("${caller}" tool tool_dependency)
  cmake_path(ABSOLUTE_PATH arg_OUTPUT BASE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
             NORMALIZE OUTPUT_VARIABLE output)
  cmake_path(GET output FILENAME file_name)
  string(REGEX REPLACE "^\\.+" "" file_name "${file_name}")
  string(REGEX REPLACE "[^A-Za-z0-9_.+-]" "_" file_name "${file_name}")
  set(target "mcp_${file_name}")
  if(TARGET ${target})
    message(FATAL_ERROR "${caller}: the target ${target} exists already: give "
                        "each MCP configuration a file name of its own")
  endif()

  set(sources "")
  set(options "")
  set(agent_targets "")
  foreach(agent IN LISTS arg_AGENTS)
    if(NOT TARGET agent_${agent})
      message(FATAL_ERROR "${caller}: '${agent}' is not an agent declared with add_agent()")
    endif()
    get_target_property(source agent_${agent} AGENTGEN_SOURCE)
    get_target_property(agent_options agent_${agent} AGENTGEN_RENDER_OPTIONS)
    if(sources AND NOT "${agent_options}" STREQUAL "${options}")
      message(FATAL_ERROR "${caller}: '${agent}' is rendered with other ROOT, "
                          "PROJECT_FILE, VARS or ALLOW_OUTSIDE_ROOT than the agents "
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
  # mcp has no --depfile-target: CMake translates its depfile (CMP0116 NEW).
  _agentgen_add_command(FALSE
    OUTPUT "${output}" "${output}.agentgen"
    COMMAND "${tool}" mcp ${sources} -o "${output}" --depfile "${depfile}" ${options}
    ${touch}
    DEPENDS ${sources} "${tool_dependency}"
    DEPFILE "${depfile}"
    COMMENT "Writing MCP configuration ${arg_OUTPUT}"
    VERBATIM)
  _agentgen_declare_outputs("${output}" "${output}.agentgen" "${depfile}")
  add_custom_target(${target} ALL DEPENDS "${output}" "${output}.agentgen")
  add_dependencies(${target} ${agent_targets})
  _agentgen_join_aggregate("${caller}" ${target})

  if(DEFINED arg_INSTALL_DESTINATION)
    install(FILES "${output}" DESTINATION "${arg_INSTALL_DESTINATION}")
  endif()
  if(DEFINED arg_TARGET_VARIABLE)
    set(${arg_TARGET_VARIABLE} "${target}" PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)

# The project forms (add_agent_project(), add_agent_tree()) and the plugin
# form (add_agent_plugin()).
include("${CMAKE_CURRENT_LIST_DIR}/AgentProject.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/AgentPlugin.cmake")
