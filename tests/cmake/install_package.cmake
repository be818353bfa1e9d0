# Installs agentgen from the build under test into an empty prefix and checks
# the package is all there: the fixture the find_package tests run against.
# usage: cmake -DBUILD_DIR=<dir> -DCONFIG=<config> -DPREFIX=<dir> -P install_package.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --config "${CONFIG}" --prefix "${PREFIX}"
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install exited with ${status}")
endif()
foreach(file IN ITEMS bin/agentgen
                      lib/cmake/agentgen/agentgen-config.cmake
                      lib/cmake/agentgen/agentgen-config-version.cmake
                      lib/cmake/agentgen/agentgen-targets.cmake
                      lib/cmake/agentgen/AddAgent.cmake
                      lib/cmake/agentgen/AgentgenTool.cmake
                      lib/cmake/agentgen/AgentProject.cmake
                      lib/cmake/agentgen/AgentPlugin.cmake)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "the package lacks ${file}")
  endif()
endforeach()
# The consumer needs the executable and the module, never the libraries.
file(GLOB_RECURSE libraries "${PREFIX}/*.a" "${PREFIX}/*.so" "${PREFIX}/include/*")
if(libraries)
  message(FATAL_ERROR "the package installs ${libraries}")
endif()
