#!/bin/sh
# When libvlc itself cannot start (preloaded libvlc_new failing), the video screen says so at
# once, the reason is logged, and the trainee goes on to the steps with the cue step in them.
. "$(dirname "$0")/lib.sh"
: "${RJK_NO_LIBVLC:?set RJK_NO_LIBVLC to the preload library}"
# The preload comes before the sanitizer runtime in sanitizer builds: allow that order.
LD_PRELOAD="$RJK_NO_LIBVLC" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
	kiosk no-player.txt 2> "$work/stderr" || { cat "$work/stderr" >&2; fail "the scripted run failed"; }
grep "the video player could not start" "$work/stderr" || fail "nothing logged"
echo ok
