# jpyc: feature assignment expressions inside comprehensions bind in the enclosing scope
def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


def first_match(items, pred):
    if any((found := item) and pred(item) for item in items):
        return found
    return None


def nested_walrus(rows):
    return [[(last := cell) for cell in row] for row in rows], last


stats = [y for x in range(5) if (y := x * x) > 3]
print(y)


class Holder:
    data = [1, 2]

    def method(self):
        return [(z := d) for d in self.data], z
