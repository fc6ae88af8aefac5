# jpyc: versions >=3.12
# jpyc: feature PEP 695 combined with 'from __future__ import annotations'
from __future__ import annotations


class Stack[T]:
    items: list[T]

    def push(self, item: T) -> Stack[T]:
        self.items.append(item)
        return self

    def pop(self) -> T | None:
        return self.items.pop() if self.items else None


def merge[K, V](a: dict[K, V], b: dict[K, V]) -> dict[K, V]:
    return {**a, **b}


type Graph[N] = dict[N, set[N]]
