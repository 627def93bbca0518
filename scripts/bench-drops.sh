#!/bin/sh
# Pictures shown while two busy processes (`yes`) keep both cores loaded: bench_video (the
# kiosk's player and video view, fullscreen on Xvfb 1920x1080) plays each clip RUNS times and
# counts the pictures it presented against the 600 in the clip. Two cases, in turn:
#   same      the player, its X server and the busy processes in one control group, all alike;
#   weighted  the player and its X server in a control group weighted as kiosk/rjkiosk@.service
#             weights the kiosk and its compositor (CPUWeight=1000), the busy processes in one
#             at systemd's default (100), as another service on the same machine would be.
# Usage: [RUNS=3] [CLIPS="h264-1080p30.mp4 vp9-1080p30.webm"] scripts/bench-drops.sh [BUILD_DIR]
#        (as root, with cgroup v2's or v1's cpu controller; the clips are made in
#        BUILD_DIR/bench-media by scripts/bench-clips.sh when missing)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
clips=${CLIPS:-"h264-1080p30.mp4 vp9-1080p30.webm"}
[ -x "$build/bench/bench_video" ] || { echo "build first: scripts/build.sh $build" >&2; exit 1; }
"$root/scripts/bench-clips.sh" "$build/bench-media" $clips
PYTHONPATH="$root/scripts" RUNS=${RUNS:-3} CLIPS="$clips" python3 - "$build" <<'PY'
import os, signal, subprocess, sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import xvfb_screen

build = sys.argv[1]
runs = int(os.environ["RUNS"])
clips = os.environ["CLIPS"].split()

# Two control groups side by side, with cgroup v2's weights or v1's shares (systemd maps
# CPUWeight w to cpu.shares w * 1024 / 100 on v1).
def controllers_v2():
    try:
        return open("/sys/fs/cgroup/cgroup.controllers").read().split()
    except OSError:
        return []


if "cpu" in controllers_v2():
    base, knob, scale = "/sys/fs/cgroup", "cpu.weight", 1
    with open(f"{base}/cgroup.subtree_control", "w") as f:
        f.write("+cpu")
elif os.path.exists("/sys/fs/cgroup/cpu/cpu.shares"):
    base, knob, scale = "/sys/fs/cgroup/cpu", "cpu.shares", 1024 / 100
else:
    sys.exit("no cpu controller under /sys/fs/cgroup: cannot weight the player")
groups = {}
for name, weight in (("kiosk", 1000), ("busy", 100)):
    path = f"{base}/rjkbench-{name}"
    os.makedirs(path, exist_ok=True)
    with open(f"{path}/{knob}", "w") as f:
        f.write(str(int(weight * scale)))
    groups[name] = path


def join(group, pid):
    with open(f"{groups[group]}/cgroup.procs", "w") as f:
        f.write(str(pid))


# Stopped early, it still ends the busy processes and removes its groups.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
xvfb, display = xvfb_screen.start("1920x1080", ["-noreset"])
busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(2)]
results = {}
try:
    for p in busy:
        join("busy", p.pid)
    for case, group in (("same", "busy"), ("weighted", "kiosk")):
        join(group, xvfb.pid)
        for clip in clips:
            for run in range(runs):
                player = subprocess.Popen(
                    [f"{build}/bench/bench_video", f"{build}/bench-media/{clip}"],
                    env=dict(os.environ, DISPLAY=display), stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, preexec_fn=lambda g=group: join(g, os.getpid()))
                out = player.communicate()[0].decode()
                shown = out.split(" pictures presented")[0].split()[-1] \
                    if " pictures presented" in out else "?"
                load = os.getloadavg()[0]
                print(f"{clip:18} {case:8} run {run + 1}: {shown} of 600 pictures  load {load:.2f}",
                      flush=True)
                results.setdefault((clip, case), []).append(shown)
finally:
    for p in busy:
        p.send_signal(signal.SIGTERM)
        p.wait()
    xvfb.terminate()
    xvfb.wait()
    for path in groups.values():
        os.rmdir(path)
print()
print("pictures presented of 600, every run")
for (clip, case), shown in results.items():
    print(f"{clip:18} {case:8} {' '.join(shown)}")
PY
