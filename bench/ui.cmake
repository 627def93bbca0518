# The UI benchmarks drive the real kiosk (the app library) with synthetic input.
foreach(bench bench_ui bench_long_text)
  if(TARGET ${bench} AND TARGET rjk_ui)
    target_sources(${bench} PRIVATE ${CMAKE_CURRENT_LIST_DIR}/keys.c)
    target_link_libraries(${bench} PRIVATE rjk_app)
    target_compile_definitions(${bench} PRIVATE ${RJK_APP_DEFINITIONS})
  endif()
endforeach()
