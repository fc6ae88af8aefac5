"""Compare jpyc's code objects with the running interpreter's, field by field (not marshal identity).

    java -cp engine/target/classes:engine/target/test-classes org.jpyc.codegen.MarshalTree 3.10 SRC OUT [OPT]
    OPT=N python3.10 tools/compare_code_objects.py SRC OUT [--list]

For every SRC/**.py this interpreter compiles, OUT/<rel>.py.marshal (written by MarshalTree) is loaded and compared
recursively with compile(source, path, 'exec', optimize=OPT): co_code, co_consts (nested code objects by name and
line, frozensets by their sorted reprs), names, varnames, freevars, cellvars, co_linetable, stacksize, flags, counts.
Prints how many files are identical and, per field, how many files differ with a first example (--list: every
differing file and its first differing unit). For interpreters without compiler stage hooks (3.10).
"""
import collections
import marshal
import os
import sys

FIELDS = ['co_code', 'co_consts', 'co_names', 'co_varnames', 'co_freevars', 'co_cellvars', 'co_linetable',
          'co_stacksize', 'co_flags', 'co_argcount', 'co_kwonlyargcount', 'co_nlocals', 'co_firstlineno', 'co_name']


def norm(consts):
    out = []
    for x in consts:
        if hasattr(x, 'co_code'):
            out.append(('code', x.co_name, x.co_firstlineno))
        elif isinstance(x, float) and x != x:
            out.append(('nan', repr(x)))
        elif isinstance(x, frozenset):
            out.append(('frozenset', tuple(sorted(map(repr, x)))))
        else:
            out.append((type(x).__name__, x))
    return tuple(out)


def walk(got, want, path, diffs):
    for f in FIELDS:
        a, b = getattr(got, f), getattr(want, f)
        if f == 'co_consts':
            a, b = norm(a), norm(b)
        if a != b:
            diffs.append((path + '.' + got.co_name, f))
    inner_got = [x for x in got.co_consts if hasattr(x, 'co_code')]
    inner_want = [x for x in want.co_consts if hasattr(x, 'co_code')]
    if len(inner_got) != len(inner_want):
        diffs.append((path + '.' + got.co_name, 'nested count'))
        return
    for x, y in zip(inner_got, inner_want):
        walk(x, y, path + '.' + got.co_name, diffs)


def main():
    src, out = sys.argv[1], sys.argv[2]
    listing = '--list' in sys.argv[3:]
    optimize = int(os.environ.get('OPT', '0'))
    bad = collections.Counter()
    example = {}
    files = identical = missing = 0
    for root, _, names in os.walk(src):
        for n in sorted(names):
            if not n.endswith('.py'):
                continue
            p = os.path.join(root, n)
            rel = os.path.relpath(p, src)
            try:
                want = compile(open(p, 'rb').read(), p, 'exec', dont_inherit=True, optimize=optimize)
            except Exception:
                continue
            files += 1
            m = os.path.join(out, rel + '.marshal')
            if not os.path.exists(m):
                missing += 1
                example.setdefault('jpyc error', rel)
                continue
            diffs = []
            walk(marshal.loads(open(m, 'rb').read()), want, '', diffs)
            if not diffs:
                identical += 1
                continue
            if listing:
                print(rel, diffs[0])
            for f in {f for _, f in diffs}:
                bad[f] += 1
                example.setdefault(f, rel + ' ' + next(p for p, g in diffs if g == f))
    print(f'{identical}/{files} files identical in the compared fields; jpyc errors {missing}')
    for f, k in bad.most_common():
        print(f'  {f}: {k} files, e.g. {example[f]}')
    if 'jpyc error' in example:
        print('  jpyc error, e.g.', example['jpyc error'])


if __name__ == '__main__':
    main()
