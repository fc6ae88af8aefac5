#!/usr/bin/env python3
"""Dump the running interpreter's opcode and dis facts into jpyc's opcode table resource.

Usage (run with the interpreter whose facts you want, CPython 3.9 or newer):

    PYTHONHASHSEED=0 pythonX.Y tools/gen_opcodes.py [OUT_DIR]

OUT_DIR defaults to engine/src/main/resources/org/jpyc/code (relative to the repository root);
the file written is opcodes-X.Y.tsv. Java reads it with org.jpyc.code.OpcodeTable.

Every fact is taken from the interpreter's own modules (opcode.py, _opcode_metadata.py via
opcode, dis.py); per-opcode facts are asked of dis's own helpers (_deoptop, _unpack_opargs,
_is_backward_jump, ...) where the version has them, so the table says what *dis* does, which is
what jpyc's disassembler has to reproduce.

File format: UTF-8 text, one record per line, fields separated by TAB. Lines starting with '#'
are comments. Within a field, backslash, TAB and newline are escaped as \\\\, \\t and \\n.

    version     <sys.version_info as X.Y.Z>
    HAVE_ARGUMENT  <int>
    EXTENDED_ARG   <int>
    list  <name>  <item>...          named string lists (cmp_op, nb_ops, ...)
    op  <opcode> <name> <deopt> <hasarg 0/1> <caches> <flags>
        flags: comma-separated subset of const,name,jrel,jabs,jump,local,free,compare,exc,backward
        (membership of the *deoptimized* opcode in dis's lists), '-' if none
    cache  <base opname>  <field>=<size>...   (_cache_format, for show_caches)
"""

import os
import sys
import dis
import opcode


def esc(s):
    return str(s).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def row(*fields):
    return "\t".join(esc(f) for f in fields)


def all_opnames():
    """What dis prints for each opcode 0..255 (specialized opcodes included)."""
    names = getattr(dis, "_all_opname", None)
    if names is None:
        names = list(opcode.opname)
    return list(names[:256]) + ["<%d>" % i for i in range(len(names), 256)]


def deopt(op):
    f = getattr(dis, "_deoptop", None)
    return f(op) if f else op


def cache_entries(op):
    """Inline cache code units dis skips after opcode op (already deoptimized)."""
    ice = getattr(opcode, "_inline_cache_entries", None)
    if ice is None:
        return 0
    if hasattr(ice, "keys"):  # 3.13+: keyed by name (a dict; a frozendict in 3.15)
        return ice.get(opcode.opname[op], 0)
    return ice[op] if op < len(ice) else 0


def unpack_has_arg(op):
    """Whether dis's _unpack_opargs gives opcode op an argument."""
    try:
        res = list(dis._unpack_opargs(bytes([op, 0] + [0, 0] * cache_entries(deopt(op)))))
        return res[0][-1] is not None
    except (AttributeError, TypeError, IndexError):
        # A future dis without this helper: fall back to the opcode module's own rule.
        d = deopt(op)
        if hasattr(opcode, "hasarg"):
            return d in opcode.hasarg
        return d >= opcode.HAVE_ARGUMENT


def is_backward(op):
    f = getattr(dis, "_is_backward_jump", None)
    if f is None:
        return "JUMP_BACKWARD" in opcode.opname[op]
    return bool(f(op))


def flags_of(op):
    d = deopt(op)
    out = []
    for flag, lst in (("const", "hasconst"), ("name", "hasname"), ("jrel", "hasjrel"),
                      ("jabs", "hasjabs"), ("jump", "hasjump"), ("local", "haslocal"),
                      ("free", "hasfree"), ("compare", "hascompare"), ("exc", "hasexc")):
        if d in getattr(opcode, lst, ()):
            out.append(flag)
    if is_backward(d):
        out.append("backward")
    return ",".join(out) or "-"


def const_desc(obj):
    """LOAD_COMMON_CONSTANT's argrepr (3.14 dis): a type's __name__, else repr()."""
    return obj.__name__ if isinstance(obj, type) else repr(obj)


def named_lists():
    lists = [("cmp_op", list(opcode.cmp_op))]
    if hasattr(opcode, "_nb_ops"):
        lists.append(("nb_ops", [desc for _, desc in opcode._nb_ops]))
    if hasattr(opcode, "_intrinsic_1_descs"):
        lists.append(("intrinsic1", list(opcode._intrinsic_1_descs)))
    if hasattr(opcode, "_intrinsic_2_descs"):
        lists.append(("intrinsic2", list(opcode._intrinsic_2_descs)))
    if hasattr(opcode, "_common_constants"):
        lists.append(("common_constants", [const_desc(c) for c in opcode._common_constants]))
    if hasattr(opcode, "_special_method_names"):
        lists.append(("special_method_names", list(opcode._special_method_names)))
    if hasattr(dis, "FORMAT_VALUE_CONVERTERS"):
        lists.append(("format_value_converters", [name for _, name in dis.FORMAT_VALUE_CONVERTERS]))
    if "CONVERT_VALUE" in opcode.opmap and hasattr(dis, "ArgResolver"):
        # Asked of dis itself: the argrepr its ArgResolver gives CONVERT_VALUE 0..3.
        resolver = dis.ArgResolver()
        op = opcode.opmap["CONVERT_VALUE"]
        lists.append(("convert_value_names",
                      [resolver.get_argval_argrepr(op, arg, 0)[1] for arg in range(4)]))
    if hasattr(dis, "MAKE_FUNCTION_FLAGS"):
        lists.append(("function_flags", list(dis.MAKE_FUNCTION_FLAGS)))
    if hasattr(dis, "FUNCTION_ATTR_FLAGS"):
        lists.append(("function_flags", list(dis.FUNCTION_ATTR_FLAGS)))
    return lists


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        root, "engine", "src", "main", "resources", "org", "jpyc", "code")
    vi = sys.version_info
    version = "%d.%d.%d" % (vi.major, vi.minor, vi.micro)
    if vi.releaselevel != "final":
        version += "%s%d" % (vi.releaselevel[0], vi.serial)
    lines = [
        "# GENERATED by tools/gen_opcodes.py from CPython %s (%s). Do not edit." % (
            version, sys.version.replace("\n", " ")),
        "# Regenerate: PYTHONHASHSEED=0 python%d.%d tools/gen_opcodes.py" % (vi.major, vi.minor),
        "# Facts from opcode.py, _opcode_metadata.py (3.13+, via opcode) and dis.py of that interpreter.",
        row("version", version),
        row("HAVE_ARGUMENT", opcode.HAVE_ARGUMENT),
        row("EXTENDED_ARG", opcode.EXTENDED_ARG),
    ]
    for name, items in named_lists():
        lines.append(row("list", name, *items))
    names = all_opnames()
    for op in range(256):
        d = deopt(op)
        lines.append(row("op", op, names[op], d, int(unpack_has_arg(op)),
                         cache_entries(d), flags_of(op)))
    for base, fmt in sorted(getattr(opcode, "_cache_format", {}).items()):
        lines.append(row("cache", base, *("%s=%d" % kv for kv in fmt.items())))
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "opcodes-%d.%d.tsv" % (vi.major, vi.minor))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(path)


if __name__ == "__main__":
    main()
