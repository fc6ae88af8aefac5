# jpyc: feature identifiers normalised with NFKC: ligatures, fullwidth, math letters, superscripts
ﬁle = "ligature fi normalises to 'file'"
print(file)
ｆｕｌｌ = "fullwidth normalises to 'full'"
print(full)
𝐛𝐨𝐥𝐝 = "mathematical bold normalises to 'bold'"
print(bold)


def ℌello(ℯ):
    return Hello, e


class Ｋ:
    ａｔｔｒ = 1


print(K.attr, Ｋ.ａｔｔｒ)
