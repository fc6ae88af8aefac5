# jpyc: feature several simple statements per line and in compound headers
import os; import sys; x = 1; y = 2
if x: a = 1; b = 2
else: a = 3; b = 4
while y: y -= 1; x += 1
for i in range(2): x += i; continue
def f(): return 1; pass
class C: z = 1; w = 2
try: v = os.sep
except Exception: v = None
finally: pass
with open(__file__) as fh: data = fh.read(1); n = len(data)
del a; del b
assert x, y; print(x, sys.argv[:0], end="")
