# add_agent_plugin() on samples/plugin-project against the installed package,
# and docs/publish-a-plugin.md quoting that sample. Included by
# tests/cmake/CMakeLists.txt, which defines the generators, the tools and the
# agentgen_package fixture.

if(AGENTGEN_INSTALL)
  foreach(generator IN LISTS generators)
    add_test(NAME cmake_plugin_forms_${generator}
             COMMAND Python3::Interpreter ${driver_dir}/plugin_forms.py
                     --generator ${generator_${generator}} ${tools}
                     --prefix ${CMAKE_CURRENT_BINARY_DIR}/prefix
                     --sample ${PROJECT_SOURCE_DIR}/samples/plugin-project
                     --doc ${PROJECT_SOURCE_DIR}/docs/publish-a-plugin.md
                     --work ${CMAKE_CURRENT_BINARY_DIR}/plugin-forms-${generator})
    set_tests_properties(cmake_plugin_forms_${generator} PROPERTIES
                         FIXTURES_REQUIRED agentgen_package LABELS integration)
  endforeach()
endif()
