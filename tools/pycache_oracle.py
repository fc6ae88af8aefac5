#!/usr/bin/env python3
"""Ask a real CPython for cache_from_source / source_from_cache on a fixed case list.

For the conformance suite (org.jpyc.pyc.PycacheRules must give the same lines): run under each
interpreter, e.g. `PYTHONHASHSEED=0 python3.12 tools/pycache_oracle.py /some/cwd`. Prints one line per case:
  kind <TAB> path <TAB> optimization <TAB> pycache_prefix <TAB> result-or-"ExcType: message"
with \\N for None. The cwd argument is chdir'ed to first (results under a prefix depend on it; '/'
exercises the IndexError of 3.10-3.13).
"""
import importlib.util as u
import os
import sys

N = '\\N'
PATHS = ['a.py', 'a/b.py', '/a/b.py', '/x.py', 'x.py', './x.py', './a/b.py', '../a/b.py', 'a//b.py', 'a/b/',
         'a/.py', 'a/b', 'a/b.c.py', 'a/b.pyw', '/', '', 'a/b.py.py', '.hidden/x.py', 'a/\u00fc.py', 'C:/x.py',
         'c:x/y.py', '/a/./b.py', 'a/b..py', '//a/b.py', 'a/b.py/', './/x.py', './../x.py', 'a/.b.c', 'x.', '.']
OPTS = [N, '', '0', '1', '2', 'a', 'opt', '-1', 'x y', '\u00b2', '\u0663', '1.5']
PREFIXES = [N, '/tmp/pfx', '/tmp/pfx/', 'rel/pfx', 'pfx', '/', '//', '', './p']
CACHED = ['__pycache__/a.cpython-312.pyc', 'a/__pycache__/b.cpython-312.opt-1.pyc', 'a/__pycache__/b.pyc',
          'a/b.cpython-312.pyc', '__pycache__/a.cpython-312.opt.pyc', '__pycache__/a.cpython-312.opt-.pyc',
          '__pycache__/a.cpython-312.opt-a-b.pyc', '__pycache__/a.b.c.d.e', '/tmp/pfx/a/b.cpython-312.pyc',
          '/tmp/pfx/a/b/c.cpython-312.opt-2.pyc', '/tmp/pfx/a.cpython-312.pyc', 'pfx/x/y.cpython-310.pyc',
          '/x/__pycache__/y.anything.pyc', '__pycache__/.cpython-312.pyc', 'x/__pycache__/a.b', '/__pycache__/a.b.c',
          '__pycache__//a.b.c', "it's/__pycache__/a.b.c", 'q"/x/a.b', 'a\\b/c', '/tmp/pfxx/a.b.c',
          '/tmp/pfx/__pycache__/a.b.c', 'x/__pycache__/a.cpython-312.opt-\u0663.pyc']


def cases():
    for p in PATHS:
        for o in [N, '1', '2', '-1']:
            for pr in PREFIXES:
                yield 'cache', p, o, pr
    for p in ['a.py', 'a/b.py']:
        for o in OPTS:
            yield 'cache', p, o, N
    for p in CACHED:
        for pr in [N, '/tmp/pfx', '/tmp/pfx/', 'pfx', '/', '']:
            yield 'source', p, N, pr


def main():
    os.chdir(sys.argv[1] if len(sys.argv) > 1 else '/')
    sys.stdout.reconfigure(encoding='utf-8')
    for kind, p, o, pr in cases():
        sys.pycache_prefix = None if pr == N else pr
        try:
            if kind == 'cache':
                r = u.cache_from_source(p) if o == N else u.cache_from_source(p, optimization=o)
            else:
                r = u.source_from_cache(p)
        except Exception as e:
            r = '%s: %s' % (type(e).__name__, e)
        print('\t'.join([kind, p, o, pr, r]))


if __name__ == '__main__':
    main()
