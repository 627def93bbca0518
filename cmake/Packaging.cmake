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

# The guides and their screenshots (using-the-kiosk.md shows some and offers the folder for
# every screen), the Debian changelog and the machine-readable copyright file, in
# /usr/share/doc/rjkiosk. The changelog is compressed as Debian policy asks (gzip -9n: no name or
# time stamp, so the package is reproducible).
foreach(guide using-the-kiosk scenario-format captions exports lrs data deployment video)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/${guide}.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/screenshots DESTINATION ${CMAKE_INSTALL_DOCDIR}
  FILES_MATCHING PATTERN "*.png")
# The JSON Schema of scenario files, which editors read (the sample scenario names it): with the
# program's data rather than in /usr/share/doc, which a system may leave out.
install(FILES ${PROJECT_SOURCE_DIR}/docs/scenario.schema.json
  DESTINATION ${CMAKE_INSTALL_DATADIR}/rjkiosk)

set(RJK_CHANGELOG_GZ ${CMAKE_CURRENT_BINARY_DIR}/changelog.Debian.gz)
add_custom_command(OUTPUT ${RJK_CHANGELOG_GZ}
  COMMAND ${RJK_GZIP} -9 -n -c ${PROJECT_SOURCE_DIR}/packaging/changelog > ${RJK_CHANGELOG_GZ}
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog VERBATIM)
add_custom_target(rjk_changelog ALL DEPENDS ${RJK_CHANGELOG_GZ})
install(FILES ${RJK_CHANGELOG_GZ} ${PROJECT_SOURCE_DIR}/packaging/copyright
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The lintian findings that do not apply to a package made outside Debian, each with its reason.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/lintian-overrides
  DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME rjkiosk)

# The kiosk service, and the scripts and files IT uses to set up a PC (see docs/deployment.md).
# The unit is relative to the prefix: /usr/lib/systemd/system for a package.
install(FILES "${PROJECT_SOURCE_DIR}/kiosk/rjkiosk@.service" DESTINATION lib/systemd/system)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/kiosk/install.sh ${PROJECT_SOURCE_DIR}/kiosk/uninstall.sh
  ${PROJECT_SOURCE_DIR}/kiosk/stop.sh ${PROJECT_SOURCE_DIR}/kiosk/recover.sh
  DESTINATION ${CMAKE_INSTALL_DATADIR}/rjkiosk/kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/kiosk/pam-rjkiosk ${PROJECT_SOURCE_DIR}/kiosk/kiosk.conf
  "${PROJECT_SOURCE_DIR}/kiosk/rjkiosk@.service" ${PROJECT_SOURCE_DIR}/kiosk/50-rjkiosk-power.rules
  DESTINATION ${CMAKE_INSTALL_DATADIR}/rjkiosk/kiosk)

# Who answers for the package: a force that builds its own sets its IT team here, for example
# -DRJK_PACKAGE_MAINTAINER="Training IT <training-it@force.example>" (docs/deployment.md).
set(RJK_PACKAGE_DEFAULT_MAINTAINER "rjkiosk maintainers <maintainers@rjkiosk.invalid>")
set(RJK_PACKAGE_MAINTAINER ${RJK_PACKAGE_DEFAULT_MAINTAINER} CACHE STRING
  "Maintainer field of the Debian package: Name <address>")
# Build folders configured before 0.1.0-1 cached a default whose host had no domain.
if(RJK_PACKAGE_MAINTAINER STREQUAL "rjkiosk maintainers <rjkiosk@localhost>")
  set_property(CACHE RJK_PACKAGE_MAINTAINER PROPERTY VALUE ${RJK_PACKAGE_DEFAULT_MAINTAINER})
endif()
if(NOT RJK_PACKAGE_MAINTAINER MATCHES "^[^<>]+ <[^<>@ ]+@[^<>@ ]+\\.[^<>@ ]+>$")
  message(FATAL_ERROR "RJK_PACKAGE_MAINTAINER is '${RJK_PACKAGE_MAINTAINER}': give a name and a "
    "mail address whose host has a domain, such as \"Training IT <it@force.example>\"")
endif()

# The strip CPack asks for (CPACK_STRIP_FILES) keeps the .comment and .note sections; Debian's
# dh_strip removes them too.
install(CODE "if(CMAKE_INSTALL_DO_STRIP)
  execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:rjkiosk>\"
    COMMAND_ERROR_IS_FATAL ANY)
endif()")

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
# The package's revision: the version in packaging/changelog is PROJECT_VERSION-REVISION.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog RJK_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT RJK_CHANGELOG_TOP MATCHES "^rjkiosk \\(${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}\\) ")
  message(FATAL_ERROR "packaging/changelog starts with '${RJK_CHANGELOG_TOP}': its first entry "
    "must be for rjkiosk (${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}), the package built")
endif()
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "fullscreen classroom kiosk for restorative-justice training sessions")
# The long description, wrapped under 80 columns as Debian asks.
set(CPACK_PACKAGE_DESCRIPTION
  "rjkiosk plays a filmed interview, then walks police recruits through\n\
discussion prompts and private reflection questions from scenario files,\n\
keeping every answer on the machine until the facilitator exports it\n\
(CSV, JSON, xAPI). It ships a systemd unit that runs it fullscreen under\n\
the cage Wayland compositor at boot.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${RJK_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Debian 12 runtime packages of the libraries in CMakeLists.txt, plus VLC's decoders, the
# default font, and the keyboard layouts and compose tables of the on-screen keyboard.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libc6, libsdl2-2.0-0, libsdl2-ttf-2.0-0, libvlc5, libvlccore9, vlc-plugin-base, libswscale6, \
libasound2, libsqlite3-0, libyaml-0-2, libfontconfig1, libsodium23, libunistring2, libfribidi0, libharfbuzz0b, \
libxkbcommon0, xkb-data, libx11-data, libcairo2, libpango-1.0-0, libpangocairo-1.0-0, libglib2.0-0, \
libx11-6, libxinerama1, libcurl4, libjansson4, ca-certificates, fonts-dejavu-core")
# cage runs the kiosk fullscreen; Debian's cage refuses to start without Xwayland. The fonts
# draw what DejaVu Sans lacks (Chinese and Japanese; Urdu letters); without them those show
# as boxes.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland, fonts-droid-fallback, fonts-noto-ui-core")
# sqlite3: kiosk/recover.sh rebuilds a damaged answers database with it.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pipewire-audio, sqlite3")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
