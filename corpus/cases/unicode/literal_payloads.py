# jpyc: feature non-ASCII str literals kept as their UTF-8 bodies: plain, raw, triple-quoted, with and without escapes, concatenated, in f-string text; quotes, backslashes and newlines at every offset of an 8-byte window
short = "é"
word = 'naïve café'
cjk = "日本語のテキスト、とても長い文字列です。"
emoji = "emoji 😀 and 🎂 and more text after them"
raw = r"сырой \d+ текст ü"
escaped = "ü\té\n\u00f1\x41 ñ"
triple = """многострочная
строка ü é ñ
    с отступом"""
raw_triple = r'''raw ü \n
second line é'''
joined = "ü" "é" 'ñ' "plain ascii"
mixed = "abc" + "ü" * 3
quote_at_0 = "'ü"
quote_at_7 = "1234567'ü"
quote_at_8 = "12345678'ü"
backslash_at_7 = "1234567\\ü"
backslash_at_8 = "12345678\\ü"
escaped_quote_at_9 = "123456789\"ü"
long_ascii_then_nonascii = "0123456789abcdef0123456789abcdef0123456789abcdef ü"
name = "мир"
greeting = f"Привет, {name}! {1 + 2:>10} ü"
raw_f = rf"сырой {name} \d+ ü"
triple_f = f"""строка {name}
ü {name!r} é"""
# a comment with ü, é and a long run of ASCII after it: 0123456789abcdef0123456789abcdef0123456789
values = (short, word, cjk, emoji, raw, escaped, triple, raw_triple, joined, mixed)  # trailing comment ñ
