# jpyc: feature pass and ellipsis bodies in every block position
class Empty:
    pass


class Protocolish:
    def method(self): ...

    def other(self) -> int:
        ...


def stub(a, b):
    pass


for _ in range(3):
    pass
else:
    pass

while False:
    pass

if stub(1, 2) is None:
    pass
elif Empty:
    ...
else:
    pass

try:
    pass
except Exception:
    pass
finally:
    pass

with open(__file__) as fh:
    pass
