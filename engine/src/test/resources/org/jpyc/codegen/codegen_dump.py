"""Dump CPython's unoptimized code generator output (3.12+: _testinternalcapi.compiler_codegen) for jpyc's
CodegenCompare. Usage: python codegen_dump.py [-O N] [--folded] FILE... ; one record per line, tab-separated:
  FILE <path>            a source file follows
  ERROR <type> <msg>     compiling it raised
  UNIT <id> <name>       a code unit: "0" is the module, "0.2" its third nested unit (in completion order)
  MODULE_ONLY            (3.12) compiler_codegen gives only the module unit: its nested units are finished
                         (optimized, assembled) code objects, so only the module is compared
  I <op> <oparg|-> <lineno> <end_lineno> <col> <end_col>
  FOLDED                 CPython's AST optimizer changes this file's AST (for runs without jpyc's)
  META <key> <repr>      module metadata (consts in index order, names, varnames, cellvars, freevars, argcounts;
                         3.14 reports only the argcounts, 3.15 the argcounts and consts)
"""
import ast
import sys
import opcode
import _testinternalcapi

OPNAME = {v: k for k, v in opcode.opmap.items()}
HASARG = set(getattr(opcode, "hasarg", ())) | {opcode.opmap[n] for n in ("SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH")}


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def const_repr(o):
    if type(o).__name__ == "code":
        return "<code %s>" % o.co_name
    if type(o) is frozenset:  # marshal (3.11+) sorts a frozenset's items: their table order never reaches a pyc
        return "frozenset({%s})" % ", ".join(sorted(const_repr(x) for x in o)) if o else "frozenset()"
    if type(o) is tuple:
        return "(" + ", ".join(const_repr(x) for x in o) + ("," if len(o) == 1 else "") + ")"
    return repr(o)


def unit(out, uid, seq):
    out.append("UNIT\t%s" % uid)
    # 3.12 returns a list of (opcode, oparg, lineno, end_lineno, col, end_col) tuples, jump targets as instruction
    # indices (instr_sequence_to_instructions applies the label map); 3.13+ an InstructionSequence
    if isinstance(seq, list):
        out.append("MODULE_ONLY")
        for (op, arg, l, el, c, ec) in seq:
            # no None for an argumentless op here: its oparg is 0 (the SETUP_* pseudo ops take a target)
            noarg = op not in HASARG and arg == 0
            out.append("I\t%s\t%s\t%d\t%d\t%d\t%d" % (OPNAME.get(op, str(op)), "-" if noarg else arg, l, el, c, ec))
        return
    for (op, arg, l, el, c, ec) in seq.get_instructions():
        out.append("I\t%s\t%s\t%d\t%d\t%d\t%d" % (OPNAME.get(op, str(op)), "-" if arg is None else arg, l, el, c, ec))
    for i, n in enumerate(seq.get_nested()):
        unit(out, "%s.%d" % (uid, i), n)


def main(argv):
    optimize = 0
    check_folded = False
    while argv[:1] in (["-O"], ["--folded"]):
        if argv[0] == "-O":
            optimize = int(argv[1])
            argv = argv[2:]
        else:
            check_folded = True
            argv = argv[1:]
    w = sys.stdout.write
    for path in argv:
        out = ["FILE\t" + esc(path)]
        try:
            with open(path, "rb") as f:
                src = f.read()
            tree = ast.parse(src, path)
            if check_folded:
                try:
                    folded = compile(src, path, "exec", flags=ast.PyCF_OPTIMIZED_AST, optimize=optimize)
                    changed = ast.dump(folded, include_attributes=True) != ast.dump(tree, include_attributes=True)
                except RecursionError:  # ast.dump recurses in Python: too deep to tell, so treat as folded
                    changed = True
                if changed:
                    out.append("FOLDED")
            if sys.version_info >= (3, 13):
                seq, md = _testinternalcapi.compiler_codegen(tree, path, optimize, 0)
            else:
                # 3.12.1's compiler_codegen crashes when the compiler raises (break outside a loop, ...): compile
                # first, so the error is the whole-compile one
                compile(tree, path, "exec", optimize=optimize)
                seq, md = _testinternalcapi.compiler_codegen(tree, path, optimize)
            unit(out, "0", seq)
            # 3.14's compiler_codegen reports only the argcounts: no consts or name tables
            # 3.13: a dict {_PyCode_ConstantKey: index}; 3.15: the list of constants in index order
            consts = md.get("consts", [])
            if isinstance(consts, dict):
                keys = [k for k, _ in sorted(consts.items(), key=lambda kv: kv[1])]
                consts = [k[1] if type(k) is tuple else k for k in keys]  # the constant is a tuple key's item 1
            for v in consts:
                out.append("META\tconst\t" + esc(const_repr(v)))
            for key in ("names", "varnames", "cellvars", "freevars"):
                if key not in md:
                    continue
                d = md[key]
                out.append("META\t%s\t%s" % (key, esc(repr([n for n, _ in sorted(d.items(), key=lambda kv: kv[1])]))))
            for key in ("argcount", "posonlyargcount", "kwonlyargcount"):
                out.append("META\t%s\t%d" % (key, md.get(key, 0)))
        except Exception as e:  # noqa: BLE001 - the type and message are what we compare
            msg = e.msg if isinstance(e, SyntaxError) else str(e)
            pos = " (line %s, offset %s)" % (e.lineno, e.offset) if isinstance(e, SyntaxError) else ""
            out = ["FILE\t" + esc(path), "ERROR\t%s\t%s" % (type(e).__name__, esc(msg + pos))]
        w("\n".join(out) + "\n")
        sys.stdout.flush()  # a crash in a later file must not lose this record


if __name__ == "__main__":
    main(sys.argv[1:])
