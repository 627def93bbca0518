# The facilitator's side, scripted through the kiosk without a display.
# What every facilitator test runs with: the kiosk headless, and the debrief tests' LSan
# suppressions for the tests that may draw a debrief or a report with pango.
set(facil_env "SDL_VIDEODRIVER=dummy;SDL_RENDER_DRIVER=software;SDL_AUDIODRIVER=dummy;RJKIOSK=$<TARGET_FILE:rjkiosk>;RJKIOSK_SCRIPTED=$<TARGET_FILE:rjkiosk-scripted>")
set(facil_lsan "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/debrief/lsan.supp:print_suppressions=0")
# Lockdown, PIN pad, inactivity, menu and settings (see tests/facilitator/test_facilitator.sh).
add_test(NAME ui_facilitator COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_facilitator.sh)
set_tests_properties(ui_facilitator PROPERTIES LABELS ui TIMEOUT 240 ENVIRONMENT
  "${facil_env};RJK_SCENARIOS=${PROJECT_SOURCE_DIR}/scenarios;RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts;${facil_lsan}")
# Stop requests (SIGTERM, SIGINT, SIGHUP) save the draft and end the kiosk within a second.
add_test(NAME ui_stop_signals COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_stop.sh)
set_tests_properties(ui_stop_signals PROPERTIES LABELS ui TIMEOUT 120 ENVIRONMENT
  "${facil_env};RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts")
# One kiosk per data folder; purge refused beside it; no stale lock after kill -9.
add_test(NAME ui_data_lock COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_data_lock.sh)
set_tests_properties(ui_data_lock PROPERTIES LABELS ui TIMEOUT 120 ENVIRONMENT
  "${facil_env};RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts")
# Sessions: naming, resuming after a power cut, renaming, the picker, export and debrief of a
# past session, delete with confirmation, and every key after "End this session". (The
# debrief and the PDF report draw with pango, hence the debrief tests' LSan suppressions.)
add_test(NAME ui_sessions COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_sessions.sh)
set_tests_properties(ui_sessions PROPERTIES LABELS ui TIMEOUT 240 ENVIRONMENT
  "${facil_env};RJK_SCENARIOS=${PROJECT_SOURCE_DIR}/scenarios;RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts;${facil_lsan}")
# Exporting a past session from the menu after a restart: format, For Excel, USB sticks by label.
add_test(NAME ui_export COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_export.sh)
set_tests_properties(ui_export PROPERTIES LABELS ui TIMEOUT 240 ENVIRONMENT
  "${facil_env};RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts;${facil_lsan}")
# The facilitator who stays (quick keys, Lock, time running out), PIN change, a PIN set while the
# kiosk runs, shut down and restart with a systemctl stand-in (tests/facilitator/test_present.sh).
add_test(NAME ui_facilitator_present COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_present.sh)
set_tests_properties(ui_facilitator_present PROPERTIES LABELS ui TIMEOUT 240 ENVIRONMENT
  "${facil_env};RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts")
# A scenarios folder of many: the Choose page a page at a time, scenarios past the first page
# chosen by keys, clicks and taps, and those past the menu's bound said to be left out.
add_test(NAME ui_scenario_pages COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/facilitator/test_scenario_pages.sh)
set_tests_properties(ui_scenario_pages PROPERTIES LABELS ui TIMEOUT 240 ENVIRONMENT
  "${facil_env};RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/facilitator/scripts")
