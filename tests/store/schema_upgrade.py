#!/usr/bin/env python3
"""Opens every committed schema fixture with this build and checks that no answer changed.

Usage: schema_upgrade.py RJKIOSK SCHEMA_DIR CURRENT_VERSION
For each SCHEMA_DIR/v<N>/ (responses.db and the exports it gave when it was made): a private
copy is opened by 'rjkiosk sessions' (which upgrades it), checked with SQLite's
integrity_check, and exported as CSV, JSON and xAPI. Every value of the committed exports must
come out the same, read with Python's csv and json modules; while the export formats are
unchanged the files must be the same bytes too (the JSON's own export time aside).
"""
import csv
import io
import json
import os
import pathlib
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def header_version(path):
    """user_version read from the file header (offset 60), without SQLite."""
    with open(path, "rb") as f:
        head = f.read(100)
    return int.from_bytes(head[60:64], "big")


def contains(old, new, where):
    """Every key and value of old is in new (a later release may add fields, never drop or
    change one); lists must have the same length."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return check(False, f"{where}: an object became {type(new).__name__}")
        for key, value in old.items():
            if key not in new:
                check(False, f"{where}.{key}: missing")
            else:
                contains(value, new[key], f"{where}.{key}")
    elif isinstance(old, list):
        if not isinstance(new, list) or len(old) != len(new):
            return check(False, f"{where}: list of {len(old)} became {new!r:.80}")
        for i, (a, b) in enumerate(zip(old, new)):
            contains(a, b, f"{where}[{i}]")
    else:
        check(old == new and type(old) is type(new), f"{where}: {old!r} became {new!r}")


def csv_rows(data):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True))


def without_export_time(doc):
    doc = dict(doc)
    doc.pop("exported_at", None)
    return doc


def export(rjk, data, fmt, out):
    run = subprocess.run([rjk, "export", "--data", data, "--format", fmt, "--out", out],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    check(run.returncode == 0, f"export {fmt} failed: {run.stderr}")
    return pathlib.Path(out).read_bytes() if run.returncode == 0 else b""


def check_fixture(rjk, fixture, current, tmp):
    name = fixture.name
    data = os.path.join(tmp, name)
    os.mkdir(data, 0o700)
    db = os.path.join(data, "responses.db")
    shutil.copyfile(fixture / "responses.db", db)
    os.chmod(db, 0o600)
    before = pathlib.Path(db).read_bytes()
    old_version = header_version(db)
    check(old_version <= current, f"{name}: fixture is at version {old_version}, newer than "
          f"this build ({current})")

    run = subprocess.run([rjk, "sessions", "--data", data], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    check(run.returncode == 0, f"{name}: rjkiosk sessions failed: {run.stderr}")
    with sqlite3.connect(db) as con:
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              f"{name}: integrity_check failed after opening")
        version = con.execute("PRAGMA user_version").fetchone()[0]
    con.close()
    check(version == current, f"{name}: user_version {version} after opening, want {current}")
    backup = os.path.join(data, f"responses-v{old_version}-backup.db")
    if old_version == current:
        check(pathlib.Path(db).read_bytes() == before,
              f"{name}: a database at today's schema was changed by opening it")
        check(not os.path.exists(backup), f"{name}: a backup was made with nothing to upgrade")
    else:
        check(os.path.exists(backup) and stat.S_IMODE(os.stat(backup).st_mode) == 0o600,
              f"{name}: no private backup of the old database")

    got = {
        "csv": export(rjk, data, "csv", os.path.join(tmp, f"{name}.csv")),
        "json": export(rjk, data, "json", os.path.join(tmp, f"{name}.json")),
        "xapi": export(rjk, data, "xapi", os.path.join(tmp, f"{name}.xapi.json")),
    }
    want = {
        "csv": (fixture / "responses.csv").read_bytes(),
        "json": (fixture / "responses.json").read_bytes(),
        "xapi": (fixture / "statements.json").read_bytes(),
    }

    want_rows, got_rows = csv_rows(want["csv"]), csv_rows(got["csv"])
    check(len(want_rows) > 0, f"{name}: the committed CSV has no answers")
    check(len(got_rows) == len(want_rows),
          f"{name}: CSV has {len(got_rows)} answers, the fixture {len(want_rows)}")
    for n, (a, b) in enumerate(zip(want_rows, got_rows), start=2):
        for column, value in a.items():
            check(b.get(column) == value,
                  f"{name}: CSV row {n} {column}: {value!r} became {b.get(column)!r}")

    want_doc = json.loads(want["json"])
    got_doc = json.loads(got["json"]) if got["json"] else {}
    # A later release may raise the JSON format's version (adding fields), never lower it.
    check(got_doc.get("format_version", 0) >= want_doc["format_version"],
          f"{name}: JSON format_version went down")
    contains({k: v for k, v in without_export_time(want_doc).items() if k != "format_version"},
             without_export_time(got_doc), f"{name}: JSON")
    contains(json.loads(want["xapi"]), json.loads(got["xapi"]) if got["xapi"] else [],
             f"{name}: xAPI")

    # Same format, same bytes.
    if got_rows and list(got_rows[0]) == list(want_rows[0]):
        check(got["csv"] == want["csv"], f"{name}: CSV bytes differ")
    if got_doc.get("format_version") == want_doc.get("format_version"):
        stamp = b'  "exported_at": "' + got_doc["exported_at"].encode() + b'",'
        fixed = b'  "exported_at": "' + want_doc["exported_at"].encode() + b'",'
        check(got["json"].replace(stamp, fixed, 1) == want["json"], f"{name}: JSON bytes differ")
        check(got["xapi"] == want["xapi"], f"{name}: xAPI bytes differ")
    return len(want_rows)


def main():
    rjk, schema_dir, current = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    fixtures = sorted(p for p in schema_dir.glob("v*") if p.is_dir())
    check(any(p.name == f"v{current}" for p in fixtures),
          f"no fixture for today's schema (v{current}) in {schema_dir}: make one "
          "(see README.md there)")
    with tempfile.TemporaryDirectory() as tmp:
        for fixture in fixtures:
            answers = check_fixture(rjk, fixture, current, tmp)
            print(f"{fixture.name}: {answers} answers compared")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
