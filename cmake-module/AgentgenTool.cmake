# AgentgenTool.cmake: what every agentgen build function shares: which agentgen
# runs, and configure-time checks of the functions' keywords.
#
# AGENTGEN_EXECUTABLE (cache, FILEPATH): an agentgen to run instead of the
# agentgen::agentgen target, whatever provides that target. For cross-compiling
# with a vendored agentgen (built for the target, it cannot run on the build
# machine) and for trying another agentgen without reinstalling.

include_guard(GLOBAL)

cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.25)

set(AGENTGEN_EXECUTABLE "" CACHE FILEPATH
    "agentgen to run at build time; wins over the agentgen::agentgen target")

# Sets <command_var> to what COMMAND names (the path or the target) and
# <depends_var> to the file dependency that re-runs a step when agentgen
# changes. Fails the configure when no agentgen can run on this machine.
function(_agentgen_tool caller command_var depends_var)
  if(AGENTGEN_EXECUTABLE)
    cmake_path(ABSOLUTE_PATH AGENTGEN_EXECUTABLE BASE_DIRECTORY "${CMAKE_BINARY_DIR}"
               NORMALIZE OUTPUT_VARIABLE tool)
    if(NOT EXISTS "${tool}")
      message(FATAL_ERROR "${caller}: AGENTGEN_EXECUTABLE names ${tool}, which "
                          "does not exist")
    endif()
    set(${command_var} "${tool}" PARENT_SCOPE)
    set(${depends_var} "${tool}" PARENT_SCOPE)
    return()
  endif()
  if(NOT TARGET agentgen::agentgen)
    message(FATAL_ERROR "${caller}: there is no target agentgen::agentgen; "
                        "find_package(agentgen CONFIG REQUIRED), add agentgen's "
                        "source tree with add_subdirectory() or FetchContent, or "
                        "set AGENTGEN_EXECUTABLE to an agentgen program first")
  endif()
  get_target_property(imported agentgen::agentgen IMPORTED)
  if(CMAKE_CROSSCOMPILING AND NOT imported AND NOT CMAKE_CROSSCOMPILING_EMULATOR)
    message(FATAL_ERROR "${caller}: agentgen is built in this tree, for the "
                        "target system (CMAKE_CROSSCOMPILING), and cannot run at "
                        "build time. Build or install agentgen for the build "
                        "machine and set AGENTGEN_EXECUTABLE to it "
                        "(docs/cmake.md, \"Cross-compiling\")")
  endif()
  set(${command_var} agentgen::agentgen PARENT_SCOPE)
  set(${depends_var} agentgen::agentgen PARENT_SCOPE)
endfunction()

# The edit distance of two strings (insertions, deletions, substitutions).
function(_agentgen_edit_distance a b out_var)
  string(LENGTH "${a}" la)
  string(LENGTH "${b}" lb)
  set(previous "")
  foreach(j RANGE 0 ${lb})
    list(APPEND previous ${j})
  endforeach()
  if(la EQUAL 0)
    set(${out_var} ${lb} PARENT_SCOPE)
    return()
  endif()
  math(EXPR last_a "${la} - 1")
  foreach(i RANGE 0 ${last_a})
    string(SUBSTRING "${a}" ${i} 1 ca)
    math(EXPR row_start "${i} + 1")
    set(current ${row_start})
    if(lb GREATER 0)
      math(EXPR last_b "${lb} - 1")
      foreach(j RANGE 0 ${last_b})
        string(SUBSTRING "${b}" ${j} 1 cb)
        math(EXPR j1 "${j} + 1")
        list(GET previous ${j} diagonal)
        list(GET previous ${j1} above)
        list(GET current ${j} left)
        if(ca STREQUAL cb)
          set(best ${diagonal})
        else()
          math(EXPR best "${diagonal} + 1")
        endif()
        math(EXPR via_above "${above} + 1")
        math(EXPR via_left "${left} + 1")
        if(via_above LESS best)
          set(best ${via_above})
        endif()
        if(via_left LESS best)
          set(best ${via_left})
        endif()
        list(APPEND current ${best})
      endforeach()
    endif()
    set(previous ${current})
  endforeach()
  list(GET previous ${lb} distance)
  set(${out_var} ${distance} PARENT_SCOPE)
endfunction()

