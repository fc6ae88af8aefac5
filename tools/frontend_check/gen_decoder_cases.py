import random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
names = ["utf-8","UTF_8","utf8","latin-1","Latin_1","iso-8859-15","cp1252","ascii","foobar","hex","utf-8-sig","koi8-r","euc-jp","shift_jis","iso8859-1-x","LATIN-1-FOO","cp437","mac-roman","big5","iso-latin-1","utf_8_sig","UTF-8-emacs", "rot13", "iso8859_2", "cp1251", "gbk", "l1", "u8"]
lines = ["", "#!/usr/bin/env python", "# -*- coding: %s -*-", "  # vim: set fileencoding=%s :", "x=1 # coding: %s", "#coding=%s", "\t\f# coding:%s", "# coding %s", "#  coding:   %s extra", "pass", "#", "     "]
pay = [b"abc", b"\xe9", b"\xc3\xa9", b"\x80", b"\x81", b"\xff", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80", b"\xe2\x82", b"\x8e\xa1", b"\xa4\xa2", b"'", b"\\\\", b"z"]
out = []
for k in range(400):
    nl = random.choice([b"\n", b"\r\n", b"\r"])
    parts = []
    for _ in range(random.choice([0, 1, 2, 2])):
        l = random.choice(lines)
        if "%s" in l: l = l % random.choice(names)
        parts.append(l.encode())
    p = b"".join(random.choice(pay) for _ in range(random.randint(0, 4))).replace(b"'", b"")
    src = nl.join(parts + [b"x = '" + p + b"'"])
    if random.random() < 0.5: src += nl
    if random.random() < 0.2: src = b"\xef\xbb\xbf" + src
    if random.random() < 0.03: src = src.replace(b"x", b"x\0", 1)
    out.append(src.hex())
print("\n".join(out))
