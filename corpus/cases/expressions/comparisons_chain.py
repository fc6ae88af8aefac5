# jpyc: feature chained comparisons in value and branch contexts
def grade(score):
    if 90 <= score <= 100:
        return "A"
    elif 80 <= score < 90:
        return "B"
    elif 0 <= score < 80 != score:
        return "C"
    return "?"


def between(a, b, c, d):
    return a < b < c < d, a == b != c, a is not b is c, a in [b] not in [[c]]


def in_loop(items, lo, hi):
    count = 0
    for it in items:
        while lo < it <= hi > 0:
            count += 1
            it -= 1
    return count


flag = 1 < 2 > 0 == 0 <= 1 >= 1
