#!/bin/sh
# Exporting a past session from the menu after a restart, by clicks, keys and taps: the format,
# "For Excel", a USB stick shown by its label (a faked mount table and /dev/disk/by-label), a
# clearly named file per export, the xAPI base from the settings; the bytes checked with
# Python's csv and json modules, not by the kiosk.
. "$(dirname "$0")/../ui/lib.sh"
RJK_UI_SCRIPTS=$(dirname "$0")/scripts
base=https://training.example.police.uk/rjkiosk/
echo 2468 | "$RJKIOSK" set-pin --stdin --data "$data" >/dev/null || fail "set-pin failed"

# The xAPI base: refused when not an absolute IRI, kept when it is.
for bad in example.org /relative http:// 'javascript:alert(1)'; do
	status=0
	"$RJKIOSK" settings --data "$data" --xapi-base "$bad" >/dev/null 2>&1 || status=$?
	[ "$status" = 2 ] || fail "rjkiosk settings took '$bad' as an xAPI base"
done
"$RJKIOSK" settings --data "$data" --xapi-base "$base" | grep -qx "xAPI base: $base" ||
	fail "rjkiosk settings did not keep the xAPI base"
grep -qx "xapi_base=$base" "$data/settings" || fail "the xAPI base is not in the settings file"

# Two sticks: KINGSTON mounted at usb0, and a read-only one labelled "LOCKED ONE" at usb1.
media="$work/media"
mkdir -p "$media/dev" "$media/by-label" "$media/usb0" "$media/usb1"
: >"$media/dev/sdb1"
: >"$media/dev/sdc1"
ln -s ../dev/sdb1 "$media/by-label/KINGSTON"
ln -s ../dev/sdc1 "$media/by-label/LOCKED\\x20ONE"
cat >"$media/mountinfo" <<INFO
1 0 8:1 / / rw,relatime - ext4 /dev/sda1 rw
36 1 8:17 / $media/usb0 rw,nosuid,nodev - vfat $media/dev/sdb1 rw,fmask=0022
37 1 8:33 / $media/usb1 ro,nosuid,nodev - vfat $media/dev/sdc1 ro
INFO
run() {
	"$RJKIOSK_SCRIPTED" --no-video --data "$data" --media-root "$media" \
		--screenshot-dir "$work" --script "$@"
}

