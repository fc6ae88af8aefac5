# jpyc: feature every comparison operator incl. is/is not/in/not in in value and jump positions
def cmp(a, b):
    results = [a < b, a <= b, a == b, a != b, a > b, a >= b,
               a is b, a is not b, a in b, a not in b]
    if a < b: results.append(1)
    if a <= b: results.append(2)
    if a == b: results.append(3)
    if a != b: results.append(4)
    if a > b: results.append(5)
    if a >= b: results.append(6)
    if a is b: results.append(7)
    if a is not b: results.append(8)
    if a in b: results.append(9)
    if a not in b: results.append(10)
    if not a is b: results.append(11)
    if not a in b: results.append(12)
    return results
