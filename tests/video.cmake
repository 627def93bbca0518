# Scripted runs of the kiosk on a short scenario with a video (headless, silent): playback to
# the end with captions and a cue, seeking rules, bad media files, a source that stops
# mid-way and resuming after a crash.
if(TARGET rjk_media)
  set(RJK_VIDEO_TEST_ENV
    SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy
    RJKIOSK=$<TARGET_FILE:rjkiosk> RJKIOSK_SCRIPTED=$<TARGET_FILE:rjkiosk-scripted>
    RJK_VIDEO_DATA=${CMAKE_CURRENT_LIST_DIR}/data/video
    RJK_VIDEO_SCRIPTS=${CMAKE_CURRENT_LIST_DIR}/video/scripts)
  add_library(rjk_no_libvlc MODULE ${CMAKE_CURRENT_LIST_DIR}/video/no_libvlc.c)
  # Built plain: a sanitizer runtime in a preloaded library would clash with the kiosk's.
  set_target_properties(rjk_no_libvlc PROPERTIES COMPILE_OPTIONS "" LINK_OPTIONS "")
  list(APPEND RJK_VIDEO_TEST_ENV RJK_NO_LIBVLC=$<TARGET_FILE:rjk_no_libvlc>)
  # A video source that stops delivering mid-way, for test_stall.sh.
  add_library(rjk_stall_io MODULE ${CMAKE_CURRENT_LIST_DIR}/media/stall_io.c)
  set_target_properties(rjk_stall_io PROPERTIES COMPILE_OPTIONS "" LINK_OPTIONS "")
  target_link_libraries(rjk_stall_io PRIVATE ${CMAKE_DL_LIBS})
  list(APPEND RJK_VIDEO_TEST_ENV RJK_STALL_IO=$<TARGET_FILE:rjk_stall_io>)
  foreach(name play captions_fit seek seekbar bad_media resume no_player facilitator_hold stall
               no_sound)
    add_test(NAME video_${name} COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/video/test_${name}.sh)
    set_tests_properties(video_${name} PROPERTIES LABELS video TIMEOUT 120
                         ENVIRONMENT "${RJK_VIDEO_TEST_ENV}")
  endforeach()
endif()

# The scripted runs and `rjkiosk check` (which reads the video through libvlc) exit with libvlc
# loaded: in sanitizer builds, which are never installed, both programs keep libvlc's plugins
# mapped (see keep_plugins_mapped.c) so leak checks stay strict.
if(RJK_SANITIZE AND TARGET rjk_media)
  foreach(program rjkiosk rjkiosk-scripted)
    target_sources(${program} PRIVATE ${CMAKE_CURRENT_LIST_DIR}/video/keep_plugins_mapped.c)
    set_target_properties(${program} PROPERTIES ENABLE_EXPORTS ON)
  endforeach()
endif()
