#!/bin/sh
# Stops the kiosk service gently: asks the programs cage started (the kiosk) to end, which save
# the draft and exit within a second, then waits up to 5 s for cage to exit by itself once its
# last client is gone. Debian 12's cage aborts when it is sent SIGTERM itself, so systemd's own
# signal should find nothing left. Usage (from the unit): stop.sh MAINPID
set -u
main=${1:-}
case $main in '' | *[!0-9]*) exit 0 ;; esac
for children in /proc/"$main"/task/*/children; do
	[ -r "$children" ] || continue
	for pid in $(cat "$children"); do
		kill -TERM "$pid" 2>/dev/null
	done
done
i=0
while [ $i -lt 50 ] && kill -0 "$main" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
exit 0
