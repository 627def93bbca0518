# The scenario file's JSON Schema (docs/scenario.schema.json), checked with npm's yaml and ajv
# against the good, warn and bad scenarios, the sample and the guide's example. The sample names
# the schema where the package installs it (cmake/Packaging.cmake).
add_test(NAME scenario_schema COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/schema/run.sh
  ${PROJECT_SOURCE_DIR} /usr/${CMAKE_INSTALL_DATADIR}/rjkiosk/scenario.schema.json)
set_tests_properties(scenario_schema PROPERTIES LABELS "schema;scenario" SKIP_RETURN_CODE 77
  TIMEOUT 60)
