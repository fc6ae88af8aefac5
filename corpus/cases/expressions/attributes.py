# jpyc: feature attribute load/store/delete chains and method calls
import os.path


class Node:
    def __init__(self, value, child=None):
        self.value = value
        self.child = child
        self._cache = {}

    def walk(self):
        node = self
        while node is not None:
            yield node.value
            node = node.child

    @property
    def depth(self):
        return 1 + (self.child.depth if self.child else 0)


root = Node(1, Node(2, Node(3)))
root.child.child.value = 30
root.child.value += 5
del root._cache
print(root.child.child.value, root.depth, list(root.walk()))
print(os.path.join("a", "b").upper().lower())
name = root.__class__.__name__
method = root.walk
(root.child).value = 7
getattr(root, "value").__class__.__mro__[0].__name__
