# jpyc: feature and/or/not in value and jump contexts, nested short-circuit
def classify(a, b, c):
    if a and b or c:
        r1 = 1
    else:
        r1 = 0
    if not (a or b) and not c:
        r2 = "none"
    elif a and (b or c):
        r2 = "a+"
    else:
        r2 = "other"
    r3 = a and b and c
    r4 = a or b or c
    r5 = (a or b) and (b or c)
    r6 = not a
    r7 = not not b
    while a and not b:
        a = False
    return r1, r2, r3, r4, r5, r6, r7, (x for x in (a, b) if x or c)


x = classify(1, 0, None) or classify(0, 0, 0)
y = [v for v in range(10) if v % 2 and v > 3 or v == 0]
z = x if x and y else None
