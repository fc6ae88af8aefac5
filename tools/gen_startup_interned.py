#!/usr/bin/env python3
"""List the strings a fresh CPython process has interned when py_compile compiles a file.

Usage (run with the interpreter whose state you want, 3.10 or newer; no other side effects):

    PYTHONHASHSEED=0 python3.13 tools/gen_startup_interned.py [--compileall|--compileall-workers] [OUT_DIR]

With --compileall the probe runs where a real `python -B -m compileall` calls py_compile.compile, whose
process has also loaded compileall, argparse, filecmp, pathlib and their imports (jpyc compileall's
reference), and the file written is compileall-interned-X.Y.txt; with --compileall-workers, where a
worker process of `compileall -j 2` does (compileall-workers-interned-X.Y.txt).

OUT_DIR defaults to engine/src/main/resources/org/jpyc/compile; the file written is
startup-interned-X.Y.txt, one string per line (only strings without line breaks), sorted. Java reads
it with org.jpyc.compile.StartupInterned.

Why: _PyCode_New interns a code object's identifier-like constants and its qualname. When an equal
string is already interned, the constant is replaced by that object instead of being interned
itself, and a frozenset constant holding it is rebuilt (intern_constants), and a class body's
__qualname__ constant stays uninterned. Which strings are interned before compiling is process state:
the runtime's static strings and every name of the modules loaded at startup and by py_compile.

How: candidates are the identifier-like strings, names and qualnames of the standard library's code
objects (compiled here, in this process), the keys of every loaded module's and type's namespace and
the parameter names of C signatures (builtin modules imported first), every str that the objects the
garbage collector finds hold (the code of functions made at run time, of modules loaded from site-packages, the
items of containers it does not track), and the static strings of
pycore_global_strings.h if the C sources are given with --include DIR. A second process, started as the project's py_compile
reference is (python -s -B -c "import py_compile,sys; ..."), probes each candidate: a fresh copy
whose sys.intern() is another object was interned already.
"""
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
from types import CodeType, FunctionType, MethodType

# One-character Latin-1 strs are the runtime's singletons: no fresh copy exists to probe with sys.intern. marshal
# writes an interned str in an interned form (Z, A, t), so a singleton that is itself interned shows there; a
# singleton whose text is interned as another object (3.12: 'a', 'r', 'x', ... interned as strs made at
# startup) is not interned itself, and sys.intern of it gives that other object: interning such a constant
# replaces it (and rebuilds a frozenset holding it). Both kinds are listed as interned; the second is also
# written to a companion list, X-shadowed-Y.txt. 3.13+ interns all of them at startup (jpyc knows:
# Feature.LATIN1_SINGLETONS_INTERNED), so they are listed only when some are not ('#', LF and CR escaped: see
# line(); 3.10 interns LF at startup). The probes hold
# no str constant made of name characters only ('w+', not 'w' or 'wb'), which compiling them would intern
# (io.FileIO reads bytes by default).
PROBE_RUN = r"""
def _jpyc_read(_jpyc_in):
    # (files closed: an unclosed one's ResourceWarning interns '__warningregistry__', and keeps it)
    import io
    with io.FileIO(_jpyc_in) as _jpyc_f:
        return _jpyc_f.readall().decode('utf-8', 'surrogatepass').split('\n')

def _jpyc_run(_jpyc_cands, _jpyc_out, out):
    import io, sys, marshal
    # Positional calls only and no attribute lookups in the loop until the probing is done: a call with keywords
    # makes the callee's keyword names interned and held (io.open's 'opener', ... by its argument parser), and a
    # type attribute lookup can evict a name the type cache holds ('_WindowsConsoleIO', looked up at startup):
    # in 3.10, where an interned str lives only while held, either shows in marshal's FLAG_REF.
    _jpyc_intern = sys.intern
    _jpyc_add = out.append
    _jpyc_ones = [chr(i) for i in range(256) if marshal.dumps(chr(i))[0] & 0x7f in b'ZAt']
    _jpyc_shadowed = []
    if len(_jpyc_ones) < 256:
        _jpyc_shadowed = [chr(i) for i in range(256) if chr(i) not in _jpyc_ones and _jpyc_intern(chr(i)) is not chr(i)]
        out.extend(_jpyc_ones + _jpyc_shadowed)
    for t in _jpyc_cands:
        if len(t) < 2:
            continue
        if _jpyc_intern(t) is not t:
            _jpyc_add(t)
    with io.FileIO(_jpyc_out, 'w+') as _jpyc_f:
        _jpyc_f.write('\0'.join(out).encode('utf-8', 'surrogatepass'))
    with io.FileIO(_jpyc_out + '.shadowed', 'w+') as _jpyc_f:
        _jpyc_f.write('\0'.join(_jpyc_shadowed).encode('utf-8', 'surrogatepass'))
"""

