import random
random.seed(7)
bad = [b"x = 1__0", b"x = 0777", b"x = 0x", b"x = 1e", b"x = 1e+", b"x = 0b12", b"x = 0o8", b"x = 0o", b"x = 0b", b"x = 1_", b"x = 1.5_", b"x = 0x_g", b"x = 1j_", b"x = 12abc", b"x = 0xfg", b"x = 1.0e5x", b"x = 5e-", b"y = 0_0_", b"x = 01",
       b"x = 'abc", b"x = '''abc", b"s = 'a\\'", b'x = "abc', b"x = b'abc", b"x = f'abc", b"x = f'{a", b"x = f'{a}", b"x = f'}'", b"x = f'{'", b"x = f'{a!}'", b"x = f'{)}'", b"x = f'''{a", b"x = t'{a'",
       b"x = )", b"x = (]", b"x = [)", b"(\n]", b"x = }", b"x = (1,", b"x = [1,\n2,", b"x = {", b"x = \\ y", b"x = 1 \\", b"\xe2\x82\xac = 1", b"a\xe2\x80\x8bb = 1", b"x = \x01", b"x = \x0b1", b"x = 2 \xe9", b"x = \xff",
       b"if 1:\n\tx=1\n        y=2", b"if 1:\n    x=1\n  y=2", b"def f():\n  x\n y", b"if 1:\n        x = 1\n\ty = 2", b"x = [" * 201, b"f'{f'{f'{f'{1}'}'}'}'", b"x = 1if 1 else 2", b"x = 0or 1", b"x = 1in y",
       b"x = 'a'\\\n'b'", b"x = \\\n\\\n1", b"  \\\nx = 1", b"x = (\\\n1)", b"x = f'{x:{y:{z}}}'", b"x = f'{x=}'", b"x = f'\\{x}'", b"x = f'{x}}'", b"x = f'{{'", b"x = rb'\\'", b"x = br'\\'", b"x = ur''", b"x = f'''\n{x\n}'''"]
pre = [b"", b"import os\n", b"# c\n\n", b"def f():\n    pass\n", b"x = 'caf\xc3\xa9'\n"]
out = []
for b in bad:
    for p in pre:
        out.append((p + b + b"\n").hex())
        out.append((p + b).hex())
print("\n".join(out))
