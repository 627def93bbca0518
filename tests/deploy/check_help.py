#!/usr/bin/env python3
"""The options each --help lists are the options the man page lists for that command.

Reads the SYNOPSIS of docs/rjkiosk.1 (one .SY block per command; the kiosk's own block has no
command word) and the KIOSK OPTIONS section, runs `rjkiosk --help` and `rjkiosk COMMAND --help`,
and compares the options named in each, both ways.
Usage: check_help.py MAN_PAGE RJKIOSK_BINARY
"""
import re
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\w-])")
COMMANDS = ("check", "preview", "sessions", "export", "purge", "report", "set-pin", "settings",
            "lrs", "push", "import", "class")
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def roff_text(line):
    """The words of one roff line: escapes for '-', spaces and dots made plain, fonts dropped."""
    line = line.replace("\\-", "-").replace("\\~", " ").replace("\\|", "").replace("\\c", "")
    return re.sub(r"\\f[BIRP]", "", line)


def man_synopsis(page):
    """{command or "" for the kiosk or "global" for the help/version block: set of options}."""
    lines = page.splitlines()
    start = lines.index(".SH SYNOPSIS")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(".SH "))
    blocks = {}
    current = None
    for raw in lines[start + 1:end]:
        if raw.startswith(".SY"):
            current = {"command": None, "options": set()}
            continue
        if raw.startswith(".YS"):
            name = current["command"]
            if name is None:
                name = "global" if {"-h", "--help"} & current["options"] else ""
            if name in blocks:
                fail(f"the man page's SYNOPSIS has two blocks for {name or 'the kiosk'}")
            blocks[name] = current["options"]
            current = None
            continue
        if current is None:
            continue
        text = roff_text(raw)
        words = text.split()
        if current["command"] is None and not current["options"] and raw.startswith(".B ") and \
                len(words) == 2 and words[1] in COMMANDS:
            current["command"] = words[1]
            continue
        current["options"].update(OPTION.findall(text))
    return blocks


def man_kiosk_options(page):
    """The options the KIOSK OPTIONS section describes (its .TP headings)."""
    section = page.split(".SH KIOSK OPTIONS", 1)[1].split("\n.SH ", 1)[0]
    found = set()
    lines = section.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".TP") and i + 1 < len(lines):
            found.update(OPTION.findall(roff_text(lines[i + 1])))
    return found


def help_options(binary, *args):
    run = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, timeout=30)
    if run.returncode != 0:
        fail(f"rjkiosk {' '.join(args + ('--help',))} exited with {run.returncode}: {run.stderr}")
    return set(OPTION.findall(run.stdout)), run.stdout


def compare(what, in_help, in_man, allowed=None):
    """Every option in_man is in_help, and every one in_help is in_man (or in allowed)."""
    for option in sorted(in_man - in_help):
        fail(f"{what}: the man page lists {option} but --help does not")
    for option in sorted(in_help - (allowed if allowed is not None else in_man)):
        fail(f"{what}: --help lists {option} but the man page does not")


def help_synopsis(text):
    """{command: set of options} from the synopsis lines at the top of `rjkiosk --help`."""
    blocks = {}
    current = None
    for line in text.splitlines():
        if not line.strip():
            break
        start = re.match(r"^\s*(?:Usage: )?rjkiosk (\S+)", line)
        if start:
            current = start.group(1) if start.group(1) in COMMANDS else None
            if current:
                blocks[current] = set()
                line = line[start.end():]
        if current:
            blocks[current].update(OPTION.findall(line))
    return blocks


def main():
    page_path, binary = sys.argv[1], sys.argv[2]
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    blocks = man_synopsis(page)
    for name in ("", "global") + COMMANDS:
        if name not in blocks:
            fail(f"the man page's SYNOPSIS has no block for {name or 'the kiosk'}")
            blocks[name] = set()

    kiosk = blocks[""]
    compare("KIOSK OPTIONS against SYNOPSIS", man_kiosk_options(page), kiosk)

    # rjkiosk --help: the kiosk's options, the help and version options, and every command
    # (whose synopsis may name the command's own options).
    found, text = help_options(binary)
    compare("rjkiosk --help", found, kiosk | blocks["global"], set().union(*blocks.values()))
    for name in COMMANDS:
        if not re.search(rf"^\s+{re.escape(name)}\s", text, re.M):
            fail(f"rjkiosk --help does not describe the command {name}")

    # Its synopsis line for each command names the same options as the man page's.
    top = help_synopsis(text)
    for name in COMMANDS:
        if name not in top:
            fail(f"rjkiosk --help has no synopsis line for {name}")
        else:
            compare(f"rjkiosk --help, the synopsis of {name}", top[name], blocks[name])

    # Each command's help: its synopsis options, and -h/--help that every command accepts.
    for name in COMMANDS:
        found, _ = help_options(binary, name)
        compare(f"rjkiosk {name} --help", found, blocks[name] | {"-h", "--help"})

    if failures:
        return 1
    print(f"--help and the man page agree on {len(kiosk)} kiosk options and "
          f"{len(COMMANDS)} commands")
    return 0


if __name__ == "__main__":
    sys.exit(main())
