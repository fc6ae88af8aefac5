# jpyc: feature f-string replacement fields, conversions and format specs
name = "jpyc"
value = 3.14159
width = 12
items = [1, 2, 3]

a = f"plain {name}"
b = f"{name!r} {name!s} {name!a}"
c = f"{value:.2f} {value:>{width}.3} {value:{width}}"
d = f"{items[0]} {items[-1]} {len(items)} {items!r:>20}"
e = f"{{literal braces}} {name}"
f = f"{'nested quotes'}"
g = f"{value:e}" f"{value:%}" "plain" f"{value}"
h = f""
i = f"{name}" "" f""
j = f"{3 + 4 * 2}"
k = f"{name.upper()}-{name[1:]}"
l = f"{ {'a': 1}['a'] }"
m = f"{(lambda x: x * 2)(21)}"
n = f"{name if name else 'none'}"
o = f"{value!r:^{width}}"
p = F"{name}"
