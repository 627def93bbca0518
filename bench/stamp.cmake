# The start-up stamp (bench/stamp_present.c): a library preloaded into the real kiosk by
# scripts/bench-startup.sh. It has no dependency of its own: SDL is the kiosk's.
add_library(rjk_stamp_present MODULE ${CMAKE_CURRENT_LIST_DIR}/stamp_present.c)
target_link_libraries(rjk_stamp_present PRIVATE ${CMAKE_DL_LIBS})
