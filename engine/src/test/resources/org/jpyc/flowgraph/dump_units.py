"""Dump, for each source file, every code unit's codegen output (CPython 3.12+ _testinternalcapi),
CPython's optimize_cfg result on it, and the real code object's final instructions, for the jpyc
flowgraph harness (org.jpyc.flowgraph.CfgHarness). Usage: dump_units.py OUT.txt [--optimize=N] FILE... (appends).

The module unit's constants come from compiler_codegen's metadata (3.13; 3.14's metadata has none).
Otherwise they are not available (only the code object's co_consts, after remove_unused_consts and
folding): they are guessed as co_consts[:n] and marked exact only when CPython's optimize_cfg turns
the guess into co_consts and loads the same indices as the real code. optimize_cfg itself is compared
on whatever constants it is given. A 3.14 unit whose deferred annotations went in at
ANNOTATIONS_PLACEHOLDER is written as STASH (its input is not visible from Python).
3.12: compiler_codegen returns a list of (op, arg, locations...) tuples whose jump args are instruction
indices, optimize_cfg takes and returns such lists, and only the module unit is visible (nested units
come back as finished code objects), so only module units are dumped."""
import sys, os, ast, struct, dis, _testinternalcapi, opcode

KEEP = []  # see main()
OPTIMIZE = 0  # the -O level: 0, 1 or 2 (--optimize=N after OUT.txt)

def enc_const(o, out):
    t = type(o)
    if o is None: out.append('N')
    elif o is True: out.append('T')
    elif o is False: out.append('F')
    elif o is Ellipsis: out.append('E')
    elif t is int: out.append('I%d' % o)
    elif t is float: out.append('D' + struct.pack('>d', o).hex())
    elif t is complex: out.append('J' + struct.pack('>d', o.real).hex() + ',' + struct.pack('>d', o.imag).hex())
    elif t is str: out.append('S' + o.encode('utf-8', 'surrogatepass').hex())
    elif t is bytes: out.append('B' + o.hex())
    elif t is tuple:
        out.append('U%d' % len(o))
        for x in o: enc_const(x, out)
    elif t is frozenset:
        out.append('Z%d' % len(o))
        for x in o: enc_const(x, out)
    elif t is slice:
        out.append('L')
        enc_const(o.start, out); enc_const(o.stop, out); enc_const(o.step, out)
    elif hasattr(o, 'co_code'):
        out.append('C' + o.co_qualname.encode().hex())
    else:
        out.append('P' + repr(o).encode().hex())

def consts_line(lst):
    out = []
    for c in lst: enc_const(c, out)
    return '%d %s' % (len(lst), ' '.join(out))

def instrs_lines(tuples):
    lines = []
    for (op, arg, l, el, c, ec) in tuples:
        lines.append('%d %d %d %d %d %d' % (op, 0 if arg is None else arg, l, el, c, ec))
    return lines

def real_ops(co):
    code = co.co_code
    i, ext, out = 0, 0, []
    while i < len(code):
        op, arg = code[i], code[i+1] | ext
        if op == opcode.opmap['EXTENDED_ARG']:
            ext = arg << 8
            i += 2
            continue
        ext = 0
        out.append((op, arg))
        i += 2 + 2 * cache(op)
    return out

def cache(op):
    c = opcode._inline_cache_entries
    if type(c) is list:  # 3.12: a list indexed by opcode
        return c[op] if op < len(c) else 0
    return c.get(opcode.opname[op], 0)