# The reference process itself (conformance's driver.py MINIMAL_PY_COMPILE, read from there), compiling a
# one-line module, probed where py_compile has compiled it and is about to marshal it (its call of
# importlib._bootstrap_external._code_to_timestamp_pyc): the candidates are read first, before py_compile is
# imported, so that what the reference does after that point is what this process does too.
DRIVER = os.environ.get('JPYC_DRIVER') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'conformance', 'src',
                                                       'main', 'resources', 'org', 'jpyc', 'conformance', 'oracle', 'driver.py')


def minimal_py_compile():
    """driver.py's MINIMAL_PY_COMPILE, the code of the process the compile check's references come from."""
    import ast
    with open(DRIVER, encoding='utf-8') as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == 'MINIMAL_PY_COMPILE' for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit('no MINIMAL_PY_COMPILE in ' + DRIVER)


PROBE = PROBE_RUN + r"""
import sys as _jpyc_sys
_jpyc_cands = _jpyc_read(_jpyc_sys.argv[1])
_jpyc_dest = _jpyc_sys.argv[2]
_jpyc_also = _jpyc_sys.argv[3]
_jpyc_sys.argv[1:] = _jpyc_sys.argv[4:]
import py_compile as _jpyc_pc
_jpyc_be = _jpyc_pc.importlib._bootstrap_external  # (an import statement would hold the dotted name)
_jpyc_orig = _jpyc_be._code_to_timestamp_pyc
def _jpyc_wrap(*_jpyc_a):
    if _jpyc_also:
        __import__(_jpyc_also)  # (a name from argv: no str constant of its text)
    _jpyc_run(_jpyc_cands, _jpyc_dest, [])
    return _jpyc_orig(*_jpyc_a)
_jpyc_be._code_to_timestamp_pyc = _jpyc_wrap
"""

# The same probe inside a real `python -B -m compileall -q [-j 2] DIR`, run where compileall (with -j: a
# worker process) calls py_compile.compile for the one file in DIR: a sitecustomize module on PYTHONPATH
# wraps py_compile.compile before compileall starts.
SITECUSTOMIZE = r"""
import os as _jpyc_os
if _jpyc_os.environ.get('JPYC_PROBE'):
    import py_compile as _jpyc_pc
    _jpyc_orig = _jpyc_pc.compile
""" + PROBE_RUN.replace('\n', '\n    ').rstrip(' ') + r"""
    def _jpyc_probe(*_jpyc_a, **_jpyc_k):
        _jpyc_in, _jpyc_out = _jpyc_os.environ['JPYC_PROBE'].split(_jpyc_os.pathsep)
        _jpyc_run(_jpyc_read(_jpyc_in), _jpyc_out, [])
        return _jpyc_orig(*_jpyc_a, **_jpyc_k)
    _jpyc_pc.compile = _jpyc_probe
"""

IDENT = re.compile(r'[A-Za-z0-9_]+\Z')


