# jpyc: feature identifier-like and non-identifier strings, repeated constants (interning/refs)
names = ["alpha", "alpha", "beta", "beta", "not an identifier", "not an identifier"]
keys = {"alpha": 1, "beta": 2, "with space": 3, "": 4, "_": 5, "a" * 3: 6}
one_char = ["a", "é", "\x00", "\u4e2d", "\U0001F600"]


def uses_same_strings(d):
    return d["alpha"], d["beta"], d["with space"], "alpha" in d


class Config:
    alpha = "alpha"
    beta = "beta"

    def get(self, name="alpha"):
        return getattr(self, name, "beta")
