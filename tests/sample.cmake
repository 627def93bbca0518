# The bundled sample scenario must always pass `rjkiosk check`: it is what the quick start opens.
add_test(NAME sample_scenario_check
         COMMAND rjkiosk check ${PROJECT_SOURCE_DIR}/scenarios/sample)
set_tests_properties(sample_scenario_check PROPERTIES LABELS scenario)
