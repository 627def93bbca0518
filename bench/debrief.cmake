# The debrief's room view and the session report (debrief.c; README: figures).
add_executable(bench_debrief ${CMAKE_CURRENT_LIST_DIR}/debrief.c)
target_link_libraries(bench_debrief PRIVATE rjk_chart PkgConfig::PANGOCAIRO)