def final_of(co):
    """Real code: per instruction (caches and EXTENDED_ARG folded away): op, arg (jump: target
    instruction index), location, handler (target index, depth, lasti) or -1."""
    code = co.co_code
    pos = list(co.co_positions())
    idx_of_offset = {}
    insts = []
    i = 0
    ext = 0
    start = None
    while i < len(code):
        op, arg = code[i], code[i+1]
        if start is None: start = i
        if op == opcode.opmap['EXTENDED_ARG']:
            ext = (ext | arg) << 8
            i += 2
            continue
        arg |= ext
        ext = 0
        idx_of_offset[start] = len(insts)
        insts.append([start, op, arg, i])
        i += 2 + 2 * cache(op)
        start = None
    table = dis._parse_exception_table(co)
    lines = []
    for k, (start, op, arg, at) in enumerate(insts):
        name = opcode.opname[op]
        if op in dis.hasjrel:
            after = at + 2 + 2 * cache(op)
            if 'BACKWARD' in name or name == 'END_ASYNC_FOR': tgt = after - 2 * arg  # dis._is_backward_jump
            else: tgt = after + 2 * arg
            arg = idx_of_offset.get(tgt, -99)
        l, el, c, ec = pos[start // 2]
        f = lambda v: -1 if v is None else v
        h = '-1 -1 0'
        for e in table:
            if e.start <= start < e.end:
                h = '%d %d %d' % (idx_of_offset.get(e.target, -99), e.depth, 1 if e.lasti else 0)
                break
        lines.append('%d %d %d %d %d %d %s' % (op, arg, f(l), f(el), f(c), f(ec), h))
    return lines

def nlocalsplus(co):
    return len(set(co.co_varnames) | set(co.co_cellvars)) + len(co.co_freevars)

def max_const_index(tuples):
    m = -1
    for t in tuples:
        if t[0] in (opcode.opmap['LOAD_CONST'], opcode.opmap.get('RETURN_CONST', -1)):
            m = max(m, t[1])
    return m

def seq_instructions(seq):
    """The instruction tuples of a codegen or optimize_cfg result: 3.13+'s InstructionSequence, 3.12's list."""
    return list(seq) if type(seq) is list else seq.get_instructions()

def optimize_cfg_312(raw, consts, nlocals):
    """3.12.1's optimize_cfg in a forked child: it crashes (SIGSEGV) on some inputs, e.g. the module of
    corpus/cases/annotations_314/conditional_blocks.py. The child sends back the instruction lines and
    the constants list as optimize_cfg left it (consts is updated in place here)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            opt = _testinternalcapi.optimize_cfg(list(raw), consts, nlocals)
            data = '\n'.join(instrs_lines(opt)) + '\n#CONSTS ' + consts_line(consts)
        except Exception as e:
            data = '#ERR ' + repr(e)
        with os.fdopen(w, 'w') as f:
            f.write(data)
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        raise RuntimeError('optimize_cfg crashed (status %d)' % status)
    if data.startswith('#ERR '):
        raise RuntimeError(data[5:])
    body, cl = data.rsplit('#CONSTS ', 1)
    lines = [l for l in body.split('\n') if l]
    OPT_CONSTS_312[id(consts)] = cl
    return lines

OPT_CONSTS_312 = {}

def emit_unit(w, label, seq, consts, exact, co, md, pads=0):
    raw = seq_instructions(seq)
    nparams = co.co_argcount + co.co_kwonlyargcount + (1 if co.co_flags & 4 else 0) + (1 if co.co_flags & 8 else 0)
    if md is not None:
        varnames = list(md['varnames'])
        cellvars = [k for k, v in sorted(md['cellvars'].items(), key=lambda kv: kv[1])]
        freevars = [k for k, v in sorted(md['freevars'].items(), key=lambda kv: kv[1])]
    else:
        varnames = list(co.co_varnames)
        implicit = [n for n in ('__class__', '__classdict__') if n in co.co_cellvars]
        cellvars = sorted(n for n in co.co_cellvars if n not in implicit) + implicit
        freevars = list(co.co_freevars)
    opt_consts = list(consts)
    if stashed_annotations(raw, co):
        # 3.14+: instr_sequence_to_cfg splices the unit's deferred __annotate__ code in at
        # ANNOTATIONS_PLACEHOLDER; that code is not visible from Python, so the input is unknown
        w.write('UNIT %s\nSTASH\nEND\n' % label.encode().hex())
        return
    try:
        if type(seq) is list:
            opt_lines = optimize_cfg_312(raw, opt_consts, len(varnames))
        else:
            opt = _testinternalcapi.optimize_cfg(seq, opt_consts, len(varnames))
            opt_lines = instrs_lines(seq_instructions(opt))
        opt_err = None
    except Exception as e:
        opt_lines, opt_err = None, e
    if not exact and opt_err is None and pads == 0:
        # guessed input consts: trusted when CPython's own optimizer turns them into co_consts and
        # loads the same constant indices, in the same order, as the real code
        LC, RC = opcode.opmap['LOAD_CONST'], opcode.opmap.get('RETURN_CONST', -1)
        opt_args = [l.split()[1] for l in opt_lines if int(l.split()[0]) in (LC, RC)]
        real_args = [str(a) for (op, a) in real_ops(co) if op in (LC, RC)]
        exact = consts_line(opt_consts) == consts_line(co.co_consts) and opt_args == real_args
    w.write('UNIT %s\n' % label.encode().hex())
    w.write('META %d %d %d %d %d %d\n' % (len(varnames), nparams, co.co_firstlineno, co.co_flags, 1 if exact else 0, co.co_stacksize))
    w.write('VARNAMES %d %s\n' % (len(varnames), ' '.join(n.encode().hex() for n in varnames)))
    w.write('CELLVARS %d %s\n' % (len(cellvars), ' '.join(n.encode().hex() for n in cellvars)))
    w.write('FREEVARS %d %s\n' % (len(freevars), ' '.join(n.encode().hex() for n in freevars)))
    w.write('CONSTS %s\n' % consts_line(consts))
    w.write('CODE %d\n' % len(raw))
    for l in instrs_lines(raw): w.write(l + '\n')
    if opt_err is None:
        w.write('OPT %d\n' % len(opt_lines))
        for l in opt_lines: w.write(l + '\n')
        w.write('OPTCONSTS %s\n' % OPT_CONSTS_312.pop(id(opt_consts), consts_line(opt_consts)))
    else:
        w.write('OPTERR %s\n' % repr(opt_err).encode().hex())
    fl = final_of(co)
    w.write('FINAL %d %d %d\n' % (len(fl), co.co_stacksize, nlocalsplus(co)))
    for l in fl: w.write(l + '\n')
    w.write('FINALCONSTS %s\n' % consts_line(co.co_consts))
    w.write('END\n')

def code_children(co):
    return [c for c in co.co_consts if hasattr(c, 'co_code')]

def stashed_annotations(raw, co):
    """Whether the unit has ANNOTATIONS_PLACEHOLDER and its code object makes more functions than its
    codegen output: the placeholder was filled with the deferred annotations' code."""
    ph = opcode.opmap.get('ANNOTATIONS_PLACEHOLDER', -1)
    if not any(t[0] == ph for t in raw):
        return False
    mf = opcode.opmap['MAKE_FUNCTION']
    return sum(1 for op, a in real_ops(co) if op == mf) > sum(1 for t in raw if t[0] == mf)

def guess_consts(raw, co):
    """The unit's constants before optimization, guessed as co_consts[:n] (n: one past the largest
    LOAD_CONST index), padded with placeholder strings when co_consts is shorter; returns (consts, pads)."""
    n = max(max_const_index(raw) + 1, 1)
    if len(co.co_consts) >= n:
        return list(co.co_consts[:n]), 0
    return list(co.co_consts) + ['<pad%d>' % i for i in range(len(co.co_consts), n)], n - len(co.co_consts)

def walk_nested(w, path, seq, co, stats):
    if type(seq) is list:
        return  # 3.12: nested units' codegen output is not visible
    nested = seq.get_nested()
    KEEP.append(nested)
    kids = code_children(co)
    if len(nested) != len(kids):
        stats['mismatch'] += 1
        return
    for s, k in zip(nested, kids):
        consts, pads = guess_consts(s.get_instructions(), k)
        emit_unit(w, path + ':' + k.co_qualname, s, consts, False, k, None, pads)
        stats['units'] += 1
        walk_nested(w, path, s, k, stats)

def main():
    # 3.14.3: freeing a compiler_codegen sequence whose module has deferred annotations frees a list
    # twice (heap corruption, later crashes): keep every sequence alive, collect nothing, and leave
    # without finalizing
    import gc
    gc.disable()
    global OPTIMIZE
    out = sys.argv[1]
    files = sys.argv[2:]
    if files and files[0].startswith('--optimize='):
        OPTIMIZE = int(files.pop(0).split('=', 1)[1])
    stats = {'files': 0, 'units': 0, 'mismatch': 0, 'errors': 0}
    with open(out, 'a') as w:
        for path in files:
            # a file the interpreter cannot see (a container that does not mount it) is the harness's
            # fault, not a case CPython rejects: stop rather than compare fewer units
            src = open(path, 'rb').read()
            try:
                tree = ast.parse(src, path)
                co = compile(src, path, 'exec', dont_inherit=True, optimize=OPTIMIZE)
                seq, md = _testinternalcapi.compiler_codegen(tree, path, OPTIMIZE)
                KEEP.append(seq)
            except Exception as e:
                stats['errors'] += 1
                if os.environ.get('DUMP_UNITS_VERBOSE'): print(path, repr(e), file=sys.stderr)
                continue
            if 'consts' in md and type(md['consts']) is list:
                # 3.15: the constants as a list in LOAD_CONST index order (no names in the metadata)
                emit_unit(w, path, seq, list(md['consts']), True, co, None)
            elif 'consts' in md:
                consts = [k[1] if type(k) is tuple else k for k, v in sorted(md['consts'].items(), key=lambda kv: kv[1])]
                emit_unit(w, path, seq, consts, True, co, md)
            else:
                # 3.14+: compiler_codegen's metadata no longer has the unit's constants: guess them
                consts, pads = guess_consts(seq.get_instructions(), co)
                emit_unit(w, path, seq, consts, False, co, None, pads)
            stats['files'] += 1
            stats['units'] += 1
            walk_nested(w, path, seq, co, stats)
    print(stats, file=sys.stderr)
    sys.stderr.flush()
    os._exit(0)

main()
