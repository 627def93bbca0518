#!/bin/sh
# Checks the kiosk unit with systemd-analyze verify: any message (even one systemd "ignores")
# fails the test. Exit 77 (skipped) where systemd-analyze or cage is missing.
set -eu
src=$1
command -v systemd-analyze >/dev/null || { echo "SKIP: systemd-analyze is not installed"; exit 77; }
[ -x /usr/bin/cage ] || { echo "SKIP: /usr/bin/cage is not installed (apt-get install cage)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A template is checked through an instance, as systemd will run it.
# The stop helper is looked for where the package puts it; here it is the source tree's copy.
sed "s|/usr/share/rjkiosk/kiosk/stop.sh|$src/kiosk/stop.sh|" "$src/kiosk/rjkiosk@.service" \
	>"$tmp/rjkiosk@tty1.service"
if ! out=$(systemd-analyze verify --man=no "$tmp/rjkiosk@tty1.service" 2>&1); then
	echo "FAIL: systemd-analyze verify failed:"; echo "$out"; exit 1
fi
if [ -n "$out" ]; then
	echo "FAIL: systemd-analyze verify reported:"; echo "$out"; exit 1
fi
for key in 'Conflicts=getty@%i.service' 'After=systemd-user-sessions.service' 'User=rjkiosk' \
	'PAMName=rjkiosk' 'TTYPath=/dev/%I' 'StandardInput=tty-fail' 'Restart=always' \
	'StartLimitIntervalSec=0' 'StateDirectory=rjkiosk' 'StateDirectoryMode=0700' \
	'ExecStart=/usr/bin/cage -- /usr/bin/rjkiosk --kiosk --data /var/lib/rjkiosk' \
	'--scenarios ${RJKIOSK_SCENARIOS}' 'RJKIOSK_SCENARIOS=/var/lib/rjkiosk/scenarios' \
	'ExecStop='"$src"'/kiosk/stop.sh $MAINPID' 'CPUWeight=1000'; do
	grep -qF -- "$key" "$tmp/rjkiosk@tty1.service" || { echo "FAIL: the unit lacks $key"; exit 1; }
done
grep -q '^RestartSec=[1-9]' "$tmp/rjkiosk@tty1.service" || { echo "FAIL: no RestartSec"; exit 1; }
echo "unit verified"
