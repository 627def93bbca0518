#!/bin/sh
# Compares the kiosk's video playback with VLC's cheapest X11 output: CPU time (the player's
# user+sys plus the X server's) and peak memory for a 20 s 1080p30 H.264 clip and a VP9 clip,
# played to the end fullscreen on the same Xvfb screen. "kiosk" is the whole kiosk (a trainee
# started, the video with its controls, the question after it); "player" is bench_video, the
# kiosk's player and video view alone; "cvlc" is VLC.
# A window manager (openbox, installed when missing; WM=none for none) runs on the screen: without
# one cvlc's --fullscreen is not honoured and VLC shows a 720p clip at 1280x720 while the kiosk
# scales it to the whole screen.
# Two figures per run: the whole run, start-up included, and playing alone (6 to 18 s after the
# start, by then every player has started and the kiosk's controls have faded: the cost of a
# film minutes long, where start-up no longer counts).
# Usage: [RUNS=3] [CLIPS="h264-1080p30.mp4 vp9-1080p30.webm h264-720p30.mp4"] [XVFB_DISPLAY=:N]
#        [WM=openbox|none] [PLAY_FROM=6] [PLAY_TO=18]
#        scripts/bench-video.sh [BUILD_DIR] [RENDERER]
#        (as root; RENDERER, for bench_video, defaults to software; RUNS plays of each clip by
#        each player; XVFB_DISPLAY, the display Xvfb takes, by default a free one it picks itself)
# Every run prints the load average when it ended; the player's row also counts the pictures
# it presented against the pictures in the clip (600: 20 s at 30 per second). One more cvlc run
# per clip, not timed, counts VLC's pictures (through perf and a uprobe, when available); the
# summary gives both against the pictures in the file.
# Needs: ffmpeg, Xvfb, python3; installs vlc-bin and vlc-plugin-video-output for cvlc when
# missing, and runs cvlc as the ordinary user rjkbench (created when missing: cvlc refuses root).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
renderer=${2:-software}
runs=${RUNS:-3}
media="$build/bench-media"
bench_user=rjkbench

