# Upgrading the .deb over an older one (and removing or purging it) keeps the kiosk's data and
# settings; dpkg installs into a private root. Skipped (77) where dpkg cannot run as root.
add_test(NAME deploy_deb_upgrade
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/deploy/deb_upgrade.sh ${PROJECT_SOURCE_DIR}
          ${PROJECT_BINARY_DIR})
set_tests_properties(deploy_deb_upgrade PROPERTIES LABELS deploy SKIP_RETURN_CODE 77 TIMEOUT 300)
