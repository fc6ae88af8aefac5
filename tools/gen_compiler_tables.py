#!/usr/bin/env python3
"""Dump the running interpreter's compiler-side opcode facts into jpyc's compiler table resource.

Usage (run with the interpreter whose facts you want, CPython 3.10 or newer):

    PYTHONHASHSEED=0 pythonX.Y tools/gen_compiler_tables.py [OUT_DIR]

OUT_DIR defaults to engine/src/main/resources/org/jpyc/instrseq; the file written is
compiler-X.Y.tsv. Java reads it with org.jpyc.instrseq.OpTable. After regenerating every version,
run `python3 tools/gen_compiler_tables.py --java` to rewrite org/jpyc/instrseq/Op.java, the union of
every version's opcode names (real and pseudo), from the .tsv files.

What the compiler needs and dis does not: the numbers of pseudo opcodes (SETUP_FINALLY, JUMP, ...,
3.12+), which opcodes take an argument, and each opcode's stack effect as the compiler computes it
(_opcode.stack_effect / dis.stack_effect, with jump=False and jump=True). A stack effect depends on
the oparg; it is written as integer coefficients over a fixed set of oparg features

    1, oparg, oparg&1, (oparg>>1)&1, (oparg>>2)&1, (oparg>>3)&1, oparg>>8, oparg==3

found by exact least squares over opargs 0..599 and then checked against every one of them (the
script fails if an opcode's effect is not such a combination). '-' marks an opcode whose stack
effect the interpreter refuses (specialized or instrumented opcodes).

File format: UTF-8, TAB-separated, '#' comments.
    version   <X.Y.Z>
    HAVE_ARGUMENT <int>
    op  <name> <number> <flags> <caches> <effect jump=False> <effect jump=True>
        flags: comma-separated subset of arg,const,name,jump,free,local,exc,pseudo,jabs (hasjabs, up to 3.10); '-' if none
        effect: 8 comma-separated ints (the coefficients above), or '-'
    list  <name>  <item>...     nb_ops (BINARY_OP operand names), intrinsic1, intrinsic2, cmp_op
"""

import os
import sys
from fractions import Fraction

FEATURES = ("1", "oparg", "oparg&1", "(oparg>>1)&1", "(oparg>>2)&1", "(oparg>>3)&1", "oparg>>8", "oparg==3")
SAMPLES = range(0, 600)


def features(a):
    return [1, a, a & 1, (a >> 1) & 1, (a >> 2) & 1, (a >> 3) & 1, a >> 8, 1 if a == 3 else 0]


def solve(rows, ys):
    """Exact least squares: solve (X^T X) c = X^T y with Fractions, dropping dependent columns."""
    n = len(FEATURES)
    ata = [[Fraction(sum(r[i] * r[j] for r in rows)) for j in range(n)] for i in range(n)]
    aty = [Fraction(sum(r[i] * y for r, y in zip(rows, ys))) for i in range(n)]
    m = [ata[i] + [aty[i]] for i in range(n)]
    pivots = []
    row = 0
    for col in range(n):
        p = next((r for r in range(row, n) if m[r][col] != 0), None)
        if p is None:
            continue
        m[row], m[p] = m[p], m[row]
        piv = m[row][col]
        m[row] = [v / piv for v in m[row]]
        for r in range(n):
            if r != row and m[r][col] != 0:
                f = m[r][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[row])]
        pivots.append(col)
        row += 1
    coef = [Fraction(0)] * n
    for r, col in enumerate(pivots):
        coef[col] = m[r][n]
    return coef


# Python/compile.c 3.11: the pseudo opcodes, numbered -1, -2, ... in this order.
PSEUDO_311 = ("SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH", "POP_BLOCK", "JUMP", "JUMP_NO_INTERRUPT",
              "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE")
# IS_VIRTUAL_JUMP_OPCODE (3.11)
PSEUDO_311_JUMPS = ("JUMP", "JUMP_NO_INTERRUPT", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE",
                    "POP_JUMP_IF_NOT_NONE")


