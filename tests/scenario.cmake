# Scenario area: the `rjkiosk check` command line (exit codes 0/1/2, where messages go).
add_test(NAME check_cli
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/check_cli.sh $<TARGET_FILE:rjkiosk> ${RJK_TEST_DATA})
set_tests_properties(check_cli PROPERTIES LABELS app)

# `rjkiosk check` reading the media: real test clips, a text file named .mp4, empty and broken
# caption files, cues after the end and in the last second, --no-media, and libvlc that cannot
# start (rjk_no_libvlc, from tests/video.cmake).
add_test(NAME check_media
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/check_media.sh $<TARGET_FILE:rjkiosk> ${RJK_TEST_DATA}
                 $<TARGET_FILE:rjk_no_libvlc>)
set_tests_properties(check_media PROPERTIES LABELS app TIMEOUT 120)
