#!/bin/sh
# Start-up of the real, unchanged kiosk: from exec to its first frame presented, measured from
# outside its code. A stamp library preloaded into build/src/rjkiosk (bench/stamp_present.c)
# notes when the first SDL_RenderPresent returns; the launcher notes the time just before it
# starts the process. The kiosk runs fullscreen on the bundled sample scenario (as installed
# in a classroom: a data folder already made by an earlier start), on an Xvfb screen of each
# size, RUNS times per size; the first start of each size is not counted (cold caches). Prints
# every run with the load average at the time, then the medians. Given two build folders (say
# one of main and one of a branch), it alternates between their kiosks run by run and gives
# the ratio of their medians, which holds up on a busy machine better than either figure.
# The X server runs with -noreset, as an X server in use does: without it, each kiosk that
# exits leaves the server with no client, the server resets, and the next kiosk waits while it
# compiles its keyboard map again (xkbcomp): 50-80 ms of the X server's own start-up, not the
# kiosk's. RESET=1 measures that case too (the kiosk as the first client of a fresh server).
# Usage: [RUNS=10] [SIZES="1280x800 1920x1080"] [XVFB_DISPLAY=:N] [RESET=1]
#        scripts/bench-startup.sh [BUILD_DIR [OTHER_BUILD_DIR]]
#        (XVFB_DISPLAY: the display number Xvfb takes; by default a free one it picks itself)
# Needs: Xvfb, python3.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- "$root/build"
stamp="$1/bench/librjk_stamp_present.so"
for build in "$@"; do
  [ -x "$build/src/rjkiosk" ] || { echo "build first: scripts/build.sh $build" >&2; exit 1; }
done
[ -e "$stamp" ] || { echo "build first: scripts/build.sh $1" >&2; exit 1; }

RJK_SCRIPTS="$root/scripts" RJK_BENCH_STAMP=$stamp RESET=${RESET:-0} RUNS=${RUNS:-10} SIZES=${SIZES:-"1280x800 1920x1080"} \
  exec python3 - "$@" <<'PY'
import os, signal, statistics, subprocess, sys, tempfile, time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.environ["RJK_SCRIPTS"])
import xvfb_screen

stamp = os.environ["RJK_BENCH_STAMP"]
kiosks = [os.path.join(build, "src", "rjkiosk") for build in sys.argv[1:]]
runs, sizes = int(os.environ["RUNS"]), os.environ["SIZES"].split()
work = tempfile.mkdtemp(prefix="rjk-startup-")
data = os.path.join(work, "data")
for i in range(len(kiosks)):
    os.mkdir(f"{data}{i}", 0o700)
stampfile = os.path.join(work, "stamp")

reset = [] if os.environ["RESET"] == "1" else ["-noreset"]

def xvfb(size):
    """An Xvfb screen of size; returns (process, display)."""
    return xvfb_screen.start(size, reset, os.environ.get("XVFB_DISPLAY"))

def one_start(display, kiosk):
    """Starts the kiosk, waits for its first frame, stops it: (load ms, frame ms, frame ms from
    /proc's start time, CPU ms until the frame)."""
    try:
        os.unlink(stampfile)
    except FileNotFoundError:
        pass
    env = dict(os.environ, DISPLAY=display, LD_PRELOAD=stamp, RJK_STAMP_FILE=stampfile)
    env["RJK_STAMP_T0_NS"] = str(time.clock_gettime_ns(time.CLOCK_BOOTTIME))
    proc = subprocess.Popen([kiosk, "--data", f"{data}{kiosks.index(kiosk)}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if os.path.exists(stampfile) and open(stampfile).read().endswith("\n"):
            break
        if proc.poll() is not None:
            sys.exit(f"the kiosk exited with {proc.returncode} before its first frame")
        time.sleep(0.002)
    else:
        proc.kill()
        sys.exit("no frame within 20 s")
    proc.send_signal(signal.SIGTERM)
    if proc.wait(10) != 0:
        print(f"warning: the kiosk exited with {proc.returncode}", file=sys.stderr)
    return tuple(float(x) for x in open(stampfile).read().split())

def load():
    return open("/proc/loadavg").read().split()[0]

summary = []
print(f"{'size':<10} {'kiosk':>5} {'run':>3} {'lib loaded ms':>13} {'first frame ms':>14} {'(from /proc)':>12} {'CPU ms':>7} {'load':>5}")
for size in sizes:
    server, display = xvfb(size)
    try:
        time.sleep(0.5)
        for kiosk in kiosks:
            one_start(display, kiosk)   # warms the caches, makes the data folder; not counted
        frames = [[] for _ in kiosks]
        cpus = [[] for _ in kiosks]
        loads = []
        for run in range(1, runs + 1):
            for k, kiosk in enumerate(kiosks):
                lib, frame, proc_frame, cpu = one_start(display, kiosk)
                frames[k].append(frame)
                cpus[k].append(cpu)
                loads.append(float(load()))
                print(f"{size:<10} {k + 1:>5} {run:>3} {lib:>13.1f} {frame:>14.1f} {proc_frame:>12.1f} {cpu:>7.1f} {load():>5}")
        for k in range(len(kiosks)):
            summary.append((size, k, statistics.median(frames[k]), min(frames[k]),
                            max(frames[k]), statistics.median(cpus[k]),
                            statistics.median(loads)))
    finally:
        server.terminate()
        server.wait()
subprocess.run(["rm", "-rf", work])
print(f"\nexec to first frame presented, rjkiosk on the sample scenario, {runs} starts per size, "
      + ("X server reset before each start" if not reset else "X server in use (-noreset)"))
for k, kiosk in enumerate(kiosks):
    print(f"kiosk {k + 1}: {kiosk}")
print(f"{'size':<10} {'kiosk':>5} {'median ms':>9} {'min':>6} {'max':>6} {'CPU ms':>7} {'load (1 min avg)':>17}")
for size, k, med, lo, hi, cpu, ld in summary:
    print(f"{size:<10} {k + 1:>5} {med:>9.1f} {lo:>6.1f} {hi:>6.1f} {cpu:>7.1f} {ld:>17.2f}")
if len(kiosks) == 2:
    for size in sizes:
        a, b = [r for r in summary if r[0] == size]
        print(f"{size}: kiosk 1 / kiosk 2: wall clock {a[2] / b[2]:.2f}x, CPU {a[5] / b[5]:.2f}x")
print("(wall clock from exec; CPU ms: the kiosk's own CPU time until then, all threads, which\n"
      " depends far less on the machine's load than the wall clock)")
PY
