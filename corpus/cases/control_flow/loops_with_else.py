# jpyc: feature for/else and while/else with break, continue and nested loops
def find_prime_factors(n):
    factors = []
    for p in range(2, n + 1):
        while n % p == 0:
            factors.append(p)
            n //= p
        if n == 1:
            break
    else:
        factors.append("none")
    return factors


def search(matrix, target):
    for r, row in enumerate(matrix):
        for c, value in enumerate(row):
            if value == target:
                break
        else:
            continue
        return r, c
    return None


def countdown(n):
    while n > 0:
        n -= 1
        if n == 5:
            continue
        if n == 2:
            break
    else:
        return "finished"
    return n
