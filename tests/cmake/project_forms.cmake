# The project forms (add_agent_project(), add_agent_tree()): the incremental
# protocol and committed-tree rules on samples/cmake-project against the
# installed package, their arguments against an imported agentgen, and the
# examples of docs/cmake.md. Included by tests/cmake/CMakeLists.txt,
# which defines the generators, the tools and the agentgen_package fixture.

set(project_sample ${PROJECT_SOURCE_DIR}/samples/cmake-project)

foreach(generator IN LISTS generators)
  add_test(NAME cmake_project_arguments_${generator}
           COMMAND Python3::Interpreter ${driver_dir}/project_arguments.py
                   --generator ${generator_${generator}} ${tools}
                   --agentgen $<TARGET_FILE:agentgen>
                   --module ${PROJECT_SOURCE_DIR}/cmake-module/AddAgent.cmake
                   --work ${CMAKE_CURRENT_BINARY_DIR}/project-arguments-${generator})
  set_tests_properties(cmake_project_arguments_${generator} PROPERTIES
                       LABELS integration)
  if(AGENTGEN_INSTALL)
    add_test(NAME cmake_project_forms_${generator}
             COMMAND Python3::Interpreter ${driver_dir}/project_forms.py
                     --generator ${generator_${generator}} ${tools}
                     --prefix ${CMAKE_CURRENT_BINARY_DIR}/prefix --sample ${project_sample}
                     --work ${CMAKE_CURRENT_BINARY_DIR}/project-forms-${generator})
    set_tests_properties(cmake_project_forms_${generator} PROPERTIES
                         FIXTURES_REQUIRED agentgen_package LABELS integration)
  endif()
endforeach()

if(AGENTGEN_INSTALL AND generators)
  list(GET generators 0 generator)
  add_test(NAME cmake_project_docs
           COMMAND Python3::Interpreter ${driver_dir}/project_docs.py
                   --generator ${generator_${generator}} ${tools}
                   --prefix ${CMAKE_CURRENT_BINARY_DIR}/prefix --sample ${project_sample}
                   --doc ${PROJECT_SOURCE_DIR}/docs/cmake.md
                   --work ${CMAKE_CURRENT_BINARY_DIR}/project-docs)
  set_tests_properties(cmake_project_docs PROPERTIES
                       FIXTURES_REQUIRED agentgen_package LABELS integration)
endif()

# The sample's committed trees are exactly what its build would write (the
# module's arguments: ROOT is the sample's top folder).
add_test(NAME cmake_project_sample_check
         COMMAND agentgen sync ${project_sample}/agpm.toml --root ${project_sample} --check)
add_test(NAME cmake_project_sample_ops_check
         COMMAND agentgen sync --from ${project_sample}/ops/.claude-src
                 --to ${project_sample}/ops/.claude --root ${project_sample} --check)
