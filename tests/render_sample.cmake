# Renders a sample agent and compares it with the committed expectation,
# byte for byte.
# usage: cmake -DAGENTGEN=<exe> -DROOT=<dir> -DSOURCE=<rel> -DEXPECTED=<file>
#              -DOUTPUT=<file> -P render_sample.cmake
execute_process(
  COMMAND "${AGENTGEN}" render "${ROOT}/${SOURCE}" -o "${OUTPUT}" --root "${ROOT}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "agentgen exited with ${status}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUTPUT}" "${EXPECTED}"
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "${OUTPUT} differs from ${EXPECTED}")
endif()
