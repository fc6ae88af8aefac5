#!/usr/bin/env python3
"""Generate jpyc's table of CPython .pyc magic numbers from CPython's own sources.

CPython keeps the history of its magic numbers as a comment ("Known values: ...") in
  * Lib/importlib/_bootstrap_external.py          up to 3.13 (followed by MAGIC_NUMBER = (N)...)
  * Include/internal/pycore_magic_number.h        from 3.14 (followed by #define PYC_MAGIC_NUMBER N)
Each input file may be either kind; list them oldest first (a later file wins where two
disagree, and the disagreement is reported on stderr). Pass --prerelease for an input whose
current magic number is not a final release's (e.g. the main branch).

Usage:
  python3 tools/gen_magic.py [-o OUT] [--prerelease FILE] FILE...

The output is a TSV read by org.jpyc.pyc.Magic. Rows:
  entry    MAGIC  MINOR  RELEASE  NOTE   one line of the history ("Python 3.11a1 3450 (...)")
  start    MAGIC  MINOR  -        NOTE   an announced first magic ("Python 3.14 will start with 3600")
  current  MAGIC  MINOR  STATUS   FILE   the magic an input file defines; STATUS final|prerelease
MINOR is X.Y ("3000" counts as 3.0); for "current" it is the minor whose range holds MAGIC.
"""
import argparse
import hashlib
import os
import re
import sys

ENTRY = re.compile(r'^Python\s+(\d[\w.]*?):?\s+(\d{4,5})\b\s*(.*)$')
CONTINUED = re.compile(r'^(\d{4,5})\b\s*(.*)$')
START = re.compile(r'^Python\s+(\d+\.\d+)\s+will start with\s+(?:magic number\s+)?(\d{4,5})')
PY_CURRENT = re.compile(r'^MAGIC_NUMBER\s*=\s*\((\d+)\)\.to_bytes', re.M)
H_CURRENT = re.compile(r'^#define\s+PYC_MAGIC_NUMBER\s+(\d+)\s*$', re.M)
STOP = re.compile(r"^(Please don't|MAGIC must change|Whenever|define )")


def minor_of(release):
    """'3.11a1' -> '3.11', '3.5.2' -> '3.5', '3000' -> '3.0', '1.5.1' -> '1.5'."""
    if release == '3000':
        return '3.0'
    m = re.match(r'^(\d+)\.(\d+)', release)
    if not m:
        raise ValueError('cannot read a version from %r' % release)
    return '%s.%s' % (m.group(1), m.group(2))


