# jpyc: feature expressions after non-ASCII text on the same line (UTF-8 byte column offsets)
données = {"clé": [1, 2, 3]}
résultat = données["clé"][0] + données["clé"][1] * données["clé"][2]
text = "€€€" + str(résultat) + "ñ" * 2
print("αβγ", résultat / 0 if False else résultat, text)
value = "😀😀".encode()[0] + len("中文" * 3)
items = [x for x in "ÄÖÜ" if x != "Ö"]
