# jpyc: feature assignment targets: subscripts with slices, attributes of calls, nested attribute chains
import types

root = types.SimpleNamespace(child=types.SimpleNamespace(items=[0] * 10, data={}))
root.child.items[2:4] = [9, 9]
root.child.items[::2] = [1] * 5
root.child.data["a"] = root.child.data.setdefault("b", 0)
root.child.data[1, 2] = "tuple key"
root.child.data[...] = "ellipsis"
getattr(root, "child").name = "child"
(root.child.items)[0] = -1
[root.a, root.b] = 1, 2
root.x, root.child.y = 3, 4
