# jpyc: feature generator expressions as sole argument, in calls with other args, returned, nested
import heapq


def top(values, n):
    return heapq.nlargest(n, (v for v in values if v is not None))


biggest = max(len(w) for w in ["a", "bbb", "cc"])
joined = ",".join(str(i) for i in range(4))
paired = dict((k, v) for k, v in [("a", 1)])
nested = sum(sum(x for x in range(y)) for y in range(5))
anyall = any(x > 3 for x in range(5)) and all(x >= 0 for x in range(5))
gen = (x for x in range(3))
first = next(gen)
sorted_gen = sorted((x for x in range(5)), key=lambda v: -v)
