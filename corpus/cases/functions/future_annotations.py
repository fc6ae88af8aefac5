# jpyc: feature 'from __future__ import annotations': annotations stored as strings
from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Node:
    value: int
    children: list[Node] = dataclasses.field(default_factory=list)
    parent: Node | None = None

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child


def walk(node: Node, depth: int = 0, *args: tuple[int, ...], **kw: dict[str, "Node"]) -> list[tuple[int, Node]]:
    out: list[tuple[int, Node]] = [(depth, node)]
    for ch in node.children:
        out += walk(ch, depth + 1)
    return out


weird: (lambda: 1)() + [x for x in ()] = 3
module_level: dict[str, int] = {}
