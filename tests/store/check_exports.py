#!/usr/bin/env python3
"""Parses rjkiosk exports with real parsers and checks them against each other and the specs.

Usage: check_exports.py DIR
DIR holds responses.csv, responses.json and statements.json exported from the same data. The
CSV is read with Python's csv module and must carry exactly the JSON's values (with the
formula guard applied); the xAPI statements must have the fields xAPI 1.0.3 requires.
"""
import csv
import datetime
import json
import re
import sys

GUARD = ("=", "+", "-", "@", "\t", "\r", "\n")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
INTEGER = re.compile(r"^-?[0-9]+$")
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def guarded(text):
    if text is None:
        return ""
    return "'" + text if text.startswith(GUARD + ("'",)) else text


def unguarded(cell):
    """The documented way back: remove one leading apostrophe from a cell that has one."""
    return cell[1:] if cell.startswith("'") else cell


def flat_responses(doc):
    for session in doc["sessions"]:
        for person in session["participants"]:
            for response in person["responses"]:
                yield session, person, response


def check_csv_against_json(csv_path, doc):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, strict=True))
    expected = list(flat_responses(doc))
    check(len(rows) == len(expected), f"CSV has {len(rows)} rows, JSON {len(expected)} responses")
    for n, (row, (session, person, r)) in enumerate(zip(rows, expected), start=2):
        want = {
            "session_id": str(session["id"]),
            "scenario_id": guarded(session["scenario"]["id"]),
            "scenario_title": guarded(session["scenario"]["title"]),
            "scenario_sha256": session["scenario"]["sha256"],
            "session_label": guarded(session["label"]),
            "session_started": session["started"] or "",
            "session_ended": session["ended"] or "",
            "participant_id": str(person["id"]),
            "participant": guarded(person["name"]),
            "participant_submitted": person["submitted"] or "",
            "step_id": guarded(r["step"]),
            "step_kind": r["kind"],
            "prompt": guarded(r["prompt"]),
            "status": r["status"],
            "text": guarded(r["text"]),
            "scale_value": "" if r["scale"] is None else str(r["scale"]),
            "scale_label": guarded(r["scale_label"]),
            "choices": guarded("\n".join(r["choices"])),
            "first_edit": r["first_edit"],
            "last_edit": r["last_edit"],
        }
        for key, value in want.items():
            check(row[key] == value, f"CSV line {n} {key}: {row[key]!r} != {value!r}")
        for key, value in row.items():
            if value.startswith(GUARD) and not INTEGER.match(value):
                failures.append(f"CSV line {n} {key} starts with a formula character: {value!r}")
    return rows


def check_tricky_coverage(doc, rows):
    texts = [r["text"] for _, _, r in flat_responses(doc) if r["text"]]
    wanted = {
        "comma": lambda t: "," in t,
        "quote": lambda t: '"' in t,
        "newline inside": lambda t: "\n" in t.strip("\n"),
        "emoji": lambda t: any(ord(c) >= 0x1F300 for c in t),
        "Arabic": lambda t: any(0x0600 <= ord(c) <= 0x06FF for c in t),
        "Hebrew": lambda t: any(0x0590 <= ord(c) <= 0x05FF for c in t),
    }
    wanted.update({f"leading {c!r}": (lambda t, c=c: t.startswith(c)) for c in GUARD + ("'",)})
    for name, test in wanted.items():
        check(any(test(t) for t in texts), f"the data has no text with {name}")
    csv_texts = {row["text"] for row in rows}
    for t in texts:
        check(guarded(t) in csv_texts, f"CSV lost the text {t!r}")
    # The guard can always be undone: every exported text comes back exactly as typed.
    check(sorted(unguarded(c) for c in csv_texts if c) == sorted(set(texts)),
          "removing one leading apostrophe does not give back the texts as typed")


