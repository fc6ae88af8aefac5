# jpyc: feature functions ending in a return whose call folds an empty tuple constant (3.10: the implicit return's None stays in co_consts)
def replace(obj, /, **changes):
    """Return a new object like obj with some fields changed."""
    if not changes:
        raise ValueError("nothing to change")
    return obj.__class__(**changes)


def call_all(funcs, **kwargs):
    "Docstring."
    for f in funcs:
        f(**kwargs)
    return dict(**kwargs)


class Holder:
    def build(self, *args, **kwargs):
        "Build."
        return type(self)(*args, **kwargs)
