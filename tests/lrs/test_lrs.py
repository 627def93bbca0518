#!/usr/bin/env python3
"""rjkiosk against a real learning record store (Learning Locker's statement service, started
and stopped here): exactly-once delivery, the LRS down then up, 500 and 429 answers, one
refused statement in a batch, wrong credentials, kill -9 mid-send, TLS with a throwaway CA,
two kiosks in one class read back, import twice, and every statement checked by Learning
Locker's validator.

Usage: test_lrs.py RJKIOSK RJKIOSK_SCRIPTED SEED_STORE TOOLS_DIR SCENARIOS_DIR
Exit 77 (skipped) when the npm tools are not installed (scripts/setup.sh installs them)."""
import collections
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from lrs_env import LRS, Proxy, make_ca  # noqa: E402

RJK, SCRIPTED, SEED, TOOLS, SCENARIOS = sys.argv[1:6]
failures = []
PASSWORD = "s3cret-kiosk-pw"


def check(cond, message):
    if not cond:
        failures.append(message)
        print("FAIL:", message, flush=True)
    return cond


def rjk(*args, data, stdin=None, check_rc=None):
    r = subprocess.run([RJK, *args, "--data", data], input=stdin, capture_output=True,
                       text=True, timeout=300)
    if check_rc is not None:
        check(r.returncode == check_rc, f"rjkiosk {' '.join(args)}: exit {r.returncode}, "
              f"want {check_rc}: {r.stdout}{r.stderr}")
    for out in (r.stdout, r.stderr):
        check(PASSWORD not in out, f"rjkiosk {args[0]} printed the password")
    return r


UUID_SQL = ("lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||"
            " substr(lower(hex(randomblob(2))), 2) || '-' ||"
            " substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2)"
            " || '-' || lower(hex(randomblob(6)))")


def new_data(tmp, name, seed=True):
    """A data folder; seeded with the test answers, which get statement ids and
    registrations of their own (the seed's fixed random source gives every seed the same)."""
    d = os.path.join(tmp, name)
    os.mkdir(d, 0o700)
    if seed:
        subprocess.run([SEED, d], check=True, capture_output=True)
        subprocess.run(["sqlite3", os.path.join(d, "responses.db"),
                        f"UPDATE responses SET statement_id = {UUID_SQL}"
                        " WHERE statement_id IS NOT NULL;"
                        " UPDATE outbox SET statement_id = (SELECT statement_id FROM responses r"
                        " WHERE r.id = outbox.response);"
                        f" UPDATE sessions SET registration = {UUID_SQL};"], check=True)
    return d


def set_lrs(data, endpoint, extra=()):
    return rjk("lrs", "--endpoint", endpoint, "--username", "kiosk", "--password-stdin",
               *extra, data=data, stdin=PASSWORD + "\n")


def exported(data, tmp, fmt="xapi"):
    out = os.path.join(tmp, f"export-{os.path.basename(data)}.{fmt}.json")
    rjk("export", "--format", fmt, "--out", out, data=data, check_rc=0)
    with open(out) as f:
        return out, json.load(f)


def counts_on(lrs, ids):
    have = collections.Counter(s["id"] for s in lrs.all_statements())
    return {i: have.get(i, 0) for i in ids}


def validate(path, what):
    env = dict(os.environ, NODE_PATH=os.path.join(TOOLS, "node_modules"))
    r = subprocess.run(["node", os.path.join(os.path.dirname(__file__), "validate.js"), path],
                       env=env, capture_output=True, text=True)
    check(r.returncode == 0, f"{what}: Learning Locker's validator: {r.stdout}{r.stderr}")


def status(data):
    return rjk("lrs", "--status", data=data, check_rc=0).stdout


def case_exactly_once(lrs, tmp):
    data = new_data(tmp, "once")
    set_lrs(data, lrs.endpoint)
    conf = os.path.join(data, "lrs.conf")
    check(stat.S_IMODE(os.stat(conf).st_mode) == 0o600, "lrs.conf is not 0600")
    path, statements = exported(data, tmp)
    validate(path, "the xAPI export")
    ids = [s["id"] for s in statements]
    check(len(ids) > 0 and f"Queued:         {len(ids)} statements" in status(data),
          "the answers were not queued before the push")
    r = rjk("push", data=data, check_rc=0)
    check(f"{len(ids)} statements sent, 0 queued" in r.stdout, f"push said: {r.stdout}")
    rjk("push", data=data, check_rc=0)
    got = counts_on(lrs, ids)
    check(all(n == 1 for n in got.values()), f"not every statement exactly once: {got}")
    # What the LRS holds is the statement the export gives (one code path).
    on_lrs = {s["id"]: s for s in lrs.all_statements()}
    for s in statements:
        held = on_lrs.get(s["id"], {})
        check(held.get("result") == s["result"] and
              held.get("context", {}).get("registration") == s["context"]["registration"],
              f"the LRS holds another statement for {s['id']}")
        ext = s["context"]["extensions"]
        check(any(k.endswith("/kiosk-id") for k in ext), "no kiosk id extension")
    st = status(data)
    check("Queued:         no statements" in st and "never" not in st.split("\n")[2],
          f"status after delivery: {st}")
    for f in os.listdir(tmp):
        if f.startswith("export-"):
            with open(os.path.join(tmp, f), errors="replace") as fh:
                check(PASSWORD not in fh.read(), "an export holds the password")


