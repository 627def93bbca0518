# What `cmake --install` puts on a machine besides the program, and the Debian package CPack
# builds from it (cpack -G DEB in the build folder).

# The man page, compressed as Debian expects.
find_program(RJK_GZIP gzip REQUIRED)
set(RJK_MAN_GZ ${CMAKE_CURRENT_BINARY_DIR}/rjkiosk.1.gz)
add_custom_command(OUTPUT ${RJK_MAN_GZ}
  COMMAND ${RJK_GZIP} -9 -n -c ${PROJECT_SOURCE_DIR}/docs/rjkiosk.1 > ${RJK_MAN_GZ}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/rjkiosk.1 VERBATIM)
add_custom_target(rjk_man ALL DEPENDS ${RJK_MAN_GZ})
install(FILES ${RJK_MAN_GZ} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES ${PROJECT_SOURCE_DIR}/kiosk/rjkiosk.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/docs/deployment.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The kiosk service, and the scripts and files IT uses to set up a PC (see docs/deployment.md).
# The unit is relative to the prefix: /usr/lib/systemd/system for a package.
install(FILES "${PROJECT_SOURCE_DIR}/kiosk/rjkiosk@.service" DESTINATION lib/systemd/system)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/kiosk/install.sh ${PROJECT_SOURCE_DIR}/kiosk/uninstall.sh
  DESTINATION ${CMAKE_INSTALL_DATADIR}/rjkiosk/kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/kiosk/pam-rjkiosk ${PROJECT_SOURCE_DIR}/kiosk/kiosk.conf
  "${PROJECT_SOURCE_DIR}/kiosk/rjkiosk@.service"
  DESTINATION ${CMAKE_INSTALL_DATADIR}/rjkiosk/kiosk)

set(RJK_PACKAGE_MAINTAINER "rjkiosk maintainers <rjkiosk@localhost>" CACHE STRING
  "Maintainer field of the Debian package")

if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(WARNING "CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}: the .deb installs into /usr, "
    "so its rjkiosk would look for the sample scenario in the wrong place; configure with "
    "-DCMAKE_INSTALL_PREFIX=/usr before running cpack")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_NAME rjkiosk)
set(CPACK_PACKAGE_VENDOR rjkiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "fullscreen classroom kiosk for restorative-justice training sessions")
set(CPACK_PACKAGE_DESCRIPTION
  "rjkiosk plays a filmed interview, then walks police recruits through discussion prompts\n\
and private reflection questions from scenario files, keeping every answer on the machine\n\
until the facilitator exports it (CSV, JSON, xAPI). It ships a systemd unit that runs it\n\
fullscreen under the cage Wayland compositor at boot.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${RJK_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Debian 12 runtime packages of the libraries in CMakeLists.txt, plus VLC's decoders and the
# default font.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libc6, libsdl2-2.0-0, libsdl2-ttf-2.0-0, libsdl2-image-2.0-0, libvlc5, vlc-plugin-base, \
libasound2, libsqlite3-0, libyaml-0-2, libfontconfig1, libsodium23, fonts-dejavu-core")
# cage runs the kiosk fullscreen; Debian's cage refuses to start without Xwayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pipewire-audio")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