def candidates(include):
    seen = set()

    # (no paths: 3.13 interns every co_filename, and this machine's are nobody else's)
    def add(s, any_text=False):
        if isinstance(s, str) and '\n' not in s and '\r' not in s and '/' not in s and len(s) >= 2 and (any_text or IDENT.match(s) or '.' in s):
            seen.add(s)

    walked = {}  # the code objects of this process's functions met so far, by id (kept alive while their ids are)

    def walk(co, memo=None):
        if memo is not None:
            if id(co) in memo:
                return
            memo[id(co)] = co
        for n in co.co_names + co.co_varnames + co.co_cellvars + co.co_freevars:
            add(n)
        add(co.co_name, True)
        add(getattr(co, 'co_qualname', co.co_name), True)  # 3.10 has no co_qualname
        stack = list(co.co_consts)
        while stack:
            k = stack.pop()
            if isinstance(k, (tuple, frozenset)):
                stack.extend(k)
            elif hasattr(k, 'co_code'):
                walk(k, memo)
            elif isinstance(k, str) and IDENT.match(k):
                add(k)

    # The names the runtime itself holds: every key of the namespaces of the modules and types this process
    # has loaded, the builtin (C) modules imported first, and the parameter names of C functions' signatures.
    # No code object of the standard library needs to name most of a C module's functions, constants and
    # types (posix's WIFEXITED and EX_CONFIG), yet the module's dict holds them interned from startup on,
    # which 3.10's FLAG_REF shows. A superset does no harm: the probe keeps only what its process interned.
    for name in sys.builtin_module_names:
        try:
            __import__(name)
        except Exception:
            pass
    sig = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')

    def add_callable(v):
        text = getattr(v, '__text_signature__', None)
        if isinstance(text, str):
            for m in sig.finditer(text):
                add(m.group(0))

    types = set()
    pending = [object]
    while pending:
        t = pending.pop()
        if t in types:
            continue
        types.add(t)
        try:
            pending.extend(type.__subclasses__(t))
        except TypeError:
            pass
    for mod in list(sys.modules.values()):
        ns = getattr(mod, '__dict__', None)
        if not isinstance(ns, dict):
            continue
        for k, v in list(ns.items()):
            add(k)
            add_callable(v)
            if isinstance(v, type):
                types.add(v)
    for t in types:
        add(t.__name__)
        add(getattr(t, '__qualname__', None))
        add(getattr(t, '__module__', None))
        for k, v in list(vars(t).items()):
            add(k)
            add_callable(v)

    # Every str the objects of this process hold, found through the garbage collector: the code of functions made
    # at run time (collections.namedtuple's eval'd __new__, whose '_cls' 3.10 keeps interned), the code of the
    # modules site loaded from site-packages (_distutils_hack), and the items of containers the collector does not
    # track (a dict of strs and ints, such as os.sysconf_names, whose keys PyDict_SetItemString interned), reached
    # through the containers it does track. The reference processes' own imports come first.
    import gc
    for name in ('py_compile', 'compileall', 'argparse', 'filecmp', 'pathlib', 'concurrent.futures', 'unicodedata'):
        try:
            __import__(name)
        except Exception:
            pass

    def add_items(o, depth):
        if isinstance(o, str):
            add(o)
        elif depth < 4 and not gc.is_tracked(o) and isinstance(o, (tuple, frozenset, set, list)):
            for x in o:
                add_items(x, depth + 1)
        elif depth < 4 and not gc.is_tracked(o) and isinstance(o, dict):
            for k, x in o.items():
                add_items(k, depth + 1)
                add_items(x, depth + 1)

    for o in gc.get_objects():
        if isinstance(o, CodeType):
            walk(o, walked)
        elif isinstance(o, (FunctionType, MethodType)):
            walk(o.__code__, walked)
        elif isinstance(o, dict):
            for k, x in list(o.items()):
                add_items(k, 0)
                add_items(x, 0)
        elif isinstance(o, (tuple, list, set, frozenset)):
            for x in list(o):
                add_items(x, 0)

    lib = sysconfig.get_paths()['stdlib']
    for d, _, files in os.walk(lib):
        if 'site-packages' in d:
            continue
        for f in files:
            if f.endswith('.py'):
                p = os.path.join(d, f)
                try:
                    src = open(p, 'rb').read()
                    walk(compile(src, os.path.relpath(p, lib), 'exec', dont_inherit=True))
                except (SyntaxError, ValueError):
                    pass
    if include:
        h = os.path.join(include, 'internal', 'pycore_global_strings.h')
        text = open(h, encoding='utf-8').read()
        for m in re.finditer(r'STRUCT_FOR_ID\((\w+)\)', text):
            add(m.group(1))
        for m in re.finditer(r'STRUCT_FOR_STR\(\w+, "((?:[^"\\]|\\.)*)"\)', text):
            add(m.group(1), True)
    return sorted(seen)


def line(text):
    """A list line: the text itself, or, where it has a line break or starts with '#' (a comment line) or a
    backslash, a backslash and the text with backslash, LF and CR escaped (StartupInterned reads both)."""
    if '\n' in text or '\r' in text or text.startswith(('#', '\\')):
        return '\\' + text.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r')
    return text