def effect_formula(stack_effect, op, jump):
    ys = []
    for a in SAMPLES:
        try:
            ys.append(stack_effect(op, a, jump=jump))
        except (ValueError, TypeError):
            # 3.12 refuses an oparg for an opcode that takes none: its effect is the one without
            try:
                return [stack_effect(op, jump=jump)] + [0] * (len(FEATURES) - 1)
            except (ValueError, TypeError):
                return None
    if len(set(ys)) == 1:
        return [ys[0]] + [0] * (len(FEATURES) - 1)
    coef = solve([features(a) for a in SAMPLES], ys)
    if any(c.denominator != 1 for c in coef):
        raise SystemExit("stack effect of opcode %d (jump=%s) is not an integer combination: %s" % (op, jump, coef))
    coef = [int(c) for c in coef]
    for a, y in zip(SAMPLES, ys):
        if sum(c * f for c, f in zip(coef, features(a))) != y:
            raise SystemExit("stack effect of opcode %d (jump=%s) does not fit the features at oparg %d" % (op, jump, a))
    return coef


def esc(s):
    return str(s).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def row(*fields):
    return "\t".join(esc(f) for f in fields)


def dump(out_dir):
    import opcode
    import dis
    try:
        import _opcode
    except ImportError:
        _opcode = None
    v = sys.version_info
    minor = "%d.%d" % (v[0], v[1])
    opmap = dict(opcode.opmap)
    # 3.12 keeps pseudo opcodes in opcode._pseudo_ops; 3.13+ in opmap (numbers >= 256).
    pseudo = dict(getattr(opcode, "_pseudo_ops", {}))
    for name, num in list(opmap.items()):
        if num >= 256:
            pseudo[name] = num
    # 3.11 keeps its pseudo opcodes in Python/compile.c only, as negative #defines (SETUP_FINALLY -1 ...
    # POP_JUMP_IF_NOT_NONE -10) that dis.stack_effect still accepts: the names are compile.c's, the effects the
    # interpreter's. They are written as 256 + (-1 - number), so that every number in a table is an index; a
    # pseudo opcode's number is never emitted.
    own_numbers = {}
    if not pseudo and v[:2] == (3, 11):
        for i, name in enumerate(PSEUDO_311):
            own_numbers[name] = -1 - i
            pseudo[name] = 256 + i
    opmap.update(pseudo)
    specialized = set()
    for names in getattr(opcode, "_specializations", {}).values():
        specialized.update(names)
    stack_effect = dis.stack_effect

    def has(listname, op):
        f = getattr(_opcode, "has_" + listname, None) if _opcode else None
        if f is not None:
            return bool(f(op))
        lst = getattr(opcode, "has" + listname, None)
        if lst is None:
            if listname == "jump":
                return op in getattr(opcode, "hasjrel", []) or op in getattr(opcode, "hasjabs", [])
            return False
        return op in lst

    lines = ["# GENERATED by tools/gen_compiler_tables.py from CPython %s (%s). Do not edit." % (
        "%d.%d.%d" % v[:3], sys.version.replace("\n", " ")),
        "# Regenerate: PYTHONHASHSEED=0 python%s tools/gen_compiler_tables.py" % minor,
        "# Stack effects are coefficients over: " + ", ".join(FEATURES),
        row("version", "%d.%d.%d" % v[:3]),
        row("HAVE_ARGUMENT", opcode.HAVE_ARGUMENT)]
    caches = getattr(opcode, "_inline_cache_entries", None)
    for name, op in sorted(opmap.items(), key=lambda kv: (kv[1], kv[0])):
        if name in specialized or name.startswith("INSTRUMENTED_"):
            continue
        flags = []
        if op >= opcode.HAVE_ARGUMENT if op < 256 else (name not in ("POP_BLOCK",) and has("arg", op)):
            flags.append("arg")
        for ln in ("const", "name", "jump", "free", "local", "exc"):
            if has(ln, op):
                flags.append(ln)
        # up to 3.10: a jump whose oparg is an absolute target (opcode.hasjabs; empty from 3.11)
        if op < 256 and op in getattr(opcode, "hasjabs", []):
            flags.append("jabs")
        if name in pseudo:
            flags.append("pseudo")
        if _opcode is not None and hasattr(_opcode, "has_arg") and op < 256:
            # 3.13+: the interpreter says which real opcodes take an argument.
            flags = [f for f in flags if f != "arg"]
            if _opcode.has_arg(op):
                flags.insert(0, "arg")
        n_caches = 0
        if caches is not None and op < 256:
            n_caches = caches[op] if isinstance(caches, list) else caches.get(name, 0)
        e0 = effect_formula(stack_effect, own_numbers.get(name, op), False)
        e1 = effect_formula(stack_effect, own_numbers.get(name, op), True)
        if name in own_numbers:
            flags = (["arg"] if name in PSEUDO_311_JUMPS else []) + (["jump"] if name in PSEUDO_311_JUMPS else []) \
                + (["exc"] if name.startswith("SETUP_") else []) + ["pseudo"]
        fmt = lambda e: "-" if e is None else ",".join(str(c) for c in e)
        lines.append(row("op", name, op, ",".join(flags) or "-", n_caches, fmt(e0), fmt(e1)))
    nb = getattr(opcode, "_nb_ops", None)
    if nb:
        lines.append(row("list", "nb_ops", *[n for n, _ in nb]))
    if _opcode is not None and hasattr(_opcode, "get_intrinsic1_descs"):
        lines.append(row("list", "intrinsic1", *_opcode.get_intrinsic1_descs()))
        lines.append(row("list", "intrinsic2", *_opcode.get_intrinsic2_descs()))
    elif hasattr(opcode, "_intrinsic_1_descs"):  # 3.12 keeps them in opcode.py
        lines.append(row("list", "intrinsic1", *opcode._intrinsic_1_descs))
        lines.append(row("list", "intrinsic2", *opcode._intrinsic_2_descs))
    lines.append(row("list", "cmp_op", *opcode.cmp_op))
    # 3.14+: LOAD_COMMON_CONSTANT's operands (classes and builtins by name; 3.15's plain values by repr)
    # and LOAD_SPECIAL's method names
    common = getattr(opcode, "_common_constants", None)
    if common:
        lines.append(row("list", "common_constants",
                         *[c.__name__ if hasattr(c, "__name__") else repr(c) for c in common]))
    special = getattr(opcode, "_special_method_names", None)
    if special:
        lines.append(row("list", "special_methods", *special))
    path = os.path.join(out_dir, "compiler-%s.tsv" % minor)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", path)


