# UI suites: cmocka tests linking rjk_ui, and scripted runs of the kiosk without a display
# (SDL's dummy video driver and software renderer) that drive the whole journey, then
# check the store and the rendered frames.

add_executable(test_ui_theme ${CMAKE_CURRENT_LIST_DIR}/ui/test_ui_theme.c)
target_link_libraries(test_ui_theme PRIVATE rjk_ui PkgConfig::CMOCKA)
add_test(NAME test_ui_theme COMMAND test_ui_theme)
set_tests_properties(test_ui_theme PROPERTIES LABELS ui)

add_executable(test_ui_render ${CMAKE_CURRENT_LIST_DIR}/ui/test_ui_render.c)
target_link_libraries(test_ui_render PRIVATE rjk_ui PkgConfig::CMOCKA)
target_compile_definitions(test_ui_render PRIVATE RJK_SCENARIOS="${RJK_SCENARIOS}")
add_test(NAME test_ui_render COMMAND test_ui_render)
set_tests_properties(test_ui_render PROPERTIES LABELS ui
                     ENVIRONMENT "SDL_VIDEODRIVER=dummy;SDL_RENDER_DRIVER=software")

set(RJK_UI_TEST_ENV
  SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
  RJKIOSK=$<TARGET_FILE:rjkiosk> RJKIOSK_SCRIPTED=$<TARGET_FILE:rjkiosk-scripted>
  RJK_SCENARIOS=${PROJECT_SOURCE_DIR}/scenarios RJK_TEST_DATA=${RJK_TEST_DATA}
  RJK_UI_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/ui/scripts)

foreach(name journey resume store_error render_sizes keyboard next_trainee preview
             submit_confirm touch_keyboard required name_field page_return)
  add_test(NAME ui_${name}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/ui/test_${name}.sh)
  set_tests_properties(ui_${name} PROPERTIES LABELS ui TIMEOUT 120
                       ENVIRONMENT "${RJK_UI_TEST_ENV}")
endforeach()
# Every size, text size and control: slow under the sanitizers.
set_tests_properties(ui_render_sizes PROPERTIES TIMEOUT 600)
