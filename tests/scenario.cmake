# Scenario area: the `rjkiosk check` command line (exit codes 0/1/2, where messages go).
add_test(NAME check_cli
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/check_cli.sh $<TARGET_FILE:rjkiosk> ${RJK_TEST_DATA})
set_tests_properties(check_cli PROPERTIES LABELS app)
