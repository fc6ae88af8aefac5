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
    code flags _testinternalcapi does not take) dropped, EXTENDED_ARG and NOP dropped, jump targets as instruction
    indices, LOAD_FAST_CHECK read as LOAD_FAST (optimize_cfg counts no parameters), then the code's tables."""
    import dis
    all_ins = list(dis.get_instructions(co))
    # NOPs are left out too: the harness's CFG-to-list-to-CFG round trip merges blocks, so it removes NOPs that
    # the compiler keeps at a block's start
    ins = [i for i in all_ins if i.opname not in ("EXTENDED_ARG", "NOP")]
    k = next((j for j, i in enumerate(ins) if i.opname == "RESUME"), 0)
    ins = ins[k:]
    idx = {i.offset: j for j, i in enumerate(ins)}
    nxt = len(ins)
    for i in reversed(all_ins):  # a jump to an EXTENDED_ARG prefix (or a NOP) lands on the next instruction
        if i.opname in ("EXTENDED_ARG", "NOP"):
            idx[i.offset] = nxt
        elif i.offset in idx:
            nxt = idx[i.offset]
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
    """The finished code objects among consts as units uid.NAME@LINE (recursively; a repeated key gets #2, #3,
    ...): named, not numbered, since the optimizer drops the code constants of unreachable code."""
    seen = {}
    for c in consts:
        if type(c).__name__ == "code":
            key = "%s@%d" % (c.co_name, c.co_firstlineno)
            seen[key] = seen.get(key, 0) + 1
            cid = "%s.%s" % (uid, key if seen[key] == 1 else "%s#%d" % (key, seen[key]))
            out.append("UNIT\t%s" % cid)
            final_listing(out, c)
            nested_final(out, cid, c.co_consts)


CODE_MARKER = "\x00code:"


def const_key(o):
    """Equality as the constant cache has it (_PyCode_ConstantKey): type-sensitive, -0.0 apart from 0.0."""
    if type(o) is tuple:
        return (tuple, tuple(const_key(x) for x in o))
    if type(o) is frozenset:
        return (frozenset, frozenset(const_key(x) for x in o))
    if type(o) in (float, complex):
        return (type(o), repr(o))
    return (type(o), o)


def prefold_tuples(insts, consts):
    """fold_tuple_on_constants ahead of optimize_cfg: its constant cache is a fresh one, so a folded tuple equal to
    a constant already in the unit would be appended again where the compiler's module-wide cache reuses it."""
    jumps = set(opcode.hasjrel) | set(opcode.hasjabs) | {opcode.opmap[n] for n in ("JUMP", "JUMP_NO_INTERRUPT")}
    targets = {a for (op, a, *_) in insts if op in jumps}
    load_const, nop = opcode.opmap["LOAD_CONST"], opcode.opmap["NOP"]
    build_tuple, unpack = opcode.opmap["BUILD_TUPLE"], opcode.opmap["UNPACK_SEQUENCE"]
    for j, (op, n, *loc) in enumerate(insts):
        if op != build_tuple or j < n:
            continue
        if j + 1 < len(insts) and insts[j + 1][0] == unpack and insts[j + 1][1] == n:
            continue
        if any(insts[k][0] != load_const for k in range(j - n, j)) or any(k in targets for k in range(j - n + 1, j + 1)):
            continue
        value = tuple(consts[insts[k][1]] for k in range(j - n, j))
        key = const_key(value)
        idx = next((i for i, c in enumerate(consts) if const_key(c) == key), None)
        if idx is None:
            idx = len(consts)
            consts.append(value)
        for k in range(j - n, j):
            insts[k] = (nop, 0) + tuple(insts[k][2:])
        insts[j] = (load_const, idx) + tuple(loc)
    return insts


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
    # the code constants that survived in each assembled unit: a unit whose constant its parent's optimizer
    # dropped (dead code, as under "if 0:") is left out, with its own nested units, as CPython has no such unit
    survivors = {}
    for kind, u in units:
        if kind == "FILE":
            w("FILE\t%s\n" % u)
            sys.stdout.flush()
            survivors = {}
            continue
        parent, _, key = u["id"].rpartition(".")
        name = key.split("#")[0].rpartition("@")[0]
        if parent != "0" and (parent not in survivors or name not in survivors[parent]):
            continue
        out = ["UNIT\t" + u["id"]]
        if any(op in setups for (op, *_) in u["insts"]):
            # 3.12.1's optimize_cfg and assemble_code_object crash or fail ("label out of range") on exception
            # handlers: such a unit is not compared
            out.append("SKIP")
            w("\n".join(out) + "\n")
            survivors[u["id"]] = {c[len(CODE_MARKER):] for c in u["consts"]
                                  if type(c) is str and c.startswith(CODE_MARKER)}
            continue
        try:
            consts = list(u["consts"])
            insts = prefold_tuples(list(u["insts"]), consts)
            md = u["md"]
            opt = _testinternalcapi.optimize_cfg(insts, consts, len(md["varnames"]))
            md["consts"] = {(i, c): i for i, c in enumerate(consts)}
            for key in ("names", "varnames", "cellvars", "fasthidden"):
                md[key] = {n: i for i, n in enumerate(md.get(key, ()))}
            # u_freevars numbers free variables after the cell variables (compiler_enter_scope)
            md["freevars"] = {n: len(md["cellvars"]) + i for i, n in enumerate(md.get("freevars", ()))}
            co = _testinternalcapi.assemble_code_object(md["filename"], opt, md)
            final_listing(out, co, CODE_MARKER)
            survivors[u["id"]] = {c[len(CODE_MARKER):] for c in co.co_consts
                                  if type(c) is str and c.startswith(CODE_MARKER)}
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
