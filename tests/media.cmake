# Media suites: the frame pool and null player, the libvlc player (through both its video
# outputs), its stall watchdog and a decoder that falls behind, the media probe behind `rjkiosk check`, and
# the SDL video view (headless and silent). All keep strict leak checks: the libvlc suites keep libvlc's plugins
# mapped (see dlclose in tests/media/media_test.c) so that what plugins allocate once and keep
# in their static data counts as reachable instead of as nameless leaks.
if(TARGET rjk_media)
  set(RJK_MEDIA_TEST_ENV SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software)
  add_executable(test_frame_pool ${CMAKE_CURRENT_SOURCE_DIR}/media/test_frame_pool.c)
  target_link_libraries(test_frame_pool PRIVATE rjk_media PkgConfig::CMOCKA)
  add_test(NAME test_frame_pool COMMAND test_frame_pool)
  set_tests_properties(test_frame_pool PROPERTIES LABELS media)

  add_library(rjk_media_test STATIC ${CMAKE_CURRENT_SOURCE_DIR}/media/media_test.c)
  target_link_libraries(rjk_media_test PUBLIC rjk_media PkgConfig::CMOCKA)
  target_compile_definitions(rjk_media_test PUBLIC RJK_TEST_DATA="${RJK_TEST_DATA}")
  set(RJK_VLC_SUITES test_player_vlc test_player_stall test_player_late test_media_probe)
  if(TARGET rjk_ui)
    list(APPEND RJK_VLC_SUITES test_video_view)
  endif()
  # The suites that look at pictures run twice: as the kiosk plays, with libvlc's pictures lent
  # without a copy (media/vlc_display.c), and with libvlc's own memory output, which plays where
  # that output cannot ("_vmem").
  list(APPEND RJK_VLC_SUITES test_player_vlc_vmem test_video_view_vmem)
  foreach(name ${RJK_VLC_SUITES})
    string(REGEX REPLACE "_vmem$" "" source ${name})
    if(source STREQUAL "test_video_view" AND NOT TARGET rjk_ui)
      continue()
    endif()
    add_executable(${name} ${CMAKE_CURRENT_SOURCE_DIR}/media/${source}.c)
    target_link_libraries(${name} PRIVATE rjk_media_test)
    # Exports media_test.c's dlclose so that libvlc's calls reach it.
    set_target_properties(${name} PROPERTIES ENABLE_EXPORTS ON)
    if(name MATCHES "_vmem$")
      target_compile_definitions(${name} PRIVATE RJK_TEST_VIDEO_OUTPUT="vmem")
    else()
      rjk_lend_pictures(${name})
      target_compile_definitions(${name} PRIVATE RJK_TEST_VIDEO_OUTPUT="rjkiosk")
    endif()
    if(source STREQUAL test_video_view)
      target_link_libraries(${name} PRIVATE rjk_ui)
    endif()
    if(name STREQUAL test_player_stall)
      # A source that stops delivering mid-way, in place of libvlc's reads (see stall_io.c).
      target_sources(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/media/stall_io.c)
      target_link_libraries(${name} PRIVATE ${CMAKE_DL_LIBS})
    endif()
    if(name STREQUAL test_player_late)
      # A decoder that falls behind at the start (see slow_decode.c).
      target_sources(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/media/slow_decode.c)
      target_link_libraries(${name} PRIVATE ${CMAKE_DL_LIBS})
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS media TIMEOUT 120
      ENVIRONMENT "${RJK_MEDIA_TEST_ENV}")
  endforeach()
endif()
