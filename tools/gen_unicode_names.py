#!/usr/bin/env python3
"""Writes jpyc's table of Unicode character names, the names CPython's "\\N{...}" escape accepts,
for every Unicode database of the target CPython versions. Java's Character.codePointOf knows only
the JDK's own Unicode version, accepts names CPython does not (block-name forms, any case) and knows
no aliases, so each target gets the names its own unicodedata module has.

Two steps, because each interpreter knows only its own database:

    python3.X tools/gen_unicode_names.py dump > names-3.X.json     (once under each CPython)
    python3   tools/gen_unicode_names.py merge OUT names-*.json      (any Python 3)

`dump` asks the running interpreter:
  * unicodedata.name() of every code point (the names the escape looks up case-insensitively),
  * the algorithmic names: "CJK UNIFIED IDEOGRAPH-%X" ranges (matched case-sensitively by CPython)
    and the Hangul syllable jamo short names (L, V, T columns, from the names of U+AC00...),
  * the name aliases (NameAliases.txt, all five types), which CPython keeps at private-use code
    points U+F0000...: the "namereplace" error handler prints their names, unicodedata.lookup()
    maps them; named sequences (several code points) are left out, "\\N{...}" rejects them.

`merge` writes one text file for all versions, relying on Unicode's name stability (a name, once
assigned, never changes or disappears; checked here). Format, after the '#' banner:

    @ 13.0.0                  the lines below first appear in this unidata version
    <d> <k> <suffix>          a name: code point = previous + d (hex; previous starts at -1 in each
                              section), name = first k chars of the previous name in this section +
                              suffix (front coding)
    R <start> <end> <prefix>  every code point in [start, end] (hex) is named prefix + "%X" % cp
    C <start> <end>           CJK UNIFIED IDEOGRAPH-%X range (only 4 or 5 uppercase hex digits match)
    A <cp> <alias>            a name alias of cp
    H <L|V|T> <j0,j1,...>     Hangul jamo short names for "HANGUL SYLLABLE " + L + V + T
"""
import json
import re
import sys

SBASE, LCOUNT, VCOUNT, TCOUNT = 0xAC00, 19, 21, 28
HEX_NAME = re.compile(r"^(.*-)([0-9A-F]{4,6})$")


def dump():
    import unicodedata
    names, cjk = {}, []
    for cp in range(0x110000):
        if SBASE <= cp < SBASE + LCOUNT * VCOUNT * TCOUNT:
            continue
        n = unicodedata.name(chr(cp), None)
        if n is None:
            continue
        if n == "CJK UNIFIED IDEOGRAPH-%X" % cp:
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
            continue
        names[cp] = n

    def syl(i):
        return unicodedata.name(chr(SBASE + i))[len("HANGUL SYLLABLE "):]
    first_v = syl(0)[1:]          # "GA": L[0] = "G", V[0] = "A"
    hangul = {
        "L": [syl(i * VCOUNT * TCOUNT)[:-len(first_v)] for i in range(LCOUNT)],
        "V": [syl(i * TCOUNT)[1:] for i in range(VCOUNT)],
        "T": [syl(i)[len(syl(0)):] for i in range(TCOUNT)],
    }
    for i in range(0, LCOUNT * VCOUNT * TCOUNT, 97):   # the columns recompose every syllable's name
        l, v, t = i // (VCOUNT * TCOUNT), (i % (VCOUNT * TCOUNT)) // TCOUNT, i % TCOUNT
        assert syl(i) == hangul["L"][l] + hangul["V"][v] + hangul["T"][t], hex(SBASE + i)

    aliases = []
    for cp in range(0xF0000, 0xF1000):
        r = chr(cp).encode("ascii", "namereplace").decode("ascii")
        if not r.startswith("\\N{"):
            continue
        alias = r[3:-1]
        value = unicodedata.lookup(alias)
        if len(value) == 1:
            aliases.append([ord(value), alias])
    json.dump({"python": sys.version.split()[0], "unidata": unicodedata.unidata_version,
               "names": sorted(names.items()), "cjk": cjk, "hangul": hangul,
               "aliases": aliases}, sys.stdout)


def vkey(v):
    return tuple(int(x) for x in v.split("."))


def merge(out, inputs):
    dumps = {}
    pythons = {}
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        pythons.setdefault(d["unidata"], []).append(d["python"])
        if d["unidata"] in dumps:
            other = dict(dumps[d["unidata"]], python=d["python"])
            assert other == d, "two CPythons with unidata %s disagree" % d["unidata"]
        dumps[d["unidata"]] = d
    lines = []
    seen_names, seen_alias, seen_cjk = {}, set(), set()
    hangul = None
    for unidata in sorted(dumps, key=vkey):
        d = dumps[unidata]
        names = {int(cp): n for cp, n in d["names"]}
        for cp, n in seen_names.items():
            assert names.get(cp) == n, "name of U+%04X changed in %s" % (cp, unidata)
        if hangul is None:
            hangul = d["hangul"]
        assert d["hangul"] == hangul, "Hangul jamo names changed in " + unidata
        lines.append("@ " + unidata)
        if len(lines) == 1:
            for col in "LVT":
                lines.append("H %s %s" % (col, ",".join(hangul[col])))
        for start, end in d["cjk"]:
            for cp in range(start, end + 1):
                if cp not in seen_cjk:
                    seen_cjk.add(cp)
                    if lines[-1].startswith("C ") and int(lines[-1].split()[2], 16) == cp - 1:
                        lines[-1] = "C %s %x" % (lines[-1].split()[1], cp)
                    else:
                        lines.append("C %x %x" % (cp, cp))
        new = sorted((cp, n) for cp, n in names.items() if cp not in seen_names)
        plain = []
        ranges = []   # [prefix, start, end]
        for cp, n in new:
            m = HEX_NAME.match(n)
            if m and int(m.group(2), 16) == cp and m.group(2) == "%X" % cp:
                if ranges and ranges[-1][0] == m.group(1) and ranges[-1][2] == cp - 1:
                    ranges[-1][2] = cp
                else:
                    ranges.append([m.group(1), cp, cp])
            else:
                plain.append((cp, n))
        for prefix, start, end in ranges:
            lines.append("R %x %x %s" % (start, end, prefix))
        prev_cp, prev = -1, ""
        for cp, n in plain:
            k = 0
            while k < min(len(prev), len(n)) and prev[k] == n[k]:
                k += 1
            lines.append("%x %d %s" % (cp - prev_cp, k, n[k:]))
            prev_cp, prev = cp, n
        seen_names.update(names)
        for cp, alias in d["aliases"]:
            if alias not in seen_alias:
                seen_alias.add(alias)
                lines.append("A %x %s" % (cp, alias))
    banner = [
        "# GENERATED by tools/gen_unicode_names.py merge from the unicodedata module of each CPython:",
    ]
    for unidata in sorted(pythons, key=vkey):
        banner.append("#   unidata %s: CPython %s" % (unidata, ", ".join(sorted(pythons[unidata], key=vkey))))
    banner.append("# Do not edit; the format is described in the generator.")
    with open(out, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(banner + lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"]:
        dump()
    elif sys.argv[1:2] == ["merge"] and len(sys.argv) > 3:
        merge(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
