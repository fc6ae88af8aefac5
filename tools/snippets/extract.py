#!/usr/bin/env python3
"""Code snippets from CPython's own tests, as a corpus directory.

    python3 tools/snippets/extract.py [--all-strings | --doctests] LIB OUT

LIB is an interpreter's Lib/ (e.g. ~/.cache/jpyc/cpython/3.13.5-1.5.12/lib/python3.13); every module under LIB/test
is read with `ast`, and each string constant passed as the first (or second) argument of compile/exec/eval, of the
tests' syntax-checking helpers (check_syntax_error, assertSyntaxError, _check_error, ...) or after compile/exec/eval
in assertRaises(SyntaxError, compile, SRC, ...) is written to OUT as sNNNNN_<module>.py (textwrap.dedent(...) of a
constant is dedented first; equal snippets once). With --all-strings it writes every str constant of those modules
that spans lines (at least 12 characters, no NUL) as aNNNNN_<module>.py instead: code, doctests, expected output
and prose alike, each a source whose acceptance or error must match CPython's. With --doctests it writes the source
of every doctest example in LIB's modules (all of them, not only the tests) and .txt files as dNNNNN_<file>.py. The snippets are what CPython's tests compile, so most of them are
rejected on purpose, each in its own way: `./jpyc conformance --checks ast,error,compile,symtable --corpus OUT`.
conformance/README.md ("Snippets from CPython's tests") records the runs.
"""
import ast, os, sys, hashlib
args = [a for a in sys.argv[1:] if not a.startswith('--')]
all_strings = '--all-strings' in sys.argv[1:]
doctests = '--doctests' in sys.argv[1:]
lib = args[0]; out = args[1]
os.makedirs(out, exist_ok=True)
if doctests:
    # --doctests: the source of every doctest example (doctest.DocTestParser) in the string constants of every
    # module of LIB (site-packages left out) and in its .txt files
    import doctest
    parser = doctest.DocTestParser()
    seen = set(); n = 0
    for root, dirs, files in os.walk(lib):
        dirs.sort()
        if 'site-packages' in root: continue
        for f in sorted(files):
            p = os.path.join(root, f)
            try:
                if f.endswith('.py'):
                    tree = ast.parse(open(p, 'rb').read())
                    docs = [x.value for x in ast.walk(tree)
                            if isinstance(x, ast.Constant) and isinstance(x.value, str) and '>>>' in x.value]
                elif f.endswith('.txt'):
                    docs = [open(p, encoding='utf-8').read()]
                else:
                    continue
            except Exception:
                continue
            for d in docs:
                try: examples = parser.get_examples(d)
                except Exception: continue
                for e in examples:
                    src = e.source.encode('utf-8', 'surrogatepass')
                    h = hashlib.sha1(src).hexdigest()
                    if h in seen: continue
                    seen.add(h); n += 1
                    open(os.path.join(out, 'd%05d_%s.py' % (n, f.rsplit('.', 1)[0][:16])), 'wb').write(src)
    print(n, 'doctest examples')
    sys.exit()
names = {'compile', 'exec', 'eval', 'check_syntax_error', 'assertSyntaxError', '_check_error', 'check_error',
         'assertInvalid', 'assertValid', 'check_syntax_warning', '_check_in_scopes', 'check_src', 'run_code',
         'check_ast_roundtrip', 'assertAST', 'expect_error', 'checkSyntaxError', 'assertNotCompiles', 'assertCompiles'}
seen = set(); n = 0
for root, dirs, files in os.walk(os.path.join(lib, 'test')):
    dirs.sort()
    for f in sorted(files):
        if not f.endswith('.py'): continue
        p = os.path.join(root, f)
        try: tree = ast.parse(open(p, 'rb').read())
        except Exception: continue
        if all_strings:
            # --all-strings: every str constant of the test modules that spans lines, code or not
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 12 \
                        and '\n' in node.value and '\x00' not in node.value:
                    src = node.value.encode('utf-8', 'surrogatepass')
                    h = hashlib.sha1(src).hexdigest()[:12]
                    if h in seen: continue
                    seen.add(h); n += 1
                    open(os.path.join(out, 'a%05d_%s.py' % (n, f[:-3][:16])), 'wb').write(src)
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call): continue
            fn = node.func
            nm = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None
            if nm in ('assertRaises', 'assertRaisesRegex', 'assertWarns', 'assertWarnsRegex'):
                # assertRaises(SyntaxError, compile, SRC, ...): the argument after compile/exec/eval
                args = node.args
                for i, x in enumerate(args):
                    if isinstance(x, ast.Name) and x.id in ('compile', 'exec', 'eval') and i + 1 < len(args):
                        node = ast.Call(func=ast.Name('compile'), args=[args[i + 1]], keywords=[])
                        nm = 'compile'
                        break
            if nm not in names: continue
            for a in node.args[:2]:
                if isinstance(a, ast.Call) and isinstance(a.func, (ast.Name, ast.Attribute)) and \
                        (getattr(a.func, 'id', None) or getattr(a.func, 'attr', None)) == 'dedent' and a.args and \
                        isinstance(a.args[0], ast.Constant) and isinstance(a.args[0].value, str):
                    import textwrap
                    a = ast.Constant(textwrap.dedent(a.args[0].value))
                if isinstance(a, ast.Constant) and isinstance(a.value, (str, bytes)) and a.value.strip():
                    src = a.value if isinstance(a.value, bytes) else a.value.encode('utf-8', 'surrogatepass')
                    h = hashlib.sha1(src).hexdigest()[:12]
                    if h in seen: continue
                    seen.add(h); n += 1
                    open(os.path.join(out, 's%05d_%s.py' % (n, f[:-3][:20])), 'wb').write(src)
                    break
print(n, 'snippets')