def main():
    args = sys.argv[1:]
    include = None
    compileall = None
    for flag in ('--compileall', '--compileall-workers'):
        if flag in args:
            args.remove(flag)
            compileall = flag[2:]
    if '--include' in args:
        i = args.index('--include')
        include = args[i + 1]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = args[0] if args else os.path.join(here, '..', 'engine', 'src', 'main', 'resources', 'org', 'jpyc', 'compile')
    cands = candidates(include)
    with tempfile.TemporaryDirectory() as tmp:
        cin, cout = os.path.join(tmp, 'in.txt'), os.path.join(tmp, 'out.txt')
        open(cin, 'w', encoding='utf-8', errors='surrogatepass').write('\n'.join(cands))
        env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
        env['PYTHONHASHSEED'] = '0'
        if compileall:
            d = os.path.join(tmp, 'tree')
            site = os.path.join(tmp, 'site')
            os.mkdir(d)
            os.mkdir(site)
            open(os.path.join(d, 'm.py'), 'w').write('x = 1\n')
            open(os.path.join(site, 'sitecustomize.py'), 'w').write(SITECUSTOMIZE)
            env['PYTHONPATH'] = site
            env['JPYC_PROBE'] = cin + os.pathsep + cout
            jobs = ['-j', '2'] if compileall == 'compileall-workers' else []
            subprocess.run([sys.executable, '-B', '-m', 'compileall', '-q'] + jobs + [d], check=True, env=env)
        else:
            # relative paths in the temporary directory: no random name in the process's strs
            open(os.path.join(tmp, 'zzqq.py'), 'w').write('x = 1\n')

            def probe(also, out):
                subprocess.run([sys.executable, '-s', '-B', '-c', PROBE + minimal_py_compile(), 'in.txt', out, also,
                                'zzqq.py', 'zzqq.py', 'zzqq.', '0_TIMESTAMP'], check=True, env=env, cwd=tmp)
                return set(t for t in open(os.path.join(tmp, out), encoding='utf-8', errors='surrogatepass').read().split('\0') if t)
            base = probe('', 'out.txt')
            # The parser imports unicodedata for the first \N{...} escape of a str literal (the unicode-escape
            # decoder's _ucnhash_CAPI) and the first non-ASCII identifier (NFKC normalization): the names of the
            # module's namespace are interned from then on, and held (3.10: flagged).
            # (less a second probe without the import: a str that a run interns or frees by chance, as 3.14's enum
            # does '_Enum__in_progress', is no part of the import)
            more = sorted(probe('unicodedata', 'out-unicodedata.txt') - base - probe('', 'out-again.txt'))
            upath = os.path.join(out_dir, 'unicodedata-interned-%d.%d.txt' % sys.version_info[:2])
            os.makedirs(out_dir, exist_ok=True)
            with open(upath, 'w', encoding='utf-8', errors='surrogatepass') as f:
                f.write('# strings interned in a fresh CPython %s process at py_compile time once the parser has imported'
                        ' unicodedata, and not before (tools/gen_startup_interned.py)\n' % sys.version.split()[0])
                for t in more:
                    f.write(line(t) + '\n')
            print(upath, len(more))
        found = sorted(t for t in open(cout, encoding='utf-8', errors='surrogatepass').read().split('\0') if t)
        shadowed = sorted(t for t in open(cout + '.shadowed', encoding='utf-8', errors='surrogatepass').read().split('\0') if t)
    v = '%d.%d' % sys.version_info[:2]
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, '%s-interned-%s.txt' % (compileall or 'startup', v))
    when = {None: 'py_compile', 'compileall': "python -B -m compileall's py_compile.compile",
            'compileall-workers': "python -B -m compileall -j 2's py_compile.compile (in a worker)"}[compileall]
    with open(path, 'w', encoding='utf-8', errors='surrogatepass') as f:
        f.write('# strings interned in a fresh CPython %s process at %s time (tools/gen_startup_interned.py%s)\n'
                % (sys.version.split()[0], when, ' --' + compileall if compileall else ''))
        f.write('# %d of %d candidates\n' % (len(found), len(cands)))
        for s in found:
            f.write(line(s) + '\n')
    print(path, len(found), 'of', len(cands))
    spath = os.path.join(out_dir, '%s-shadowed-%s.txt' % (compileall or 'startup', v))
    if shadowed:
        with open(spath, 'w', encoding='utf-8') as f:
            f.write('# one-character strs interned in that process as other objects than the runtime\'s singletons'
                    ' (tools/gen_startup_interned.py%s)\n' % (' --' + compileall if compileall else ''))
            for s in shadowed:
                f.write(line(s) + '\n')
        print(spath, len(shadowed))
    elif os.path.exists(spath):
        os.unlink(spath)


if __name__ == '__main__':
    main()
