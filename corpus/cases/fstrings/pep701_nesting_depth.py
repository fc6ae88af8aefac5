# jpyc: versions >=3.12
# jpyc: feature PEP 701: arbitrary nesting and lambdas/walrus without extra parens
x = 5
a = f"{f"{f"{f"{f"{f"{x}"}"}"}"}"}"
b = f"{(lambda: 1)()}"
c = f"{(y := 10)} {y}"
d = f"{x:{x}} {x:>{x}{'d'}}"
e = f"{x!r:{"^"}{x}}"