def case_down_then_up(lrs, tmp):
    data = new_data(tmp, "down")
    down = Proxy(lrs)
    down.plan = ["503"] * 3
    set_lrs(data, down.endpoint)
    for _ in range(3):
        r = rjk("push", data=data, check_rc=1)
    check("the LRS has a problem (HTTP 503)" in r.stderr, f"push on a down LRS: {r.stderr}")
    st = status(data)
    check("Last failure" in st and "next try" in st, f"status while down: {st}")
    r = rjk("push", data=data, check_rc=0)
    ids = [s["id"] for s in exported(data, tmp)[1]]
    check(all(n == 1 for n in counts_on(lrs, ids).values()), "not delivered once up")
    down.close()
    # No network at all: a closed port.
    data2 = new_data(tmp, "nonet")
    set_lrs(data2, "http://127.0.0.1:9/xAPI/")
    r = rjk("push", data=data2, check_rc=1)
    check("cannot reach the LRS" in r.stderr, f"push with no network: {r.stderr}")


def case_500_429(lrs, tmp):
    data = new_data(tmp, "faults")
    proxy = Proxy(lrs)
    proxy.plan = ["500", "429:1"]
    set_lrs(data, proxy.endpoint)
    r1 = rjk("push", data=data, check_rc=1)
    check("HTTP 500" in r1.stderr, f"500: {r1.stderr}")
    r2 = rjk("push", data=data, check_rc=1)
    check("429" in r2.stderr, f"429: {r2.stderr}")
    r3 = rjk("push", data=data, check_rc=0)
    ids = [s["id"] for s in exported(data, tmp)[1]]
    check(all(n == 1 for n in counts_on(lrs, ids).values()), "500/429: not exactly once")
    proxy.close()


def case_one_refused(lrs, tmp):
    data = new_data(tmp, "refused")
    _, statements = exported(data, tmp)
    bad = dict(statements[2])
    # The LRS already holds another statement with this id: it refuses the whole batch (409).
    other = json.loads(json.dumps(bad))
    other["result"]["response"] = "something else entirely"
    lrs.request("POST", "statements", [other])
    set_lrs(data, lrs.endpoint)
    r = rjk("push", data=data, check_rc=0)
    check(f"{len(statements) - 1} statements sent" in r.stdout and "1 statement parked"
          in r.stdout, f"one refused: {r.stdout}")
    got = counts_on(lrs, [s["id"] for s in statements])
    check(all(n == 1 for n in got.values()), f"the rest not delivered once: {got}")
    st = status(data)
    check(f"parked {bad['id']}: HTTP 409" in st, f"the parked reason is not shown: {st}")


def case_credentials(lrs, tmp):
    data = new_data(tmp, "creds")
    proxy = Proxy(lrs)
    proxy.plan = ["401"]
    set_lrs(data, proxy.endpoint)
    r = rjk("push", data=data, check_rc=1)
    check("check the LRS credentials" in r.stderr, f"401: {r.stderr}")
    check("check the LRS credentials" in status(data), "status does not say to check them")
    # Setting the credentials again starts afresh.
    set_lrs(data, proxy.endpoint)
    check("Stopped" not in status(data), "still stopped after new credentials")
    rjk("push", data=data, check_rc=0)
    proxy.close()


