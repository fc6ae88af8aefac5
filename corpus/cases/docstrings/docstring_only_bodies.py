# jpyc: optimize 0,2
# jpyc: feature functions/classes whose body is only a docstring (body becomes empty under -OO)
def stub():
    """Stub."""


class Marker:
    """Marker class."""


async def astub():
    """Async stub."""


def gen_stub():
    """Generator stub."""
    yield


lambda_doc = lambda: "lambdas have no docstrings"
