# jpyc: feature "from .__future__ import": up to 3.12 future.c takes it as a future import (here: string annotations), from 3.13 it is a plain relative import
# jpyc: optimize 0,1,2
from .__future__ import annotations


def f(a: int, b: "list[str]" = None) -> dict:
    return {a: b}
