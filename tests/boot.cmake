# The boot test (tests/deploy/boot_test.sh): the .deb installed in a Debian 12 container booted
# with systemd-nspawn. It needs root, network access to a Debian mirror the first time in a week,
# and several minutes, so it is registered only with -DRJK_BOOT_TEST=ON, under the label boot:
#   cmake -B build -DRJK_BOOT_TEST=ON && ctest --test-dir build -L boot --output-on-failure
option(RJK_BOOT_TEST "Register the boot test in a systemd-nspawn container (ctest label boot)" OFF)
if(RJK_BOOT_TEST)
  add_test(NAME deploy_boot COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/deploy/boot_test.sh
    ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  set_tests_properties(deploy_boot PROPERTIES LABELS boot SKIP_RETURN_CODE 77 TIMEOUT 1500
    RUN_SERIAL TRUE)
endif()
