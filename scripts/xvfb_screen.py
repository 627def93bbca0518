"""An Xvfb screen for the benchmark scripts (imported by the Python inside them)."""
import os
import subprocess
import sys
import time


def start(size, extra=(), fixed=None):
    """Starts Xvfb with one screen of size ("1920x1080") at 24 bits and the extra arguments, on
    display fixed (":N") or else on a free one it picks and reports itself; returns
    (process, display)."""
    args = ["-screen", "0", size + "x24", "-nolisten", "tcp", *extra]
    if fixed:
        proc = subprocess.Popen(["Xvfb", fixed, *args],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{fixed[1:]}"):
                return proc, fixed
            time.sleep(0.05)
        sys.exit("Xvfb did not start")
    r, w = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(w), *args], pass_fds=(w,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(r, 16)
        if not chunk:
            sys.exit("Xvfb did not start")
        number += chunk
    os.close(r)
    return proc, ":" + number.decode().strip()
