# Unicode's conformance data (Debian's unicode-data package) for the segmentation test.
find_file(RJK_GRAPHEME_BREAK_TEST GraphemeBreakTest.txt PATHS /usr/share/unicode/auxiliary
  NO_DEFAULT_PATH)
if(NOT RJK_GRAPHEME_BREAK_TEST)
  message(FATAL_ERROR "GraphemeBreakTest.txt not found: run scripts/setup.sh (unicode-data)")
endif()
get_filename_component(RJK_UNICODE_AUX ${RJK_GRAPHEME_BREAK_TEST} DIRECTORY)
get_filename_component(RJK_UNICODE_DATA ${RJK_UNICODE_AUX} DIRECTORY)
target_compile_definitions(test_unicode_data PRIVATE RJK_UNICODE_DATA="${RJK_UNICODE_DATA}")
target_compile_definitions(test_bidi PRIVATE RJK_UNICODE_DATA="${RJK_UNICODE_DATA}")