# A trainee answers and the facilitator ends the session; the kiosk stops and starts again;
# the facilitator exports the past session.
run "$RJK_UI_SCRIPTS/export-answer.txt" --size 1280x800 || fail "answering failed"
# A short, known name, so the files' names can be checked below.
sql "update sessions set label = 'Session 1' where id = 1"
run "$RJK_UI_SCRIPTS/export-settings.txt" --size 1280x800 || fail "setting the xAPI base failed"
base=https://lrs.example.org
grep -qx "xapi_base=$base" "$data/settings" || fail "the menu did not save the xAPI base"
run "$RJK_UI_SCRIPTS/export-clicks.txt" --size 1280x800 || fail "exporting by clicks failed"
[ -n "$(sql "select ended_ms from sessions where id = 1")" ] || fail "session 1 was not ended"
run "$RJK_UI_SCRIPTS/export-keys.txt" --size 1024x768 || fail "exporting by keys and taps failed"
day=$(sql "select strftime('%Y-%m-%d', started_ms / 1000, 'unixepoch', 'localtime') from sessions where id = 1")
[ -f "$media/usb0/rjkiosk-Session-1-$day.csv" ] || fail "no clearly named CSV on the stick"
[ -f "$media/usb0/rjkiosk-Session-1-$day-2.csv" ] || fail "the second CSV replaced the first"
[ -f "$data/exports/rjkiosk-Session-1-$day.xapi.json" ] || fail "no xAPI file in the exports folder"
[ -f "$media/usb0/rjkiosk-Session-1-$day.json" ] || fail "no JSON on the stick (by keys)"
[ -f "$data/exports/rjkiosk-Session-1-$day.csv" ] || fail "no CSV in the exports folder (by taps)"
[ -z "$(ls "$media/usb1")" ] || fail "something was written to the read-only stick"
for f in "$media"/usb0/* "$data"/exports/*; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is not private"
done
[ -z "$(ls -A "$media/usb0" | grep '^\.')" ] || fail "a partial file was left on the stick"
python3 - "$media/usb0/rjkiosk-Session-1-$day.csv" "$media/usb0/rjkiosk-Session-1-$day-2.csv" \
	"$data/exports/rjkiosk-Session-1-$day.xapi.json" "$base" \
	"$data/exports/rjkiosk-Session-1-$day.csv" "$media/usb0/rjkiosk-Session-1-$day.json" \
	<<'PY' || fail "the exports' bytes are wrong"
import csv, io, json, sys
excel, plain, xapi, base, tapped, keyed = sys.argv[1:]
typed = '=listen first, said "the officer"; café'
def strings(v):
    if isinstance(v, dict):
        v = list(v.values())
    if isinstance(v, list):
        return [s for x in v for s in strings(x)]
    return [v]
assert typed in strings(json.load(open(keyed, encoding="utf-8"))), "the JSON lacks the answer"
for path, bom in ((excel, True), (plain, False), (tapped, False)):
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") == bom, f"{path}: byte-order mark {'missing' if bom else 'present'}"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1, f"{path}: {len(rows)} rows"
    r = rows[0]
    assert r["session_id"] == "1" and r["participant"] == "Zoë", r
    assert r["text"] == "'" + typed, r["text"]
doc = json.load(open(xapi, encoding="utf-8"))
assert len(doc) >= 1
for s in doc:
    ids = [s["object"]["id"], s["actor"]["account"]["homePage"]]
    ids += [a["id"] for a in s.get("context", {}).get("contextActivities", {}).get("parent", [])]
    ids += list(s.get("context", {}).get("extensions", {}))
    for i in ids:
        assert i.startswith(base.rstrip("/")), f"id {i} is not under {base}"
assert "rjkiosk.invalid" not in open(xapi, encoding="utf-8").read()
PY
# The command line's xAPI export takes the base from the settings too, unless told another.
"$RJKIOSK" export --data "$data" --session 1 --format xapi | grep -q "\"$base/scenarios/" ||
	fail "rjkiosk export did not use the xAPI base setting"
"$RJKIOSK" export --data "$data" --session 1 --format xapi --xapi-base https://other.example/ |
	grep -q '"https://other.example/scenarios/' || fail "--xapi-base did not win over the setting"
# A long xAPI base (letters beyond ASCII) on the Settings page: cut with an ellipsis between two
# letters, not inside one, and the label inside its button; its own page holds it whole.
long=https://lrs.example.org/$(printf 'd\303\251j\303\240-vu/%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20)
"$RJKIOSK" settings --data "$data" --xapi-base "$long" >/dev/null || fail "a long xAPI base was refused"
cut=https://lrs.example.org/$(printf 'd\303\251j\303\240-vu/%.0s' 1 2 3 4 5 6 7)d$(printf '\342\200\246')
cat >"$work/long-base.txt" <<SCRIPT
key ctrl+alt+F
key 2
key 4
key 6
key 8
key Return
click-button This kiosk
click-button Settings
expect-screen facilitator:settings
key Tab
check-frame
click-button xAPI base address: $cut
expect-screen facilitator:xapi-base
expect-editor $long
quit
SCRIPT
run "$work/long-base.txt" --size 1024x768 || fail "a long xAPI base was not shown cut on the Settings page"
# RJK_SHOTS=docs/screenshots keeps the pages' screenshots (1280x800) for the documentation.
if [ -n "${RJK_SHOTS:-}" ]; then
	for shot in export-page export-done export-read-only export-xapi-base-refused; do
		cp "$work/$shot.png" "$RJK_SHOTS/39-$shot.png"
	done
fi
echo "export: ok"