def case_kill_mid_send(lrs, tmp):
    data = new_data(tmp, "kill")
    proxy = Proxy(lrs)
    proxy.plan = ["hang:30"]
    set_lrs(data, proxy.endpoint)
    p = subprocess.Popen([RJK, "push", "--data", data], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    deadline = time.time() + 20
    while not proxy.seen and time.time() < deadline:
        # The LRS has stored the batch once the proxy forwarded it; its answer is held back.
        ids = [s["id"] for s in exported(data, tmp)[1]] if not proxy.seen else []
        if ids and all(n == 1 for n in counts_on(lrs, ids).values()):
            break
        time.sleep(0.2)
    ids = [s["id"] for s in exported(data, tmp)[1]]
    check(all(n == 1 for n in counts_on(lrs, ids).values()) and not proxy.seen,
          "the push was not killed after the LRS stored the batch and before it answered")
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    check("statements" in status(data) and "Queued:         no statements" not in status(data),
          "the killed push lost its queue")
    proxy.plan = []
    rjk("push", data=data, check_rc=0)
    ids = [s["id"] for s in exported(data, tmp)[1]]
    got = counts_on(lrs, ids)
    check(all(n == 1 for n in got.values()), f"kill -9 mid-send: not exactly once: {got}")
    proxy.close()


def case_tls(lrs, tmp):
    ca, cert, key = make_ca(tmp)
    proxy = Proxy(lrs, certfile=cert, keyfile=key)
    data = new_data(tmp, "tls-kiosk")
    set_lrs(data, proxy.endpoint)
    r = rjk("push", data=data, check_rc=1)
    check("certificate" in r.stderr.lower(), f"an unknown CA was trusted: {r.stderr}")
    check(not proxy.seen, "a request got through an untrusted certificate")
    set_lrs(data, proxy.endpoint, ["--ca-file", ca])
    rjk("push", data=data, check_rc=0)
    ids = [s["id"] for s in exported(data, tmp)[1]]
    check(all(n == 1 for n in counts_on(lrs, ids).values()), "TLS: not delivered once")
    r = rjk("lrs", "--endpoint", "http://lrs.example.org/xAPI/", "--username", "u",
            "--password-stdin", data=data, stdin="pw\n")
    check(r.returncode == 2 and "https" in r.stderr, "plain http to another host accepted")
    proxy.close()


def kiosk_script(data, script, tmp):
    path = os.path.join(tmp, f"script-{os.path.basename(data)}.txt")
    with open(path, "w") as f:
        f.write(script)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_RENDER_DRIVER="software",
               SDL_AUDIODRIVER="dummy")
    # Screenshots go to RJK_SHOTS when set (docs/screenshots), else into the scratch folder.
    r = subprocess.run([SCRIPTED, "--no-video", "--data", data, "--script", path,
                        "--scenario", os.path.join(SCENARIOS, "sample"), "--size", "1280x800",
                        "--screenshot-dir", os.environ.get("RJK_SHOTS", tmp)],
                       env=env, capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, f"the scripted kiosk failed: {r.stdout}{r.stderr}")


ANSWER = """expect-screen start
click-button Start
expect-screen who
text {name}
key Return
expect-screen note
key ctrl+Return
expect-screen step:pause-first-reaction
text {answer}
key ctrl+Return
expect-stored pause-first-reaction answered {answer}
quit
"""

# The facilitator's chord and PIN, up to the menu.
UNLOCK = """key ctrl+alt+F
key 2
key 4
key 6
key 8
key Return
expect-screen facilitator:menu
"""

JOIN = UNLOCK + """tap-button Join a class
expect-screen facilitator:class-code
{digits}key Return
expect-screen facilitator:result
click-button Back to the menu
click-button Back to the kiosk
"""


def sql(data, query):
    return subprocess.run(["sqlite3", os.path.join(data, "responses.db"), query],
                          capture_output=True, text=True).stdout.strip()


def case_kiosk_sends(lrs, tmp):
    """The kiosk's own sending thread: an answer goes out while the trainee carries on, after a
    429 with Retry-After; what a stopped kiosk left queued goes out after a restart."""
    data = new_data(tmp, "worker", seed=False)
    subprocess.run([RJK, "set-pin", "--stdin", "--data", data], input="2468\n", text=True,
                   check=True, capture_output=True)
    proxy = Proxy(lrs)
    proxy.plan = ["429:1"]
    set_lrs(data, proxy.endpoint)
    script = ANSWER.replace("quit\n", "") + UNLOCK + ("wait-text last delivery at\nexpect-fits\n"
                                                    "screenshot facilitator-lrs-menu.png\nquit\n")
    kiosk_script(data, script.format(name="Dee", answer="Sent by the thread"), tmp)
    check(any(code == 429 for _, _, code in proxy.seen) and
          any(code == 200 for m, _, code in proxy.seen if m == "POST"),
          f"the thread did not retry after 429: {proxy.seen}")
    sid = sql(data, "select statement_id from responses where status = 'answered'")
    check(counts_on(lrs, [sid]) == {sid: 1}, "the thread's statement is not on the LRS once")
    # Queued while the LRS is away (sending off), sent by the next start of the kiosk.
    rjk("lrs", "--off", data=data, check_rc=0)
    kiosk_script(data, "expect-screen step:pause-meeting\nclick-button Perhaps, in time\n"
                 "click-button Next\nexpect-stored pause-meeting answered Perhaps, in time\n"
                 "quit\n", tmp)
    set_lrs(data, proxy.endpoint)
    kiosk_script(data, UNLOCK + "wait-text no answers waiting\nwait-text last delivery at\n"
                 "quit\n", tmp)
    ids = sql(data, "select statement_id from responses where status = 'answered'").split()
    check(len(ids) == 2 and all(n == 1 for n in counts_on(lrs, ids).values()),
          "the answer queued before the restart was not sent once")
    proxy.close()


