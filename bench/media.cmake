# The video playback benchmark (run by scripts/bench-video.sh): bench/CMakeLists.txt makes
# bench_video from bench_video.c; it also needs the player and the video view.
if(TARGET bench_video)
  target_link_libraries(bench_video PRIVATE rjk_ui rjk_media)
  rjk_lend_pictures(bench_video)
endif()
