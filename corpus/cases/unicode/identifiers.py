# jpyc: feature non-ASCII identifiers: Latin, Greek, CJK, Cyrillic in names, attributes, params
π = 3.14159
café = "coffee"
naïve = True
日本語 = "japanese"
переменная = 42
Ωμέγα = [π, café]


def größe(länge, breite=1, *, höhe=2):
    ergebnis = länge * breite * höhe
    return ergebnis


class Ñandú:
    ñ = 1

    def método(self, señal):
        self.señal = señal
        return self.ñ


print(größe(2), Ñandú().método(日本語), переменная, Ωμέγα, naïve)