def case_class(lrs, tmp):
    a = new_data(tmp, "class-a", seed=False)
    b = new_data(tmp, "class-b", seed=False)
    c = new_data(tmp, "class-c", seed=False)
    for d in (a, b, c):
        subprocess.run([RJK, "set-pin", "--stdin", "--data", d], input="2468\n", text=True,
                       check=True, capture_output=True)
    kiosk_script(a, ANSWER.format(name="Ana", answer="Kiosk A's answer"), tmp)
    code = sql(a, "select class_code from sessions order by id desc limit 1")
    check(len(code) == 8 and code.isdigit(), f"no class code: {code!r}")
    digits = "".join(f"key {ch}\n" for ch in code)
    for d, name in ((b, "Bo"), (c, "Cy")):
        kiosk_script(d, JOIN.format(digits=digits) +
                     ANSWER.format(name=name, answer=f"Kiosk {name}'s answer"), tmp)
    reg_a = sql(a, "select registration from sessions order by id desc limit 1")
    check(reg_a and reg_a == sql(b, "select registration from sessions order by id desc "
                                 "limit 1"), "kiosk B's session is not in kiosk A's class")
    # Through the LRS: A and B push; A's debrief reads B's answer back.
    for d in (a, b):
        set_lrs(d, lrs.endpoint)
        rjk("push", data=d, check_rc=0)
    r = rjk("class", "--session", sql(a, "select max(id) from sessions"), data=a, check_rc=0)
    check("Kiosk A's answer" in r.stdout and "Kiosk Bo's answer" in r.stdout and
          "2 answers" in r.stdout, f"the class read back from the LRS: {r.stdout}")
    reg_lines = lrs.all_statements("&registration=" + reg_a)
    check(len(reg_lines) == 2, f"the LRS holds {len(reg_lines)} statements of the class")
    # B's debrief shows A's answer: the kiosk's sending thread reads the class back itself.
    kiosk_script(b, UNLOCK + "wait-text last delivery at\n"
                 "click-button Debrief\nexpect-screen facilitator:debrief\n"
                 "key Escape\nexpect-screen facilitator:debrief-private\n"
                 "wait-text Kiosk A's answer\nwait-text Kiosk Bo's answer\nquit\n", tmp)
    # Without an LRS: C imports B's export (xAPI) and A's (JSON), twice.
    path_b, _ = exported(b, tmp)
    validate(path_b, "kiosk B's export")
    path_a, _ = exported(a, tmp, "json")
    # From a USB stick (here the export folder the menu lists too), by the facilitator's menu.
    os.makedirs(os.path.join(c, "exports"), mode=0o700, exist_ok=True)
    shutil.copy(path_b, os.path.join(c, "exports", "kiosk-b.json"))
    kiosk_script(c, UNLOCK +
                 "click-button This kiosk\nclick-button Learning record store\n"
                 "expect-screen facilitator:lrs\n"
                 "tap-button Import from a USB stick\nexpect-screen facilitator:import\n"
                 "click-button kiosk-b.json\nexpect-screen facilitator:result\n"
                 "wait-text 1 answer added\nquit\n", tmp)
    for path, want in ((path_b, "0 answers added, 1 already here"),
                       (path_a, "1 answer added, 0 already here")):
        r = rjk("import", path, data=c, check_rc=0)
        check(want in r.stdout, f"import: {r.stdout}{r.stderr}")
        r = rjk("import", path, data=c, check_rc=0)
        check("0 answers added, 1 already here" in r.stdout, f"import twice: {r.stdout}")
    r = rjk("class", "--session", sql(c, "select max(id) from sessions"), data=c, check_rc=0)
    check("3 answers" in r.stdout and "Kiosk A's answer" in r.stdout and
          "Kiosk Bo's answer" in r.stdout, f"the class after imports: {r.stdout}")


def main():
    if not os.path.isdir(os.path.join(TOOLS, "node_modules", "xapi-statements")):
        print("SKIP: the npm LRS tools are missing; run scripts/setup.sh")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        lrs = LRS(TOOLS, tmp)
        lrs.start()
        try:
            for case in (case_exactly_once, case_down_then_up, case_500_429, case_one_refused,
                         case_credentials, case_kill_mid_send, case_tls, case_kiosk_sends,
                         case_class):
                before = len(failures)
                t = time.time()
                case(lrs, tmp)
                print(f"{case.__name__}: {'ok' if len(failures) == before else 'FAILED'} "
                      f"({time.time() - t:.1f} s)", flush=True)
        finally:
            lrs.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
