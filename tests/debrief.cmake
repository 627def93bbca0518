# The debrief and the session report: four trainees answer the sample scenario in the scripted
# kiosk, then the debrief (reveal, the anonymity rule, moderation, bars read back from the
# frame, every state at two sizes and 200% text, presenter mode on two Xvfb heads when Xvfb is
# there) and the PDF report, checked with poppler's tools (tests/debrief/test_debrief.sh).
add_executable(rjk_room_pdf ${CMAKE_CURRENT_LIST_DIR}/debrief/room_pdf.c)
target_link_libraries(rjk_room_pdf PRIVATE rjk_chart PkgConfig::PANGOCAIRO)
add_test(NAME ui_debrief COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/debrief/test_debrief.sh)
set_tests_properties(ui_debrief PROPERTIES LABELS ui TIMEOUT 600 ENVIRONMENT
  "SDL_VIDEODRIVER=dummy;SDL_RENDER_DRIVER=software;SDL_AUDIODRIVER=dummy;RJKIOSK=$<TARGET_FILE:rjkiosk>;RJKIOSK_SCRIPTED=$<TARGET_FILE:rjkiosk-scripted>;RJK_ROOM_PDF=$<TARGET_FILE:rjk_room_pdf>;RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/debrief;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/debrief/lsan.supp:print_suppressions=0")

# The word view's layout, drawn by the chart code into an image (tests/chart).
add_executable(test_chart_words ${CMAKE_CURRENT_LIST_DIR}/chart/test_chart_words.c)
target_link_libraries(test_chart_words PRIVATE rjk_chart PkgConfig::PANGOCAIRO PkgConfig::CMOCKA)
add_test(NAME debrief_chart_words COMMAND test_chart_words)
set_tests_properties(debrief_chart_words PROPERTIES LABELS "debrief;ui" ENVIRONMENT
  "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/debrief/lsan.supp:print_suppressions=0")

# The report with very long answers in non-Latin scripts (tests/debrief/test_report_long.sh).
add_test(NAME ui_debrief_report_long COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/debrief/test_report_long.sh)
set_tests_properties(ui_debrief_report_long PROPERTIES LABELS "ui;debrief" TIMEOUT 300 ENVIRONMENT
  "SDL_VIDEODRIVER=dummy;SDL_RENDER_DRIVER=software;SDL_AUDIODRIVER=dummy;RJKIOSK=$<TARGET_FILE:rjkiosk>;RJKIOSK_SCRIPTED=$<TARGET_FILE:rjkiosk-scripted>;RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/debrief;LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_LIST_DIR}/debrief/lsan.supp:print_suppressions=0")
