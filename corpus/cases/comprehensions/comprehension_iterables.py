# jpyc: feature various iterables in comprehensions: tuples, strings, calls, attribute chains, starred
import itertools

letters = [c for c in "hello"]
indexed = [(i, c) for i, c in enumerate(letters, start=1)]
chained = [x for x in itertools.chain([1], (2,), {3})]
starred_iter = [x for x in (*letters, *"ab")]
from_dict = {k.upper(): v for k, v in {"a": 1}.items()}
const_iter = [x for x in (1, 2, 3)]
set_iter = [x for x in {1, 2}]
list_iter = [x for x in [4, 5, 6] if x in {4, 6}]
zipped = [a * b for a, b in zip(range(3), range(3, 6))]
sliced = [x for x in letters[1:-1]]
cond_iter = [x for x in (letters if letters else [])]
