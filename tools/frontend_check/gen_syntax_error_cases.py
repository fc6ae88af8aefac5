# Writes one small .py file per snippet into DIR (argv[1]): syntax errors aimed at the parser's
# invalid_* rules and generic failure paths (plus a few valid lines), for ast_parse_oracle.py /
# ParseCheck.java. Usage: python3 gen_syntax_error_cases.py DIR
import os, sys
S = r'''
f(a for a in b, c)
f(c, a for a in b)
f(**a, *b)
f(a=1, b)
f(**k, b)
f(a, b for b in c, d)
x = 1 = 2
f() = 1
a + 1 = 2
(a, b) += 1
[a, b] += 1
a, b: int
(a, b): int
[a]: int
1: int
del f()
del (a, 1)
del [a, *b]
for 1 in x: pass
for f() in x: pass
with a as 1: pass
with a as f(): pass
x = yield = 1
a if b
a if b else
True = 1
None = 1
__debug__ = 1
f(True=1)
f(a, a=1, *b, c)
def f(a=1, b): pass
def f(*): pass
def f(*, **k): pass
def f(**k, a): pass
def f(**k=1): pass
def f(*a=1): pass
def f(a, /, b, /): pass
def f(/, a): pass
def f(*a, /): pass
def f(a, *, b, *c): pass
def f((a, b)): pass
lambda *: 1
lambda a=1, b: 1
lambda **k, a: 1
print "hello"
exec "code"
import a.b as 1
from x import a, b,
from x import
import
from x import (a, b
if x
  pass
if x:
pass
while x
  pass
for x in y
  pass
def f()
  pass
class A
  pass
try:
  pass
try:
  pass
except
  pass
try:
  pass
except A, B:
  pass
try:
  pass
except* :
  pass
try:
  pass
except A:
  pass
except* B:
  pass
x = {1: 2, 3}
x = {1: *a}
x = {1:}
x = {**a for a in b}
x = [*a for a in b]
x = (*a for a in b)
x = {a: b for a, b in c, d}
f(x for x in y, )
x = 1 +
x = (1 +)
x = not
x = a not b
x = a ! b
x = 1 if 2
a = b = c = not d
f(a=b=c)
f(a, b=c d)
x = f'{a!z}'
x = f'{a!}'
x = f'{a:'
x = f'{}'
x = f'{!r}'
x = f'{a=!}'
x = f'{lambda x: 1}'
match x:
  case 1 as _:
    pass
match x:
  case A(b=1, c):
    pass
match x:
  case {**a, b: 1}:
    pass
match x:
  case 1+:
    pass
match x
  case 1: pass
match x:
  case 1
    pass
class A(x for x in y): pass
@x
y = 1
x = 1 +* 2
x += yield
x = [1, 2 3]
x = (1 2)
f(1 2)
x = a.1
x = 1.a
async = 1
await = 1
def f[](): pass
class A[]: pass
type X[] = int
def f[T: int = 1, *Ts: int](): pass
x = (a := 1)
(a.b := 1)
(a[0] := 1)
def f(): return *a
x = *a
x = *a, *b
print(*a if b else c)
global x,
nonlocal
raise X from
assert
del
return 1 2
a b c
if x:
    pass
  else:
    pass
if x:
    pass
elif:
    pass
x = [i for i in range(3) if]
x = lambda: yield
x = 0777
x = 1__2
with (a as b, c as d,): pass
with (open(x) as f, ): pass
with a as b c: pass
import a from b
from .. import *
from __future__ import braces
f(**)
f(*)
x[1:2:3:4]
x = ...
x = "abc" b"def"
x = f"a" b"b"
x = b"\xff" "a"
x = '\N{NOPE}'
x = '\x4'
x = b'\x4'
x = '\U00110000'
'''
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
# A snippet is a run of lines: each line starting at column 0 begins a new one, except else/except/elif/case lines.
snips, cur = [], []
for line in S.strip("\n").split("\n"):
    if line and not line[0].isspace() and not line.startswith(("except", "else", "elif", "finally")) and cur:
        snips.append("\n".join(cur) + "\n")
        cur = []
    cur.append(line)
if cur:
    snips.append("\n".join(cur) + "\n")
for i, s in enumerate(snips):
    with open(os.path.join(out, "e%03d.py" % i), "w") as fh:
        fh.write(s)
print(len(snips), "cases")
