# The hardening flags Debian's dpkg-buildflags sets for a package (hardening=+all less the
# options that change the ABI), for every program and library the project builds: fortified
# libc calls, stack protector and clash protection, control-flow protection, position-independent
# executables, and full RELRO with immediate binding (BIND_NOW).

option(RJK_HARDEN "Build with Debian's hardening flags (fortify, stack protector, PIE, RELRO, BIND_NOW)" ON)
if(NOT RJK_HARDEN)
  return()
endif()

include(CheckCCompilerFlag)
include(CheckPIESupported)

# Position-independent code everywhere, and executables linked as PIE.
check_pie_supported(LANGUAGES C)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

foreach(flag -fstack-protector-strong -fstack-clash-protection -fcf-protection)
  string(MAKE_C_IDENTIFIER "RJK_HAS${flag}" var)
  check_c_compiler_flag(${flag} ${var})
  if(${var})
    add_compile_options(${flag})
  endif()
endforeach()

# _FORTIFY_SOURCE only acts when the compiler optimises, so it is set for the optimised build
# types and left out of Debug (where glibc would warn that it does nothing). The sanitizer and
# fuzz builds leave it out too: AddressSanitizer checks the same calls itself, and fortified
# calls would bypass its interceptors.
if(NOT RJK_SANITIZE AND NOT RJK_FUZZ)
  add_compile_options(
    "$<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
endif()

# Full RELRO: the dynamic relocations are resolved at start (BIND_NOW) and then made read-only.
add_link_options(LINKER:-z,relro LINKER:-z,now)
