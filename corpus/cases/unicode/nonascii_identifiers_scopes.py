# jpyc: feature non-ASCII identifiers in every scope kind: NFKC-normalised names, keyword arguments, attributes, closures, class private mangling, globals and nonlocals
ｖａｌｕｅ = 1
ﬁle = "ligature"
données = {"clé": 1}


def fonction(paramètre, *, clé=None, **κ):
    global ｖａｌｕｅ
    résultat = paramètre + ｖａｌｕｅ
    def intérieur():
        nonlocal résultat
        résultat += 1
        return résultat, κ
    return intérieur


class Classe:
    __privé = 1
    ℌ = "H"

    def méthode(self):
        return self.__privé, self.ℌ, Classe.__privé


def 函数(参数):
    return [变量 for 变量 in 参数], lambda λ: λ


x = fonction(1, clé=2, ñ=3).μ
