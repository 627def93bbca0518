#!/bin/sh
# Rebuilds a damaged answers database from every row that can still be read in it, keeping the
# damaged files aside. Debian 12's sqlite3 cannot '.recover' (its library has no sqlite_dbpage
# table, so the output is empty): this reads the tables with '.dump', which goes on past a
# damaged page, and gives the new database the kiosk's application id and schema version.
set -eu

usage() {
	cat <<'USAGE'
Usage: recover.sh [--data DIR]

Rebuilds the kiosk's answers database (DIR/responses.db) when the kiosk says it is damaged:
every row that can still be read goes into a new database, which takes the old one's place.
The damaged files are kept in DIR/damaged-DATE-TIME/. Stop the kiosk first
(systemctl stop rjkiosk@tty1.service); needs the sqlite3 package. Run it as root or as the
data folder's owner.

  --data DIR  the data folder (default /var/lib/rjkiosk)
  -h, --help  show this help
USAGE
}

die() {
	echo "recover.sh: $*" >&2
	exit 1
}

data=/var/lib/rjkiosk
while [ $# -gt 0 ]; do
	case $1 in
	--data) data=${2:?--data needs a folder}; shift ;;
	-h|--help) usage; exit 0 ;;
	*) echo "recover.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
db=$data/responses.db
app_id=1380600659   # STORE_APPLICATION_ID, "RJKS"
command -v sqlite3 >/dev/null || die "sqlite3 is not installed: apt-get install sqlite3"
[ -f "$db" ] || die "there is no $db"
# A running kiosk holds an flock on its lock file.
if [ -e "$data/rjkiosk.lock" ]; then
	command -v flock >/dev/null || die "flock is not installed (Debian's util-linux)"
	exec 9<"$data/rjkiosk.lock"
	flock -n 9 || die "a kiosk or an rjkiosk command is using $data: stop it first" \
		"(systemctl stop rjkiosk@tty1.service); nothing was changed"
fi

umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Read a copy: opening the damaged file itself could change it (SQLite replays the -wal).
for f in responses.db responses.db-wal; do
	[ ! -f "$data/$f" ] || cp "$data/$f" "$work/$f"
done
[ "$(sqlite3 "$work/responses.db" 'PRAGMA application_id' 2>/dev/null)" = "$app_id" ] ||
	die "$db is not an rjkiosk answers database, or its first page is lost; nothing was changed"
version=$(sqlite3 "$work/responses.db" 'PRAGMA user_version')
# .dump ends with ROLLBACK when it met damage: the rows read until then are kept all the same.
sqlite3 "$work/responses.db" .dump 2>"$work/dump-errors" |
	sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' >"$work/dump.sql" || true
sqlite3 "$work/new.db" <"$work/dump.sql" >/dev/null 2>"$work/load-errors" || true
sqlite3 "$work/new.db" "PRAGMA application_id = $app_id; PRAGMA user_version = $version;"
check=$(sqlite3 "$work/new.db" 'PRAGMA integrity_check')
[ "$check" = ok ] || die "the rebuilt database is not sound ($check); nothing was changed"
answers=$(sqlite3 "$work/new.db" 'SELECT count(*) FROM responses' 2>/dev/null || echo 0)

aside=$data/damaged-$(date +%Y%m%d-%H%M%S)
mkdir "$aside"
owner=$(stat -L -c %u:%g "$data")
for f in responses.db responses.db-wal responses.db-shm; do
	[ ! -e "$data/$f" ] || mv "$data/$f" "$aside/$f"
done
chown -R "$owner" "$aside"
install -m 0600 -o "${owner%:*}" -g "${owner#*:}" "$work/new.db" "$data/responses.db.new"
sync "$data/responses.db.new"   # on disk before it takes the old one's place
mv "$data/responses.db.new" "$db"
sync "$data"
echo "recover.sh: rebuilt $db: $answers answers could be read."
echo "recover.sh: the damaged files are in $aside (they hold answers: delete them once the"
echo "recover.sh: kiosk runs well again)."
if [ -s "$work/dump-errors" ] || [ -s "$work/load-errors" ] || grep -q 'CORRUPTION ERROR' "$work/dump.sql"; then
	echo "recover.sh: some rows could not be read and are lost; SQLite said:"
	cat "$work/dump-errors" "$work/load-errors" | head -n 5
fi
