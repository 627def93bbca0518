#!/usr/bin/env python3
"""Checks `rjkiosk set-pin`: from standard input, and on a terminal where it must not echo."""
import os
import pty
import select
import stat
import subprocess
import sys
import tempfile

RJKIOSK = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def run_stdin(data_dir, text, *extra):
    return subprocess.run([RJKIOSK, "set-pin", "--stdin", "--data", data_dir, *extra],
                          input=text, capture_output=True, text=True, timeout=60)


def run_tty(data_dir, answers):
    """Runs set-pin on a pseudo-terminal, typing each answer after each prompt; returns
    (exit status, everything the terminal showed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(RJKIOSK, [RJKIOSK, "set-pin", "--data", data_dir])
    shown = b""
    pending = list(answers)
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if pending and shown.endswith(b": "):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data")

    # Table: standard input, expected exit status, a part of the message.
    cases = [
        ("4821\n", 0, "PIN is set"),
        ("739164\r\n", 0, "PIN is changed"),
        ("1234\n", 1, "too easy"),
        ("12a4\n", 1, "digits (0-9) only"),
        ("12\n", 1, "4 to 12 digits"),
        ("", 1, "no PIN on standard input"),
        ("9" * 200 + "\n", 1, "too long to be a PIN (one line of 4-12 digits)"),
        ("x" * 64, 1, "too long to be a PIN"),
    ]
    for text, want, message in cases:
        r = run_stdin(data, text)
        check(r.returncode == want, f"stdin {text[:12]!r}: exit {r.returncode}, want {want}")
        check(message in r.stdout + r.stderr,
              f"stdin {text[:12]!r}: no '{message}' in {r.stdout + r.stderr!r}")
        check(text == "" or "no PIN" not in r.stderr,
              f"stdin {text[:12]!r}: said there was no PIN: {r.stderr!r}")

    # A refused PIN leaves the machine untouched: not even the data folder is made.
    fresh = os.path.join(tmp, "refused")
    for text in ("0000\n", "1234\n", "12\n", "12a4\n", "", "9" * 200 + "\n"):
        r = run_stdin(fresh, text)
        check(r.returncode == 1 and not os.path.exists(fresh),
              f"stdin {text[:12]!r} refused, yet the data folder was made")

    check(mode(data) == 0o700, f"data folder mode {mode(data):o}")
    for name in ("pin", "pin-state", "pin.log"):
        check(mode(os.path.join(data, name)) == 0o600, f"{name} mode")
    with open(os.path.join(data, "pin")) as f:
        check(f.read().startswith("$argon2id$"), "pin file holds an Argon2id hash")
    with open(os.path.join(data, "pin.log")) as f:
        log = f.read()
    check(log.count("set: new PIN stored") == 2, "two changes logged")
    check("4821" not in log and "739164" not in log, "PIN never logged")

    r = subprocess.run([RJKIOSK, "set-pin", "--bogus"], capture_output=True, text=True)
    check(r.returncode == 2 and "Usage: rjkiosk set-pin" in r.stderr, "unknown option: usage, 2")
    r = subprocess.run([RJKIOSK, "set-pin", "--data", data], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    check(r.returncode == 2 and "use --stdin" in r.stderr, "no terminal: points at --stdin")
    r = subprocess.run([RJKIOSK, "--help"], capture_output=True, text=True)
    check("set-pin" in r.stdout, "rjkiosk --help lists set-pin")

    # Without --data: $HOME/.local/share/rjkiosk, created 0700 with its parents; nothing of
    # it for a refused PIN.
    home = os.path.join(tmp, "home")
    os.mkdir(home)
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env["HOME"] = home
    r = subprocess.run([RJKIOSK, "set-pin", "--stdin"], input="0000\n", env=env,
                       capture_output=True, text=True, timeout=60)
    check(r.returncode == 1 and os.listdir(home) == [],
          f"default folder: a refused PIN left {os.listdir(home)}")
    r = subprocess.run([RJKIOSK, "set-pin", "--stdin"], input="4821\n", env=env,
                       capture_output=True, text=True, timeout=60)
    default = os.path.join(home, ".local", "share", "rjkiosk")
    check(r.returncode == 0 and os.path.exists(os.path.join(default, "pin")),
          f"default folder: {r.stderr!r}")
    check(mode(os.path.join(home, ".local")) == 0o700, "parents created 0700")

    # On a terminal: asked twice, never echoed; a mismatch or an easy PIN changes nothing.
    tty_data = os.path.join(tmp, "tty")
    code, shown = run_tty(tty_data, ["5830", "5831"])
    check(code == 1 and "differ" in shown, f"mismatch refused: {code} {shown!r}")
    check(not os.path.exists(tty_data), "mismatch stores nothing, not even the folder")
    code, shown = run_tty(tty_data, ["0000"])
    check(code == 1 and "too easy" in shown, f"easy PIN refused on a terminal: {shown!r}")
    check(not os.path.exists(tty_data), "an easy PIN on a terminal makes no folder")
    code, shown = run_tty(tty_data, ["7" * 100])
    check(code == 1 and "too long to be a PIN" in shown,
          f"too long a line on a terminal: {code} {shown!r}")
    code, shown = run_tty(tty_data, ["5830", "5830"])
    check(code == 0 and "PIN is set" in shown, f"terminal set: {code} {shown!r}")
    check("5830" not in shown, f"PIN echoed on the terminal: {shown!r}")
    check("Type it again" in shown, "asked twice")

print("FAILED" if failures else "set-pin: all checks passed")
sys.exit(1 if failures else 0)