[ -x "$build/bench/bench_video" ] || { echo "build first: scripts/build.sh $build" >&2; exit 1; }
if ! command -v cvlc >/dev/null || [ ! -e /usr/lib/x86_64-linux-gnu/vlc/plugins/video_output/libxcb_x11_plugin.so ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    vlc-bin vlc-plugin-video-output >/dev/null
fi
wm=${WM:-openbox}
if [ "$wm" != none ] && ! command -v "$wm" >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$wm" >/dev/null
fi
id "$bench_user" >/dev/null 2>&1 || useradd --system --no-create-home "$bench_user"

mkdir -p "$media"
chmod 755 "$media"
clips=${CLIPS:-"h264-1080p30.mp4 vp9-1080p30.webm h264-720p30.mp4"}
"$root/scripts/bench-clips.sh" "$media" $clips
# The whole kiosk: a scenario with the clip as its video and one question after it, and a
# script that starts a trainee, waits for the question and quits (played by the test build,
# rjkiosk-scripted). The kiosk starts as it does in a classroom: it picks its renderer itself,
# and its controls show, then fade, while playing.
for clip in $clips; do
  dir="$media/kiosk-${clip%.*}"
  mkdir -p "$dir"
  # A hard link, not a copy: the scenario's media must sit inside its folder.
  [ -s "$dir/$clip" ] || ln "$media/$clip" "$dir/$clip" 2>/dev/null || cp "$media/$clip" "$dir/$clip"
  cat >"$dir/scenario.yaml" <<EOF
rjkiosk: 1
id: bench-${clip%.*}
title: "Benchmark clip"
video:
  file: $clip
steps:
  - id: after
    kind: text
    text: What did you see?
EOF
done
cat >"$media/kiosk-play.txt" <<EOF
key ctrl+Return
key ctrl+Return
wait-screen video
wait-screen step:after 60000
quit
EOF
for clip in $clips; do
  chmod 644 "$media/$clip"
done
chmod 644 "$media"/*.txt

# Xvfb picks a free display number itself and reports it (or takes XVFB_DISPLAY); the shared
# helper starts it and leaves it running.
started=$(PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$root/scripts" python3 -c '
import os, xvfb_screen
proc, display = xvfb_screen.start("1920x1080", (), os.environ.get("XVFB_DISPLAY"))
print(proc.pid, display)')
xvfb=${started% *}
display=${started#* }
wm_pid=
trap 'kill $xvfb ${wm_pid:-} 2>/dev/null' EXIT INT TERM
if [ "$wm" != none ]; then
  DISPLAY=$display "$wm" >/dev/null 2>&1 &
  wm_pid=$!
  sleep 1
fi

# Runs a command to its end and prints "user+sys seconds, peak RSS KiB, X server seconds, exit
# code, pictures, load, playing seconds, X server playing seconds". The last two are the CPU
# spent from $PLAY_FROM to $PLAY_TO seconds after the start (6 to 18 s by default) by the
# command's whole process tree and by the X server: playback alone, once start-up and the
# kiosk's controls (shown for 3 s, then fading) are over ("-" when the command ended before).
measure() {
  python3 - "$xvfb" "${PLAY_FROM:-6}" "${PLAY_TO:-18}" "$@" <<'PY'
import os, sys, threading, time
xpid, play_from, play_to, cmd = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
tick = os.sysconf("SC_CLK_TCK")
def cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / tick
def tree_cpu(root):
    # cvlc runs under runuser and a shell: count every process below the one started.
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += cpu(pid)
        except OSError:
            pass
        todo += children.get(pid, [])
    return total
x0 = cpu(xpid)
r, w = os.pipe()
start = time.monotonic()
pid = os.fork()
if pid == 0:
    os.close(r)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(w, 1)
    os.dup2(devnull, 2)
    os.execvp(cmd[0], cmd)
os.close(w)
marks = []
done = threading.Event()
def sample():
    for at in (play_from, play_to):
        if done.wait(max(0.0, start + at - time.monotonic())):
            return
        marks.append((tree_cpu(pid), cpu(xpid)))
sampler = threading.Thread(target=sample)
sampler.start()
out = b""
while chunk := os.read(r, 4096):
    out += chunk
_, status, ru = os.wait4(pid, 0)
done.set()
sampler.join()
x1 = cpu(xpid)
# bench_video says "N pictures presented"; the others say nothing: "-".
words = out.decode(errors="replace").split()
shown = words[words.index("pictures") - 1] if "pictures" in words else "-"
load = open("/proc/loadavg").read().split()[0]
if len(marks) == 2:
    playing = f"{marks[1][0] - marks[0][0]:.2f} {marks[1][1] - marks[0][1]:.2f}"
else:
    playing = "- -"
print(f"{ru.ru_utime + ru.ru_stime:.2f} {ru.ru_maxrss} {x1 - x0:.2f} {os.waitstatus_to_exitcode(status)} {shown} {load} {playing}")
PY
}

# VLC's pictures: one more cvlc run per clip, not timed, counts its X11 output's shared-memory
# puts (one per picture shown; VLC repaints a picture only when none came for 80 ms, which
# does not happen on a quiet machine) with a uprobe on libxcb-shm, through perf. "-" when perf
# or uprobes are not available.
xcb_shm=/usr/lib/x86_64-linux-gnu/libxcb-shm.so.0
# VLC playing a clip with its cheapest X11 output, fullscreen: the counted run and the timed ones.
cvlc_play="cvlc --play-and-exit --fullscreen --vout=xcb_x11 --no-audio --no-video-title-show"
vlc_pictures() {
  # The probe is added, or is there already (left by an interrupted run).
  if ! command -v perf >/dev/null || [ ! -e "$xcb_shm" ] || {
       ! perf probe -q -x "$xcb_shm" xcb_shm_put_image_checked 2>/dev/null &&
       ! perf probe -l 2>/dev/null | grep -q probe_libxcb:xcb_shm_put_image_checked; }; then
    echo -
    return
  fi
  perf stat -a -x, -e probe_libxcb:xcb_shm_put_image_checked -- \
    runuser -u "$bench_user" -- env DISPLAY=$display HOME=/tmp $cvlc_play "$media/$1" 2>&1 >/dev/null |
    awk -F, '/xcb_shm_put_image_checked/ { print $1 }'
  perf probe -q -d probe_libxcb:xcb_shm_put_image_checked 2>/dev/null || true
}

# Peak memory varies by several MiB from run to run for the same player (how far libvlc's
# decoder gets ahead of the picture shown), so each player plays each clip $runs times,
# alternating, and the summary gives the medians.
results=$(mktemp)
vlc_counts=$(mktemp)
data=$(mktemp -d)
trap 'kill $xvfb ${wm_pid:-} 2>/dev/null; rm -rf "$results" "$vlc_counts" "$data"' EXIT INT TERM
for clip in $clips; do
  echo "$clip $(vlc_pictures "$clip")" >>"$vlc_counts"
done
printf '%-18s %-6s %4s %8s %8s %8s %9s %8s %5s %7s\n' clip player run "cpu s" "X cpu s" "total s" \
  "peak MiB" pictures load "play s"
for clip in $clips; do
  for run in $(seq "$runs"); do
    for who in kiosk player cvlc; do
      if [ "$who" = player ]; then
        set -- env DISPLAY=$display "$build/bench/bench_video" "$media/$clip" "$renderer"
      elif [ "$who" = kiosk ]; then
        rm -rf "$data"
        set -- env DISPLAY=$display "$build/src/rjkiosk-scripted" --silent --scenario "$media/kiosk-${clip%.*}" \
          --data "$data" --script "$media/kiosk-play.txt"
      else
        set -- runuser -u "$bench_user" -- env DISPLAY=$display HOME=/tmp $cvlc_play "$media/$clip"
      fi
      read -r cpu rss xcpu code shown load play xplay <<EOF2
$(measure "$@")
EOF2
      [ "$code" = 0 ] || echo "warning: $who exited with $code on $clip" >&2
      if [ "$play" = - ]; then
        played=-
      else
        played=$(echo "$play + $xplay" | bc)
      fi
      echo "$clip $who $cpu $xcpu $rss $load $played $shown" >>"$results"
      printf '%-18s %-6s %4s %8s %8s %8.2f %9.1f %8s %5s %7s\n' "${clip%.*}" "$who" "$run" "$cpu" "$xcpu" \
        "$(echo "$cpu + $xcpu" | bc)" "$(echo "$rss / 1024" | bc -l)" "$shown" "$load" "$played"
    done
  done
done

echo
echo "medians of $runs runs (CPU: player + X server; whole: the run from start to end; playing:"
echo "${PLAY_FROM:-6} to ${PLAY_TO:-18} s after the start; load: median of the load averages at the end of the runs)"
python3 - "$results" "$vlc_counts" "$media" <<'PY2'
import statistics, subprocess, sys
rows = [line.split() for line in open(sys.argv[1])]
print(f"{'clip':<18} {'player':<7} {'whole s':>7} {'vs cvlc':>7} {'playing s':>9} {'vs cvlc':>7} {'peak MiB':>8} {'load':>5}")
for clip in dict.fromkeys(r[0] for r in rows):
    med = {}
    for who in ("kiosk", "player", "cvlc"):
        mine = [r for r in rows if r[0] == clip and r[1] == who]
        playing = [float(r[6]) for r in mine if r[6] != "-"]
        med[who] = (statistics.median(float(r[2]) + float(r[3]) for r in mine),
                    statistics.median(playing) if playing else None,
                    statistics.median(int(r[4]) for r in mine) / 1024,
                    statistics.median(float(r[5]) for r in mine))
    for who, (cpu, play, mib, load) in med.items():
        base = med["cvlc"][1]
        shown = f"{play:>9.2f} {play / base:>6.2f}x" if play is not None and base else f"{'-':>9} {'-':>7}"
        print(f"{clip.rsplit('.', 1)[0]:<18} {who:<7} {cpu:>7.2f} {cpu / med['cvlc'][0]:>6.2f}x {shown} {mib:>8.1f} {load:>5.2f}")
# Pictures shown against pictures in the file (counted by ffprobe): the player's every run,
# and VLC's one counted run.
vlc = dict(line.split() for line in open(sys.argv[2]))
print()
print("pictures shown of the pictures in the file")
for clip in dict.fromkeys(r[0] for r in rows):
    frames = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                             "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0",
                             f"{sys.argv[3]}/{clip}"], capture_output=True, text=True).stdout.strip()
    player = ", ".join(r[7] for r in rows if r[0] == clip and r[1] == "player")
    print(f"{clip.rsplit('.', 1)[0]:<18} file {frames:>4}  player {player}  cvlc {vlc.get(clip, '-')}")
PY2
