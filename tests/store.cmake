# The response store's and exports' extra test wiring: the shared fixture, the export parsers
# (Python's csv and json), and the command-line script.
set(RJK_STORE_FIXTURE ${CMAKE_CURRENT_SOURCE_DIR}/core/store_fixture.c)
foreach(suite test_store test_store_crash test_store_disk test_export)
  if(TARGET ${suite})
    target_sources(${suite} PRIVATE ${RJK_STORE_FIXTURE})
  endif()
endforeach()
if(TARGET test_store_crash)
  set_tests_properties(test_store_crash PROPERTIES TIMEOUT 300)
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
