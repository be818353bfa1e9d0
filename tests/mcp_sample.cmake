# Writes a sample's MCP configuration with `agentgen mcp` into a fresh folder
# and compares it with the committed expectation, byte for byte; a second
# run must leave it untouched (write-if-changed).
# usage: cmake -DAGENTGEN=<exe> -DROOT=<dir> -DSOURCE=<rel> -DEXPECTED=<file>
#              -DOUTPUT=<file> -P mcp_sample.cmake
file(REMOVE "${OUTPUT}" "${OUTPUT}.agentgen")
foreach(run first second)
  execute_process(
    COMMAND "${AGENTGEN}" mcp "${ROOT}/${SOURCE}" -o "${OUTPUT}" --root "${ROOT}"
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "agentgen mcp exited with ${status} (${run} run)")
  endif()
  if(run STREQUAL "first")
    file(TIMESTAMP "${OUTPUT}" written "%s")
    execute_process(COMMAND "${CMAKE_COMMAND}" -E sleep 1.1)
  endif()
endforeach()
file(TIMESTAMP "${OUTPUT}" rewritten "%s")
if(NOT written STREQUAL rewritten)
  message(FATAL_ERROR "the second run rewrote ${OUTPUT}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}" "${EXPECTED}"
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "${OUTPUT} differs from ${EXPECTED}")
endif()
