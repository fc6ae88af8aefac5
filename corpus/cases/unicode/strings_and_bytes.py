# jpyc: feature non-ASCII string constants: Latin-1 range, BMP, astral, combining marks, RTL
latin1 = "déjà vu — naïve café"
bmp = "中文字符 русский ελληνικά"
astral = "😀 𝄞 𠀀"
combining = "e\u0301 vs é"
rtl = "שלום مرحبا"
mixed = "ASCII then ü then 中 then 😀"
zero_width = "a\u200bb"
escaped_same = "\u00e9" == "é"
keys = {"ключ": 1, "键": 2, "🔑": 3}
one_latin1 = "ÿ"
one_bmp = "Ā"
one_astral = "𐀀"
