# jpyc: feature nested format specs and f-strings inside f-strings (pre-3.12 compatible)
import datetime

now = datetime.datetime(2024, 5, 6, 7, 8, 9)
fmt = "%Y-%m-%d"
prec = 3
w = 10
val = 2 / 3
a = f"{now:{fmt}}"
b = f"{val:{w}.{prec}f}"
c = f"{f'{val:.2f}':>{w}}"
d = f"{'x':{'>' if val > 0.5 else '<'}{w}}"
e = f"{now:%H:%M}"
f = f"{val!r:{w}}"
g = f'{"inner"}{f"{prec}"}'
