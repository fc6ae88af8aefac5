# jpyc: feature format specs with literal text, fill characters and nested fields
import decimal

n = 1234567.891
d = decimal.Decimal("1.5")
a = f"{n:,}"
b = f"{n:_.2f}"
c = f"{n:*^30,.1f}"
e = f"{255:#x} {255:#o} {255:#b} {255:08b}"
f = f"{d:.3}"
g = f"{'s':*<5}"
h = f"{n:{'>'}{20},}"
i = f"{-n:+010.1f}"
j = f"{n:=+20.2e}"
