#!/usr/bin/env python3
"""LRS benchmark (not a test): 10,000 queued statements delivered to Learning Locker's statement
service on this machine by 'rjkiosk push' (time, CPU, peak memory), then the key-press-to-frame
latency of the kiosk (bench_ui) while its sending thread delivers the same 10,000 to a new LRS,
and without any sending, one after the other, so that both figures meet the same machine load.

Usage: scripts/bench-lrs.py [BUILD_DIR] [COUNT]   (run scripts/setup.sh first; uses Xvfb on
display :150 for bench_ui when DISPLAY is not set)"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "lrs"))
from lrs_env import LRS  # noqa: E402

build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rjk = os.path.join(build, "src", "rjkiosk")


def seeded(tmp, name, lrs):
    d = os.path.join(tmp, name)
    os.mkdir(d, 0o700)
    t = time.time()
    subprocess.run([os.path.join(build, "bench", "bench_lrs_seed"), d, str(count)], check=True)
    print(f"seeded {count} answers in {time.time() - t:.1f} s ({name})", flush=True)
    subprocess.run([rjk, "lrs", "--data", d, "--endpoint", lrs.endpoint, "--username", "bench",
                    "--password-stdin"], input="bench\n", text=True, check=True,
                   capture_output=True)
    return d


with tempfile.TemporaryDirectory() as tmp:
    lrs = LRS(os.path.join(root, "tests", "lrs", "tools"), tmp)
    lrs.start()
    xvfb = None
    try:
        d = seeded(tmp, "push", lrs)
        ui = os.path.join(tmp, "ui")
        shutil.copytree(d, ui)
        r = subprocess.run(["/usr/bin/time", "-v", rjk, "push", "--data", d],
                           capture_output=True, text=True)
        field = lambda name: re.search(name + r".*: (.*)", r.stderr).group(1)
        print("rjkiosk push:", r.stdout.strip())
        print(f"  wall {field('Elapsed')}, user {field('User time')} s, system "
              f"{field('System time')} s, peak memory {int(field('Maximum resident')) // 1024} MiB")
        on_lrs = len(lrs.all_statements())
        print(f"  the LRS holds {on_lrs} statements")

        lrs.stop()
        lrs.start()
        subprocess.run([rjk, "lrs", "--data", ui, "--endpoint", lrs.endpoint, "--username",
                        "bench", "--password-stdin"], input="bench\n", text=True, check=True,
                       capture_output=True)
        env = dict(os.environ)
        if not env.get("DISPLAY"):
            xvfb = subprocess.Popen(["Xvfb", ":150", "-screen", "0", "1920x1080x24"],
                                    stderr=subprocess.DEVNULL)
            time.sleep(1)
            env["DISPLAY"] = ":150"
        env.setdefault("SDL_AUDIODRIVER", "dummy")
        bench_ui = os.path.join(build, "bench", "bench_ui")
        r = subprocess.run([bench_ui, "400", "2", ui], env=env, capture_output=True, text=True)
        print("bench_ui while sending:\n" + r.stdout + r.stderr, flush=True)
        print(f"  the LRS then holds {len(lrs.all_statements())} statements")
        r = subprocess.run([bench_ui, "400", "2"], env=env, capture_output=True, text=True)
        print("bench_ui with nothing to send, just after:\n" + r.stdout + r.stderr)
    finally:
        if xvfb:
            xvfb.terminate()
            xvfb.wait()
        lrs.stop()
