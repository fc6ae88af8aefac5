# jpyc: feature dict comprehensions: evaluation order of key/value, tuple keys, walrus in key
def invert(d):
    return {v: k for k, v in d.items()}


order = []
result = {order.append("k") or i: order.append("v") or i for i in range(2)}
tuple_keys = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
nested_values = {i: {j: i + j for j in range(i)} for i in range(3)}
walrus_key = {(k := i * 2): k + 1 for i in range(3)}
