# src/app's include graph has no cycle (a .c and its .h as one module), and the check itself
# finds cycles in tiny examples.
add_test(NAME app_include_tree
         COMMAND python3 ${PROJECT_SOURCE_DIR}/scripts/check-include-tree.py
                 ${PROJECT_SOURCE_DIR}/src/app)
set_tests_properties(app_include_tree PROPERTIES LABELS app)
add_test(NAME include_tree_check
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/include_tree/test_include_tree.sh
                 ${PROJECT_SOURCE_DIR}/scripts/check-include-tree.py
                 ${CMAKE_CURRENT_LIST_DIR}/data/include_tree)
set_tests_properties(include_tree_check PROPERTIES LABELS app)
