#!/usr/bin/env python3
"""Reads a chart's bars back from a screenshot: prints the length in pixels of each band of
rows holding the bar colour, top to bottom, one per line. Usage: bars.py IMAGE RRGGBB [X0 X1]
(only columns X0..X1, e.g. one display of two)."""
import subprocess
import sys


def main():
    image, colour = sys.argv[1], bytes.fromhex(sys.argv[2])
    ppm = subprocess.run(["convert", image, "ppm:-"], check=True, capture_output=True).stdout
    # P6 header: magic, width, height, maxval, then RGB bytes.
    fields, pos = [], 0
    while len(fields) < 4:
        while ppm[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not ppm[end:end + 1].isspace():
            end += 1
        fields.append(ppm[pos:end])
        pos = end
    pos += 1
    w, h = int(fields[1]), int(fields[2])
    x0 = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    x1 = int(sys.argv[4]) if len(sys.argv) > 4 else w
    bands, current = [], 0
    for y in range(h):
        row = ppm[pos + y * w * 3 + x0 * 3:pos + y * w * 3 + x1 * 3]
        n = sum(1 for i in range(0, len(row), 3) if row[i:i + 3] == colour)
        if n > 0:
            current = max(current, n)
        elif current:
            bands.append(current)
            current = 0
    if current:
        bands.append(current)
    for b in bands:
        print(b)


main()
