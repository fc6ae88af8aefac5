import random, sys
random.seed(int(sys.argv[1]))
atoms = ["x", "1", "0x1f", "1_0", "1e5", "'a'", '"b"', "f'", 'f"', "'''", "{", "}", "(", ")", "[", "]", ":", "!", "=", "\\", "\n", "\t", "    ", " ", "#c", "r'\\'", "f'{x}'", "f'{x!r:>{w}}'", "f\"{'a'}\"", "0", "_", "é", "€", "\r\n", "t'", "t'{x}'", "if", "else", ".", "..", "0o7", "0b1", "1j", "'\\N{DASH}'", "f'\\N{BULLET} {x}'", "f'{x=}'", "rb'", "u'", "\f"]
out = []
for _ in range(int(sys.argv[2])):
    s = "".join(random.choice(atoms) for _ in range(random.randint(1, 12)))
    out.append(s.encode("utf-8").hex())
print("\n".join(out))
