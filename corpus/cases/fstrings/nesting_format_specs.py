# jpyc: versions >=3.12
# jpyc: feature f-strings nested in format specs and in each other, the same quotes reused (PEP 701), conversions with specs, = debug specifier, nested replacement fields in specs
width, prec, value, name = 10, 3, 3.14159, "x"
a = f"{value:{width}.{prec}f}"
b = f"{value!r:>{width}}"
c = f"{f"{f"{name}"}"}"
d = f"{name=}, {value = :.2f}, {width=!s:>5}"
e = f"{'{'}{name}{'}'}"
f = f"{[f'{i:{w}}' for i, w in ((1, 2), (3, 4))]}"
g = f"{value:{f'{width}'}.{prec}}"
h = f"{name:{'<' if width > 5 else '>'}{width}}"
i = f"{ {'a': 1}['a'] :d}"
j = f"{'nested ' f'{name}' ' concat'}" f"{value!a}" "plain" f"{width:#x}"
k = f"{value:{width}{'.'}{prec}e}"
l = f"""{
    value
    :{width}.{prec}
}"""
m = rf"\{name}\{{literal}}"
o = f"{(lambda x: x * 2)(3)}"
p = f"{name!r:{'^'}{width + 2}}"
