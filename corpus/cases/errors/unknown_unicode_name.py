# jpyc: expect SyntaxError
# jpyc: feature unknown \N{...} name after non-ASCII text in the literal: the error range counts the escaped buffer

PRICES = {"café": 2.5}


def label(item):
    return f"{item}: €{PRICES[item]}" + "\N{EURO SIGNN}"
