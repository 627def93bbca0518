# The UI benchmark drives the real kiosk (app sources without main) with synthetic input.
if(TARGET bench_ui AND TARGET rjk_ui)
  file(GLOB RJK_BENCH_APP_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/app/*.c)
  list(FILTER RJK_BENCH_APP_SOURCES EXCLUDE REGEX "/main\\.c$")
  target_sources(bench_ui PRIVATE ${RJK_BENCH_APP_SOURCES})
  target_include_directories(bench_ui PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(bench_ui PRIVATE rjk_ui)
  target_compile_definitions(bench_ui PRIVATE ${RJK_APP_DEFINITIONS})
endif()