# Sets <out_var> to the candidate nearest to <word> (case-insensitive), or to
# "" when none is within a third of the word's length (at least 1, at most 3).
function(_agentgen_nearest word out_var)
  string(TOUPPER "${word}" upper_word)
  string(LENGTH "${word}" length)
  math(EXPR limit "${length} / 3")
  if(limit LESS 1)
    set(limit 1)
  elseif(limit GREATER 3)
    set(limit 3)
  endif()
  set(nearest "")
  set(nearest_distance 1000)
  foreach(candidate IN LISTS ARGN)
    string(TOUPPER "${candidate}" upper_candidate)
    _agentgen_edit_distance("${upper_word}" "${upper_candidate}" distance)
    if(distance LESS_EQUAL limit AND distance LESS nearest_distance)
      set(nearest "${candidate}")
      set(nearest_distance ${distance})
    endif()
  endforeach()
  set(${out_var} "${nearest}" PARENT_SCOPE)
endfunction()

# Fails the configure when a value looks like a misspelt keyword:
# cmake_parse_arguments puts `VARS a=b NO_CHEK` into VARS, and
# `DEPENDS a.md EXCLUDE_FROM_AL` into DEPENDS. A value that is exactly a
# keyword cannot occur (the parser takes it), so only near misses in capitals
# count. The keywords come as one list argument, so that no value can be
# mistaken for a keyword of this function itself.
#   _agentgen_check_values(<caller> "<keyword>;..." <value>...)
# is for values that cannot be in capitals alone (VARS entries need a '=');
#   _agentgen_check_depends(<caller> "<keyword>;..." <value>...)
# for file or target names: those are suspect only when they name neither a
# target nor a file when the configure ends (a target may be declared after
# the call). A DEPENDS entry that is neither would fail the build anyway.
function(_agentgen_check_values caller keywords)
  foreach(value IN LISTS ARGN)
    if(NOT value MATCHES "^[A-Z][A-Z0-9_]*$")
      continue()
    endif()
    _agentgen_nearest("${value}" nearest ${keywords})
    if(nearest)
      message(FATAL_ERROR "${caller}: '${value}' is taken as a value; did you "
                          "mean the keyword ${nearest}?")
    endif()
  endforeach()
endfunction()

function(_agentgen_check_depends caller keywords)
  foreach(value IN LISTS ARGN)
    if(NOT value MATCHES "^[A-Z][A-Z0-9_]*$")
      continue()
    endif()
    _agentgen_nearest("${value}" nearest ${keywords})
    if(nearest AND NOT TARGET "${value}"
       AND NOT EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/${value}")
      set_property(GLOBAL APPEND PROPERTY AGENTGEN_SUSPECT_VALUES
                   "${caller}|${value}|${nearest}|${CMAKE_CURRENT_SOURCE_DIR}")
      get_property(deferred GLOBAL PROPERTY AGENTGEN_SUSPECT_VALUES_DEFERRED)
      if(NOT deferred)
        set_property(GLOBAL PROPERTY AGENTGEN_SUSPECT_VALUES_DEFERRED TRUE)
        cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}"
                       CALL _agentgen_check_suspect_values)
      endif()
    endif()
  endforeach()
endfunction()

# The end of the configure: a suspect value that is still neither a target nor
# a file is the misspelt keyword it looks like.
function(_agentgen_check_suspect_values)
  get_property(suspects GLOBAL PROPERTY AGENTGEN_SUSPECT_VALUES)
  foreach(suspect IN LISTS suspects)
    string(REPLACE "|" ";" suspect "${suspect}")
    list(GET suspect 0 caller)
    list(GET suspect 1 value)
    list(GET suspect 2 nearest)
    list(GET suspect 3 folder)
    if(NOT TARGET "${value}" AND NOT EXISTS "${folder}/${value}")
      message(FATAL_ERROR "${caller}: '${value}' is taken as a value; did you "
                          "mean the keyword ${nearest}? (It names no target or file.)")
    endif()
  endforeach()
endfunction()

# Fails the configure for unparsed arguments, naming the nearest keyword.
#   _agentgen_check_unparsed(<caller> "<keyword>;..." <argument>...)
function(_agentgen_check_unparsed caller keywords)
  foreach(value IN LISTS ARGN)
    _agentgen_nearest("${value}" nearest ${keywords})
    if(nearest)
      message(FATAL_ERROR "${caller}: unknown argument '${value}'; did you mean "
                          "${nearest}?")
    endif()
    message(FATAL_ERROR "${caller}: unknown argument '${value}'")
  endforeach()
endfunction()

cmake_policy(POP)