def parse(path):
    text = open(path, encoding='utf-8').read()
    lines = text.splitlines()
    try:
        first = next(i for i, l in enumerate(lines) if 'Known values:' in l)
    except StopIteration:
        raise SystemExit('%s: no "Known values:" history' % path)
    entries, starts = [], []
    release, open_note = None, False
    for raw in lines[first + 1:]:
        # Python comment lines start with '#' in column 0; a few wrapped notes do not.
        line = raw[1:].strip() if raw.startswith('#') else raw.strip()
        if STOP.match(line) or line.startswith('*/') or line.startswith('MAGIC_NUMBER'):
            break
        if not line or line.startswith('tag:'):
            open_note = False
            continue
        m = START.match(line)
        if m:
            starts.append((int(m.group(2)), m.group(1), line))
            open_note = False
            continue
        if open_note and entries:
            entries[-1][2] += ' ' + line
            open_note = entries[-1][2].count('(') > entries[-1][2].count(')')
            continue
        m = ENTRY.match(line)
        if m:
            release = m.group(1)
            entries.append([int(m.group(2)), release, m.group(3)])
        else:
            m = CONTINUED.match(line)
            if m and release is not None:
                entries.append([int(m.group(1)), release, m.group(2)])
            else:
                raise SystemExit('%s: cannot read history line %r' % (path, raw))
        note = entries[-1][2]
        open_note = note.count('(') > note.count(')')
    m = PY_CURRENT.search(text) or H_CURRENT.search(text)
    current = int(m.group(1)) if m else None
    return entries, starts, current


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('files', nargs='+')
    ap.add_argument('--prerelease', action='append', default=[],
                    help='an input whose current magic is a pre-release one (may repeat)')
    ap.add_argument('-o', '--out', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'src', 'main', 'resources',
        'org', 'jpyc', 'pyc', 'magic.tsv'))
    args = ap.parse_args()
    inputs = args.files + [p for p in args.prerelease if p not in args.files]

    by_key = {}      # (magic, release, note-index) -> note; keeps history order
    label_of = {}    # magic -> release, for disagreement reports
    order = []
    starts = {}
    currents = []
    for path in inputs:
        entries, st, current = parse(path)
        seen = {}
        for magic, release, note in entries:
            if magic in label_of and minor_of(label_of[magic]) != minor_of(release):
                print('warning: %s lists %d as %s, earlier input as %s'
                      % (path, magic, release, label_of[magic]), file=sys.stderr)
            label_of[magic] = release
            n = seen.get((magic, release), 0)
            seen[(magic, release)] = n + 1
            key = (magic, release, n)
            if key not in by_key:
                order.append(key)
            by_key[key] = note
        for magic, minor, note in st:
            starts[minor] = (magic, note)
        if current is not None:
            currents.append((current, 'prerelease' if path in args.prerelease else 'final', path))

    # The minor whose range holds a magic: the last minor (within the same numbering line,
    # 3.x below 20000, 1.x/2.x above) whose first known magic is <= it.
    first = {}
    for magic, release, _ in order:
        mi = minor_of(release)
        first[mi] = min(first.get(mi, magic), magic)
    for mi, (magic, _) in starts.items():
        first[mi] = min(first.get(mi, magic), magic)

    def range_minor(magic):
        line = [(m, mi) for mi, m in first.items() if (m < 20000) == (magic < 20000) and m <= magic]
        return max(line)[1] if line else None

    rows = []
    for key in order:
        magic, release, _ = key
        rows.append(('entry', magic, minor_of(release), release, by_key[key]))
    for mi, (magic, note) in sorted(starts.items(), key=lambda kv: kv[1][0]):
        rows.append(('start', magic, mi, '-', note))
    for magic, status, path in currents:
        rows.append(('current', magic, range_minor(magic), status, describe(path)))

    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# GENERATED by tools/gen_magic.py -- do not edit by hand.\n')
        f.write('# CPython .pyc magic numbers, read from the "Known values" history in:\n')
        for path in inputs:
            f.write('#   %s  sha256:%s\n' % (describe(path), sha256(path)[:16]))
        f.write('# Regenerate (inputs oldest first; --prerelease for a pre-release source):\n')
        f.write('#   python3 tools/gen_magic.py %s\n' % ' '.join(
            ('--prerelease ' if p in args.prerelease else '') + shorten(p) for p in inputs))
        f.write('# kind\tmagic\tminor\trelease\tnote\n')
        for kind, magic, minor, release, note in rows:
            f.write('%s\t%d\t%s\t%s\t%s\n' % (kind, magic, minor, release, clean(note)))
    print('wrote %d rows to %s' % (len(rows), out), file=sys.stderr)


def clean(s):
    return ' '.join(s.replace('\t', ' ').split())


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def shorten(path):
    """Paths inside an unpacked org.bytedeco:cpython jar, shown from the jar's version dir."""
    m = re.search(r'/cpy/([^/]+)/org/bytedeco/cpython/linux-x86_64/(.*)$', os.path.abspath(path))
    if m:
        return '/tmp/cpy/%s/org/bytedeco/cpython/linux-x86_64/%s' % (m.group(1), m.group(2))
    return os.path.relpath(path) if os.path.abspath(path).startswith(os.getcwd()) else path


def describe(path):
    m = re.search(r'/cpy/([^/]+)/org/bytedeco/cpython/linux-x86_64/(.*)$', os.path.abspath(path))
    if m:
        return 'org.bytedeco:cpython:%s (CPython %s) %s' % (m.group(1), m.group(1).split('-')[0],
                                                            m.group(2))
    return shorten(path)


if __name__ == '__main__':
    main()
