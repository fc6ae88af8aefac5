# jpyc: versions >=3.10
# jpyc: feature PEP 649 conditional annotations under if/for/while/try/with/match, at module and class level
import contextlib

flag = True
if flag:
    a: int = 1
elif not flag:
    b: str
else:
    c: list
for i in range(2):
    d: float
else:
    e: bytes
while flag:
    f: dict
    break
else:
    g: set
try:
    h: tuple
except ValueError:
    i2: int
else:
    j: str
finally:
    k: object
with contextlib.nullcontext():
    m: type
match flag:
    case True:
        n: bool
    case _:
        o: None
p: int = 3


class Box:
    always: int
    if flag:
        sometimes: str = ""
    for q in range(1):
        looped: bytes
    try:
        tried: float
    except Exception:
        pass
    after: complex
    with contextlib.nullcontext():
        within: list


class Plain:
    first: int
    second: str = "x"
