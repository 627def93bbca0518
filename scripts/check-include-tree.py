#!/usr/bin/env python3
"""Checks that the include graph of one source folder has no cycle: no file includes a file
that includes it back, directly or through others. A .c and its .h are one module, and
X_impl.h belongs to module X. Only includes of the folder's own files count ("PREFIX/...").

Usage: check-include-tree.py DIR [PREFIX]   (PREFIX defaults to DIR's name)
Exits 0 when the graph is a tree (or any graph without cycles), 1 with the cycle on standard
error when it is not, 2 on a usage error."""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def module(name):
    """The module a file belongs to: its name without extension or an "_impl" ending."""
    base = os.path.splitext(os.path.basename(name))[0]
    return base[:-len("_impl")] if base.endswith("_impl") else base


def read_edges(folder, prefix):
    """{module: {included module: "file includes header" (the first such line)}}."""
    edges = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".c", ".h")):
            continue
        src = module(name)
        edges.setdefault(src, {})
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                m = INCLUDE.match(line)
                if not m or not m.group(1).startswith(prefix + "/"):
                    continue
                dst = module(m.group(1))
                if dst != src:
                    edges[src].setdefault(dst, "%s includes %s" % (name, m.group(1)))
    return edges


def find_cycle(edges):
    """One cycle as a list of modules [a, b, ..., a], or None. Depth-first, in sorted order so
    the answer is the same every run."""
    state = {}  # module -> 1 while on the path, 2 when done
    path = []

    def visit(node):
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, {})):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: check-include-tree.py DIR [PREFIX]", file=sys.stderr)
        return 2
    folder = argv[1]
    prefix = argv[2] if len(argv) == 3 else os.path.basename(os.path.normpath(folder))
    edges = read_edges(folder, prefix)
    cycle = find_cycle(edges)
    if not cycle:
        return 0
    print("%s: include cycle: %s" % (folder, " -> ".join(cycle)), file=sys.stderr)
    for a, b in zip(cycle, cycle[1:]):
        print("  %s" % edges[a][b], file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
