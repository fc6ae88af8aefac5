#!/usr/bin/env python3
"""What `jpyc compile` prints for each source against what CPython's py_compile prints for it.

    tools/errtext/compare.py --python PYTHON --target X.Y [--jpyc ./jpyc] [--keep DIR] SOURCE_OR_DIR...

For every *.py given (directories are searched, sorted), PYTHON runs `py_compile.compile(path, cfile=...,
doraise=False)` (what `python -m py_compile` and `jpyc compile` promise: the error as py_compile prints it, or
nothing), all sources in one process, each one's stderr captured apart; then `jpyc compile --target X.Y
--out-dir TMP path` runs once per source (so that each output is that source's alone). The two texts are compared
byte for byte, per source. Paths are passed as given, relative to the working directory, on both sides, since both
print them. Output: one line per differing source (its first differing line on each side), then a summary; the
exit status is 1 if any differ. With --keep DIR both sides' texts are kept there (DIR/cpython/NAME.txt,
DIR/jpyc/NAME.txt).

This is not a conformance check: the conformance suite compares the error's type, message and positions (the
`error` and `compile` checks), not the text py_compile prints from them. conformance/README.md records the runs.
PYTHON may be an embedded interpreter (~/.cache/jpyc/cpython/<v>/bin/pythonX.Y) or docker/offline/bin/pythonX.Y,
which mounts the working directory and the temporary directory at the same paths.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

# Runs in PYTHON: compiles each path given on stdin (JSON list) and prints a JSON map path -> captured stderr.
# warnings go to the captured stream too (SyntaxWarning is printed by warnings.showwarning to sys.stderr).
CPYTHON_SIDE = r"""
import io, json, os, py_compile, sys, tempfile
paths = json.load(sys.stdin)
out = {}
cfile = os.path.join(tempfile.mkdtemp(), "x.pyc")
real = sys.stderr
for p in paths:
    buf = io.StringIO()
    sys.stderr = buf
    try:
        py_compile.compile(p, cfile=cfile, doraise=False)
    except BaseException as e:  # py_compile catches what compile() raises; anything else is the tool's problem
        buf.write("compare.py: %s: %r\n" % (type(e).__name__, e))
    finally:
        sys.stderr = real
    out[p] = buf.getvalue()
json.dump(out, sys.stdout)
"""


def sources(args):
    found = []
    for a in args:
        if os.path.isdir(a):
            for d, dirs, files in os.walk(a):
                dirs.sort()
                found.extend(os.path.join(d, f) for f in sorted(files) if f.endswith(".py"))
        else:
            found.append(a)
    return found


def first_difference(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<end>"
        y = lb[i] if i < len(lb) else "<end>"
        if x != y:
            return x, y
    return "<same lines, other line ends>", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", required=True)
    ap.add_argument("--target", required=True)
    ap.add_argument("--jpyc", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "jpyc"))
    ap.add_argument("--keep")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    paths = sources(a.paths)
    r = subprocess.run([a.python, "-c", CPYTHON_SIDE], input=json.dumps(paths), capture_output=True, text=True,
                       env=dict(os.environ, PYTHONHASHSEED="0"))
    if r.returncode != 0:
        sys.exit("compare.py: %s failed: %s" % (a.python, r.stderr))
    theirs = json.loads(r.stdout)
    out_dir = tempfile.mkdtemp(prefix="jpyc-errtext-")
    differ = 0
    for p in paths:
        j = subprocess.run([a.jpyc, "compile", "--target", a.target, "--out-dir", out_dir, p],
                           capture_output=True, text=True)
        mine = j.stdout + j.stderr
        if a.keep:
            name = p.replace(os.sep, "__") + ".txt"
            for side, text in (("cpython", theirs[p]), ("jpyc", mine)):
                os.makedirs(os.path.join(a.keep, side), exist_ok=True)
                with open(os.path.join(a.keep, side, name), "w") as f:
                    f.write(text)
        if mine != theirs[p]:
            differ += 1
            x, y = first_difference(theirs[p], mine)
            print("%s\n  CPython: %s\n  jpyc:    %s" % (p, x, y))
    print("%d of %d sources print differently (target %s, %s)" % (differ, len(paths), a.target, a.python))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
