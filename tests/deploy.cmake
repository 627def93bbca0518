# Deployment checks: the set-pin command, the systemd unit, the install and uninstall scripts
# in a scratch root, cmake --install and the .deb (with lintian and hardening-check), the man
# page, and --help against the man page. A check whose tool is missing on this machine exits 77
# and shows as skipped.
set(RJK_DEPLOY_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/deploy)
find_program(RJK_PYTHON3 python3 REQUIRED)

add_test(NAME deploy_set_pin
  COMMAND ${RJK_PYTHON3} ${RJK_DEPLOY_TESTS}/test_set_pin.py $<TARGET_FILE:rjkiosk>)
add_test(NAME deploy_unit_verify COMMAND sh ${RJK_DEPLOY_TESTS}/verify_unit.sh ${PROJECT_SOURCE_DIR})
add_test(NAME deploy_install_root
  COMMAND sh ${RJK_DEPLOY_TESTS}/install_root.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:rjkiosk>)
add_test(NAME deploy_package COMMAND sh ${RJK_DEPLOY_TESTS}/package.sh ${PROJECT_SOURCE_DIR}
  ${PROJECT_BINARY_DIR})
# The polkit rule for the menu's shut down and restart: node parses and runs it.
add_test(NAME deploy_polkit_rule COMMAND sh ${RJK_DEPLOY_TESTS}/check_polkit_rule.sh ${PROJECT_SOURCE_DIR})
add_test(NAME deploy_man_page COMMAND sh ${RJK_DEPLOY_TESTS}/check_man.sh ${PROJECT_SOURCE_DIR})
add_test(NAME deploy_help_matches_man COMMAND ${RJK_PYTHON3} ${RJK_DEPLOY_TESTS}/check_help.py
  ${PROJECT_SOURCE_DIR}/docs/rjkiosk.1 $<TARGET_FILE:rjkiosk>)
# The installed rjkiosk links no test driver, and refuses --script.
add_test(NAME deploy_no_test_code COMMAND sh ${RJK_DEPLOY_TESTS}/no_test_code.sh ${PROJECT_BINARY_DIR}
  $<TARGET_FILE:rjkiosk-scripted>)
set_tests_properties(deploy_set_pin deploy_unit_verify deploy_install_root deploy_package
  deploy_polkit_rule deploy_man_page deploy_help_matches_man deploy_no_test_code PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 120)
# lintian, hardening-check and the strip of the packaged program (cpack runs again: RUN_SERIAL
# keeps it from racing deploy_package in the same build folder).
add_test(NAME deploy_package_lint COMMAND sh ${RJK_DEPLOY_TESTS}/package_lint.sh ${PROJECT_BINARY_DIR})
set_tests_properties(deploy_package_lint PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 300
  RUN_SERIAL TRUE)

# The display stack the kiosk unit relies on: cage's headless backend, SDL's Wayland driver and
# the software renderer, as an unprivileged user.
add_executable(cage_probe ${RJK_DEPLOY_TESTS}/cage_probe.c)
target_link_libraries(cage_probe PRIVATE PkgConfig::SDL2)
# The probe tests the system's libraries, not the project's code: SDL's Wayland back end keeps
# allocations until exit, which a leak checker would report.
target_compile_options(cage_probe PRIVATE -fno-sanitize=all)
target_link_options(cage_probe PRIVATE -fno-sanitize=all)
add_test(NAME deploy_cage_headless
  COMMAND sh ${RJK_DEPLOY_TESTS}/under_cage.sh $<TARGET_FILE:cage_probe>)
set_tests_properties(deploy_cage_headless PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 90)

# The real kiosk under cage in --kiosk mode: its first screen is drawn and it exits cleanly.
# (SDL's Wayland back end keeps allocations until exit: leak checks are off for this run.)
add_test(NAME deploy_kiosk_under_cage
  COMMAND sh ${RJK_DEPLOY_TESTS}/under_cage.sh $<TARGET_FILE:rjkiosk-scripted> --kiosk
          --scenario ${PROJECT_SOURCE_DIR}/scenarios/sample
          --script ${RJK_DEPLOY_TESTS}/kiosk-first-screen.txt)
set_tests_properties(deploy_kiosk_under_cage PROPERTIES LABELS deploy SKIP_RETURN_CODE 77
  TIMEOUT 90 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
# The on-screen keyboard under cage (which has no input-method or virtual-keyboard protocol):
# a tap on Start brings it with the name field, taps on its keys type, the frame is checked
# and a screenshot taken with the kiosk's own screenshot mode.
add_test(NAME deploy_keyboard_under_cage
  COMMAND sh ${RJK_DEPLOY_TESTS}/under_cage.sh $<TARGET_FILE:rjkiosk-scripted> --no-video
          --scenario ${PROJECT_SOURCE_DIR}/scenarios/sample --screenshot-dir=.
          --script ${RJK_DEPLOY_TESTS}/keyboard-under-cage.txt)
set_tests_properties(deploy_keyboard_under_cage PROPERTIES LABELS deploy SKIP_RETURN_CODE 77
  TIMEOUT 90 ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
# rjkiosk's commands run as root on the kiosk's data folder leave their files to its user.
add_test(NAME deploy_root_commands
  COMMAND sh ${RJK_DEPLOY_TESTS}/root_commands.sh $<TARGET_FILE:rjkiosk>
          ${CMAKE_CURRENT_SOURCE_DIR}/data/schema)
set_tests_properties(deploy_root_commands PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 120)
# A damaged answers database: the kiosk names kiosk/recover.sh, which gives back what is readable.
add_test(NAME deploy_recover_db
  COMMAND sh ${RJK_DEPLOY_TESTS}/recover_db.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:rjkiosk>)
set_tests_properties(deploy_recover_db PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 120)
# The guide's retention timer: units that verify, and a purge the running kiosk does not refuse.
add_test(NAME deploy_retention_units
  COMMAND sh ${RJK_DEPLOY_TESTS}/retention_units.sh ${PROJECT_SOURCE_DIR} $<TARGET_FILE:rjkiosk>)
set_tests_properties(deploy_retention_units PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 60)
