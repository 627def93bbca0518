#!/bin/sh
# Resident memory of the real, unchanged kiosk with a question on screen: rjkiosk runs
# fullscreen on the bundled sample scenario on an Xvfb screen of each size, is taken to the
# first question with real key presses (xdotool: Ctrl+Enter to start, Enter for the trainee,
# Ctrl+Enter past the notice), and its /proc/PID/status is read once the screen has been
# still for two seconds. Two cases: with --no-video (the first question, no film played: what
# the kiosk itself holds) and with the film (its first cue question at 0:56, the film paused
# under it: libvlc, its plugins and the decoder loaded; a run takes a minute).
# Prints VmRSS and its parts (anonymous, files mapped, shared memory: the window's picture)
# for each run and the medians.
# Usage: [RUNS=3] [SIZES="1280x800 1920x1080"] scripts/bench-memory.sh [BUILD_DIR]
# Needs: Xvfb, python3; installs xdotool when missing.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
[ -x "$build/src/rjkiosk" ] || { echo "build first: scripts/build.sh $build" >&2; exit 1; }
command -v xdotool >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xdotool >/dev/null

RJK_SCRIPTS="$root/scripts" RJK_KIOSK="$build/src/rjkiosk" RUNS=${RUNS:-3} SIZES=${SIZES:-"1280x800 1920x1080"} \
  exec python3 - <<'PY'
import os, shutil, statistics, subprocess, sys, tempfile, time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.environ["RJK_SCRIPTS"])
import xvfb_screen

kiosk, runs, sizes = os.environ["RJK_KIOSK"], int(os.environ["RUNS"]), os.environ["SIZES"].split()
work = tempfile.mkdtemp(prefix="rjk-memory-")

def status(pid):
    fields = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            fields[key] = int(value.split()[0]) / 1024
    return fields

def keys(display, *names):
    for name in names:
        subprocess.run(["xdotool", "key", name], env=dict(os.environ, DISPLAY=display), check=True)
        time.sleep(0.8)

def one_run(display, video):
    data = os.path.join(work, "data")
    shutil.rmtree(data, ignore_errors=True)
    os.mkdir(data, 0o700)
    args = [kiosk, "--data", data, "--silent"] + ([] if video else ["--no-video"])
    proc = subprocess.Popen(args, env=dict(os.environ, DISPLAY=display),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(2)
        keys(display, "ctrl+Return", "Return", "ctrl+Return")
        if video:
            time.sleep(60)  # the film plays to its first cue (0:56) and pauses there
        time.sleep(2)
        return status(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)

rows = []
print(f"{'size':<10} {'case':<12} {'run':>3} {'VmRSS MiB':>9} {'anon':>6} {'files':>6} {'shm':>6}")
for size in sizes:
    server, display = xvfb_screen.start(size, ["-noreset"])
    try:
        time.sleep(0.5)
        for case, video in (("no video", False), ("video cue", True)):
            got = []
            for run in range(1, runs + 1):
                s = one_run(display, video)
                got.append(s)
                print(f"{size:<10} {case:<12} {run:>3} {s['VmRSS']:>9.1f} {s['RssAnon']:>6.1f} "
                      f"{s['RssFile']:>6.1f} {s['RssShmem']:>6.1f}", flush=True)
            rows.append((size, case, {k: statistics.median(g[k] for g in got) for k in got[0]}))
    finally:
        server.terminate()
        server.wait()
shutil.rmtree(work)
print(f"\nrjkiosk with the sample's first question on screen, medians of {runs} runs "
      f"(load {open('/proc/loadavg').read().split()[0]})")
for size, case, m in rows:
    print(f"{size:<10} {case:<12} VmRSS {m['VmRSS']:.1f} MiB (anon {m['RssAnon']:.1f}, "
          f"files {m['RssFile']:.1f}, shm {m['RssShmem']:.1f})")
PY