def lang_map(value, where):
    check(isinstance(value, dict) and value, f"{where} is not a language map")
    for key, text in (value or {}).items():
        check(re.match(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", key), f"{where}: bad tag {key!r}")
        check(isinstance(text, str), f"{where}: value is not a string")


def check_statement(i, s):
    where = f"statement {i}"
    check(UUID.match(s.get("id", "")), f"{where}: id is not a UUID")
    actor = s.get("actor", {})
    check(actor.get("objectType") == "Agent", f"{where}: actor is not an Agent")
    ifis = [k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in actor]
    check(ifis == ["account"], f"{where}: actor must be identified by an account only: {ifis}")
    account = actor.get("account", {})
    check(re.match(r"^https?://", account.get("homePage", "")), f"{where}: account.homePage")
    check(isinstance(account.get("name"), str) and account["name"], f"{where}: account.name")
    check("name" not in actor, f"{where}: the actor carries a name")
    verb = s.get("verb", {})
    check(verb.get("id") == ANSWERED, f"{where}: verb is not answered")
    lang_map(verb.get("display"), f"{where} verb.display")
    obj = s.get("object", {})
    check(obj.get("objectType", "Activity") == "Activity", f"{where}: object is not an Activity")
    check(IRI.match(obj.get("id", "")), f"{where}: object.id is not an IRI")
    d = obj.get("definition", {})
    check(d.get("type") == INTERACTION, f"{where}: definition.type")
    lang_map(d.get("name"), f"{where} definition.name")
    lang_map(d.get("description"), f"{where} definition.description")
    kind = d.get("interactionType")
    check(kind in ("long-fill-in", "likert", "choice", "other"), f"{where}: interactionType")
    check("correctResponsesPattern" not in d, f"{where}: reflections have no correct answer")
    response = s.get("result", {}).get("response")
    check(isinstance(response, str), f"{where}: result.response is not a string")
    for list_key, used_by in (("scale", "likert"), ("choices", "choice")):
        if kind == used_by:
            items = d.get(list_key)
            check(isinstance(items, list) and items, f"{where}: {kind} without {list_key}")
            ids = [c.get("id") for c in items or []]
            for c in items or []:
                check(isinstance(c.get("id"), str) and "[,]" not in c["id"], f"{where}: id")
                lang_map(c.get("description"), f"{where} {list_key} description")
            if response:
                for part in response.split("[,]"):
                    check(part in ids, f"{where}: response {part!r} is not one of {ids}")
            if kind == "likert":
                check(response.count("[,]") == 0, f"{where}: likert has one response")
        else:
            check(list_key not in d, f"{where}: {list_key} on a {kind} interaction")
    ctx = s.get("context", {})
    check(UUID.match(ctx.get("registration", "")), f"{where}: context.registration")
    parents = ctx.get("contextActivities", {}).get("parent", [])
    check(parents and all(IRI.match(p.get("id", "")) for p in parents), f"{where}: parent")
    ext = ctx.get("extensions", {})
    check(all(IRI.match(k) for k in ext), f"{where}: extension keys must be IRIs")
    sha = [v for k, v in ext.items() if k.endswith("/scenario-sha256")]
    check(len(sha) == 1 and re.match(r"^[0-9a-f]{64}$", sha[0]), f"{where}: scenario SHA-256")
    ts = s.get("timestamp", "")
    check(ts.endswith("Z"), f"{where}: timestamp is not UTC")
    try:
        datetime.datetime.fromisoformat(ts.replace("Z", "+00:00"))
    except ValueError:
        failures.append(f"{where}: timestamp {ts!r} is not ISO 8601")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    with open(f"{folder}/responses.json", encoding="utf-8") as f:
        doc = json.load(f)
    check(doc.get("format") == "rjkiosk-responses", "JSON format name")
    rows = check_csv_against_json(f"{folder}/responses.csv", doc)
    check_tricky_coverage(doc, rows)
    with open(f"{folder}/statements.json", encoding="utf-8") as f:
        statements = json.load(f)
    check(isinstance(statements, list), "xAPI export is not an array")
    final = [r for _, _, r in flat_responses(doc) if r["status"] in ("answered", "passed")]
    check(len(statements) == len(final),
          f"{len(statements)} statements for {len(final)} answered or passed responses")
    for i, s in enumerate(statements):
        check_statement(i, s)
    names = {p["name"] for session in doc["sessions"] for p in session["participants"]}
    raw = json.dumps(statements, ensure_ascii=False)
    for name in names:
        check(f'"{name}"' not in raw, f"a participant's name appears in the statements: {name}")
    check(len({s["id"] for s in statements}) == len(statements), "statement ids repeat")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ok: {len(rows)} CSV rows match the JSON; {len(statements)} xAPI statements valid")


if __name__ == "__main__":
    main()
