# The response store's and exports' extra test wiring: the shared fixture, the export parsers
# (Python's csv and json), and the command-line script.
set(RJK_STORE_FIXTURE ${CMAKE_CURRENT_SOURCE_DIR}/core/store_fixture.c)
foreach(suite test_store test_store_crash test_store_disk test_store_upgrade test_export test_lrs)
  if(TARGET ${suite})
    target_sources(${suite} PRIVATE ${RJK_STORE_FIXTURE})
  endif()
endforeach()
if(TARGET test_store_crash)
  set_tests_properties(test_store_crash PROPERTIES TIMEOUT 300)
endif()
if(TARGET test_store_upgrade)
  set_tests_properties(test_store_upgrade PROPERTIES TIMEOUT 300)
endif()

# Seeds a data folder with the fixture's sessions, for the command-line test.
add_executable(rjk_seed_store ${CMAKE_CURRENT_SOURCE_DIR}/store/seed_store.c ${RJK_STORE_FIXTURE})
target_include_directories(rjk_seed_store PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
target_link_libraries(rjk_seed_store PRIVATE rjk_core)

find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME export_parse
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/store/check_exports.py
          ${RJK_TEST_DATA}/export)
set_tests_properties(export_parse PROPERTIES LABELS core)

add_test(NAME data_cli
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/cli.sh $<TARGET_FILE:rjkiosk>
          $<TARGET_FILE:rjk_seed_store> ${Python3_EXECUTABLE}
          ${CMAKE_CURRENT_SOURCE_DIR}/store/check_exports.py)
set_tests_properties(data_cli PROPERTIES LABELS app)

# Writes a schema fixture database (tests/data/schema/README.md says when and how).
add_executable(rjk_make_schema_fixture ${CMAKE_CURRENT_SOURCE_DIR}/store/make_schema_fixture.c
  ${RJK_STORE_FIXTURE})
target_include_directories(rjk_make_schema_fixture PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/core)
target_link_libraries(rjk_make_schema_fixture PRIVATE rjk_core)

# Every committed schema fixture opens with this build and exports the same answers.
file(STRINGS ${PROJECT_SOURCE_DIR}/src/core/store_impl.h RJK_SCHEMA_LINE
  REGEX "^#define STORE_SCHEMA_VERSION [0-9]+$")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" RJK_SCHEMA_VERSION "${RJK_SCHEMA_LINE}")
add_test(NAME store_schema_fixtures
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/store/schema_upgrade.py
          $<TARGET_FILE:rjkiosk> ${RJK_TEST_DATA}/schema ${RJK_SCHEMA_VERSION})
set_tests_properties(store_schema_fixtures PROPERTIES LABELS app)
