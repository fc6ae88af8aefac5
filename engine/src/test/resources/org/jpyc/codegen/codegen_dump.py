"""Dump CPython's unoptimized code generator output (3.12+: _testinternalcapi.compiler_codegen) for jpyc's
CodegenCompare. Usage: python codegen_dump.py [-O N] [--folded] FILE... ; one record per line, tab-separated:
  FILE <path>            a source file follows
  ERROR <type> <msg>     compiling it raised
  UNIT <id> <name>       a code unit: "0" is the module, "0.2" its third nested unit (in completion order)
  MODULE_ONLY            (3.12) compiler_codegen gives only the module unit: its nested units are finished
                         (optimized, assembled) code objects. They follow as FINAL units (ids by constant order,
                         which is completion order): their instructions normalized (final_listing) plus "=key"
                         lines for their names and constants. jpyc's nested units are put through the same
                         3.12 optimizer and assembler (--assemble FILE, see assemble_units) and compared so.
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


def final_listing(out, co, code_marker=None):
    """A finished code object's instructions, made comparable with another run of 3.12's optimizer and assembler
    over a unit: the prefix before RESUME (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR, POP_TOP, which depend on
    code flags _testinternalcapi does not take) dropped, EXTENDED_ARG dropped, jump targets as instruction
    indices, LOAD_FAST_CHECK read as LOAD_FAST (optimize_cfg counts no parameters), then the code's tables."""
    import dis
    ins = [i for i in dis.get_instructions(co) if i.opname != "EXTENDED_ARG"]
    k = next((j for j, i in enumerate(ins) if i.opname == "RESUME"), 0)
    ins = ins[k:]
    idx = {i.offset: j for j, i in enumerate(ins)}
    jumps = set(dis.hasjrel) | set(dis.hasjabs)
    for i in ins:
        name = "LOAD_FAST" if i.opname == "LOAD_FAST_CHECK" else i.opname
        arg = idx.get(i.argval, "?") if i.opcode in jumps else ("-" if i.arg is None else i.arg)
        p = i.positions
        out.append("I\t%s\t%s\t%s\t%s\t%s\t%s" % (name, arg, p.lineno, p.end_lineno, p.col_offset, p.end_col_offset))

    def crepr(o):
        if code_marker is not None and type(o) is str and o.startswith(code_marker):
            return "<code %s>" % o[len(code_marker):]
        if type(o) is tuple:
            return "(" + ", ".join(crepr(x) for x in o) + ("," if len(o) == 1 else "") + ")"
        return const_repr(o)
    for key in ("name", "qualname", "names", "varnames", "cellvars", "freevars", "argcount", "posonlyargcount",
                "kwonlyargcount"):
        out.append("I\t=%s\t%s" % (key, esc(repr(getattr(co, "co_" + key)))))
    for c in co.co_consts:
        out.append("I\t=const\t%s" % esc(crepr(c)))


def nested_final(out, uid, consts):
    """The finished code objects among consts, in order, as FINAL units uid.0, uid.1, ... (recursively)."""
    k = 0
    for c in consts:
        if type(c).__name__ == "code":
            cid = "%s.%d" % (uid, k)
            out.append("UNIT\t%s" % cid)
            final_listing(out, c)
            nested_final(out, cid, c.co_consts)
            k += 1


CODE_MARKER = "\x00code:"


def assemble_units(path):
    """jpyc's nested units (a file of UNIT/META/C/I records) through 3.12's optimize_cfg and
    assemble_code_object, printed as final_listing does. A unit with exception handlers (SETUP_*: try, with,
    inlined comprehensions, generators) is marked SKIP: 3.12.1's test entry points crash or fail on them."""
    import math
    sys.set_int_max_str_digits(0)
    ns = {"inf": math.inf, "nan": math.nan, "infj": complex(0, math.inf), "nanj": complex(0, math.nan),
          "__code__": lambda n: CODE_MARKER + n, "frozenset": frozenset, "Ellipsis": Ellipsis}
    setups = {opcode.opmap[n] for n in ("SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH")}
    units = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            tag, _, rest = line.rstrip("\n").partition("\t")
            if tag == "FILE":
                units.append(("FILE", rest))
            elif tag == "UNIT":
                cur = {"id": rest, "consts": [], "insts": [], "md": {}}
                units.append(("UNIT", cur))
            elif tag == "META":
                k, _, v = rest.partition("\t")
                cur["md"][k] = eval(v, ns)
            elif tag == "C":
                cur["consts"].append(eval(rest, ns))
            elif tag == "I":
                op, arg, l, el, c, ec = rest.split("\t")
                cur["insts"].append((opcode.opmap[op], int(arg), int(l), int(el), int(c), int(ec)))
    w = sys.stdout.write
    for kind, u in units:
        if kind == "FILE":
            w("FILE\t%s\n" % u)
            sys.stdout.flush()
            continue
        out = ["UNIT\t" + u["id"]]
        if any(op in setups for (op, *_) in u["insts"]):
            # 3.12.1's optimize_cfg and assemble_code_object crash or fail ("label out of range") on exception
            # handlers: such a unit is not compared
            out.append("SKIP")
            w("\n".join(out) + "\n")
            continue
        try:
            insts = list(u["insts"])
            consts = list(u["consts"])
            md = u["md"]
            opt = _testinternalcapi.optimize_cfg(insts, consts, len(md["varnames"]))
            md["consts"] = {(i, c): i for i, c in enumerate(consts)}
            for key in ("names", "varnames", "cellvars", "fasthidden"):
                md[key] = {n: i for i, n in enumerate(md.get(key, ()))}
            # u_freevars numbers free variables after the cell variables (compiler_enter_scope)
            md["freevars"] = {n: len(md["cellvars"]) + i for i, n in enumerate(md.get("freevars", ()))}
            co = _testinternalcapi.assemble_code_object(md["filename"], opt, md)
            final_listing(out, co, CODE_MARKER)
        except Exception as e:  # noqa: BLE001
            out.append("I\tASSEMBLE_FAILED\t%s" % esc(repr(e)))
        w("\n".join(out) + "\n")
    sys.stdout.flush()


def main(argv):
    if argv[:1] == ["--assemble"]:
        assemble_units(argv[1])
        return
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
            if isinstance(seq, list):
                consts0 = md.get("consts", {})
                nested_final(out, "0", [k[1] if type(k) is tuple else k
                                        for k, _ in sorted(consts0.items(), key=lambda kv: kv[1])])
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
