# jpyc: feature imports inside try/except, if, functions, classes; import of the same module twice
try:
    import tomllib as toml
except ImportError:
    toml = None

if toml is None:
    import json as toml
else:
    from json import loads

import json
import json


class Lazy:
    import math
    pi = math.pi

    def method(self):
        from math import tau
        return tau


def shadow():
    import os
    os = os.getcwd()
    return os
