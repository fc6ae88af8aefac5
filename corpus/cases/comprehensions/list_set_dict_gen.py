# jpyc: feature list, set, dict comprehensions and generator expressions with conditions
data = range(20)
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
index = {str(x): x for x in data if x > 5 if x < 15}
lazy = (x + 1 for x in data)
total = sum(x for x in data if x % 3)
pairs = [(x, y) for x in range(3) for y in range(x)]
flat = [c for word in ["ab", "cd"] for c in word]
keyed = {k: v for k, v in zip("abc", range(3))}
nested_cond = [x if x % 2 else -x for x in data]
unpack = [a + b for a, b in [(1, 2), (3, 4)]]
starred = [[*row, 0] for row in [(1,), (2, 3)]]
gen_call = list(x for x in "xyz")
