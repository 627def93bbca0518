#!/bin/sh
# The facilitator who stays, PIN change, a PIN set while the kiosk runs, and shut down or
# restart from the menu, scripted and headless (by keys, clicks and taps).
. "$(dirname "$0")/../ui/lib.sh"
RJK_UI_SCRIPTS=$(dirname "$0")/scripts
# Screenshots of the new pages (1280x800) go to RJK_SHOTS when set (docs/screenshots/60- to 65-:
# see docs/using-the-kiosk.md), else into the scratch folder.
shots=${RJK_SHOTS:-$work}

# Present for 10 minutes after the PIN: quick keys, the menu, the time from the last action,
# Lock, and the time running out; by taps and clicks with the Settings page choosing the time.
setpin
kiosk present-keys.txt --size 1024x768 --present 600 || fail "presence by keys"
rm -rf "$data"
setpin
kiosk present-touch.txt --size 1280x800 --present 120 --screenshot-dir "$shots" ||
	fail "presence by taps and clicks"
grep -qx present_s=120 "$data/settings" || fail "the presence time was not saved"
# Off (the test program's default): the quick keys ask for the PIN every time.
rm -rf "$data"
setpin
kiosk present-off.txt --size 1024x768 || fail "quick keys with the presence time off"

# A fresh kiosk keeps the facilitator present for the saved default of 10 minutes.
rm -rf "$data"
setpin
printf 'key ctrl+alt+F\nkey 2\nkey 4\nkey 6\nkey 8\nkey Return\nwait-text Unlocked for 10 more minutes\nscreenshot 60-menu-present.png\nkey Escape\nkey ctrl+alt+F\nexpect-screen facilitator:menu\nquit\n' \
	>"$work/default.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/default.txt" --screenshot-dir "$shots" \
	--size 1280x800 --present -1 || fail "the default presence time is not 10 minutes"

# PIN change: wrong current PIN, too easy, mismatch, then only the new PIN opens the menu.
rm -rf "$data"
setpin
kiosk change-pin.txt --size 1280x800 --screenshot-dir "$shots" || fail "changing the PIN"
grep -q "set: new PIN stored" "$data/pin.log" || fail "the PIN change was not logged"
[ "$(stat -c %a "$data/pin")" = 600 ] || fail "the changed PIN file is not private"
rm -rf "$data"
setpin
kiosk change-pin-lockout.txt --size 1024x768 || fail "the lockout on the current PIN"

# A PIN set from the command line while the kiosk runs (without --kiosk, no PIN at first).
rm -rf "$data"
sed "s|SET_PIN \([0-9]*\)|echo \1 \| '$RJKIOSK' set-pin --stdin --data '$data' >/dev/null|" \
	"$RJK_UI_SCRIPTS/set-pin-running.txt" >"$work/set-pin-running.txt"
"$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/set-pin-running.txt" --size 1024x768 ||
	fail "a PIN set while the kiosk runs"

# Shut down and restart: a systemctl stand-in first on PATH.
mkdir -p "$work/bin"
export RJK_TEST_DATA="$data" RJK_TEST_LOG="$work/systemctl.log"
power() { # RESULT_PAGE POWER_OFF_TEXT REBOOT_TEXT SCREENSHOT
	sed -e "s|RESULT|$1|" -e "s|POWER_OFF_TEXT|$2|" -e "s|REBOOT_TEXT|$3|" -e "s|SHOT|$4|" \
		"$RJK_UI_SCRIPTS/power.txt" >"$work/power.txt"
	PATH="$work/bin:$PATH" "$RJKIOSK_SCRIPTED" --no-video --data "$data" --script "$work/power.txt" \
		--screenshot-dir "$shots" --size 1280x800
}
# Without the polkit rule: polkit's refusal is shown, the kiosk runs on, nothing is lost.
rm -rf "$data"
setpin
cat >"$work/bin/systemctl" <<'SH'
#!/bin/sh
echo "$@" >>"$RJK_TEST_LOG"
case $* in
*poweroff) echo "Failed to power off system via logind: Access denied" >&2 ;;
*) echo "Failed to reboot system via logind: Interactive authentication required." >&2 ;;
esac
exit 1
SH
chmod +x "$work/bin/systemctl"
power facilitator:result-failed "Access denied" "Interactive authentication required" \
	64-power-refused.png || fail "a refused shut down"
[ "$(cat "$RJK_TEST_LOG")" = "--no-ask-password poweroff
--no-ask-password reboot" ] || fail "systemctl was run as: $(cat "$RJK_TEST_LOG")"
[ "$(sql "select text from responses where status = 'draft'")" = "Before the power went" ] ||
	fail "the draft was lost after a refused shut down"
[ "$(sql "pragma integrity_check")" = ok ] || fail "the store is damaged"
# With it: systemctl is asked after the answer being written is saved.
rm -rf "$data" "$RJK_TEST_LOG"
setpin
cat >"$work/bin/systemctl" <<'SH'
#!/bin/sh
echo "$@" >>"$RJK_TEST_LOG"
sqlite3 "$RJK_TEST_DATA/responses.db" "select text from responses where status = 'draft'" >>"$RJK_TEST_LOG"
SH
power facilitator:result "The PC is shutting down" "The PC is restarting" \
	65-power-done.png || fail "an accepted shut down"
[ "$(cat "$RJK_TEST_LOG")" = "--no-ask-password poweroff
Before the power went
--no-ask-password reboot
Before the power went" ] || fail "systemctl was asked before the draft was saved: $(cat "$RJK_TEST_LOG")"
echo "facilitator present, PIN change, power: ok"