def java(res_dir, java_path):
    names = {}
    versions = []
    for fn in sorted(os.listdir(res_dir)):
        if not (fn.startswith("compiler-") and fn.endswith(".tsv")):
            continue
        versions.append(fn[len("compiler-"):-len(".tsv")])
        with open(os.path.join(res_dir, fn), encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if p[0] == "op":
                    names.setdefault(p[1], set()).add(versions[-1])
    key = lambda n: n
    out = ["// GENERATED by tools/gen_compiler_tables.py --java from org/jpyc/instrseq/compiler-*.tsv (%s). Do not edit." % ", ".join(versions),
           "// Regenerate: python3 tools/gen_compiler_tables.py --java",
           "package org.jpyc.instrseq;",
           "",
           "/**",
           " * Every opcode name, real or pseudo, of any target version: what the compiler emits. Numbers, arguments,",
           " * caches and stack effects are per version ({@link OpTable}); an opcode a version lacks has no number there.",
           " */",
           "public enum Op {"]
    ordered = sorted(names, key=key)
    for i, n in enumerate(ordered):
        vs = sorted(names[n], key=lambda s: tuple(int(x) for x in s.split(".")))
        out.append("    /** %s. */" % ", ".join(vs))
        out.append("    %s%s" % (n, "," if i + 1 < len(ordered) else ";"))
    out.append("}")
    with open(java_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", java_path)


if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    res = os.path.join(root, "engine/src/main/resources/org/jpyc/instrseq")
    if len(sys.argv) > 1 and sys.argv[1] == "--java":
        java(res, os.path.join(root, "engine/src/main/java/org/jpyc/instrseq/Op.java"))
    else:
        out_dir = sys.argv[1] if len(sys.argv) > 1 else res
        os.makedirs(out_dir, exist_ok=True)
        dump(out_dir)
