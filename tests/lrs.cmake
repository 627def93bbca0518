# The learning record store end to end, against Learning Locker's statement service (npm
# xapi-statements, tests/lrs/tools, installed by scripts/setup.sh) started and stopped by the
# test, with a fault-injecting proxy and a throwaway CA (tests/lrs/test_lrs.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
add_test(NAME lrs_live
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/lrs/test_lrs.py
          $<TARGET_FILE:rjkiosk> $<TARGET_FILE:rjkiosk-scripted> $<TARGET_FILE:rjk_seed_store>
          ${CMAKE_CURRENT_SOURCE_DIR}/lrs/tools ${PROJECT_SOURCE_DIR}/scenarios)
# The class's debrief draws with pango: the debrief tests' LSan suppressions apply.
set_tests_properties(lrs_live PROPERTIES LABELS lrs TIMEOUT 600 SKIP_RETURN_CODE 77 ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/debrief/lsan.supp:print_suppressions=0")
