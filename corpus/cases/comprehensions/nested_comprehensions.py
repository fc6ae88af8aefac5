# jpyc: feature nested comprehensions: matrix transpose, comprehension inside comprehension
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
transposed = [[row[i] for row in matrix] for i in range(len(matrix[0]))]
diagonal = [matrix[i][i] for i in range(len(matrix))]
grid = {(r, c): v for r, row in enumerate(matrix) for c, v in enumerate(row) if v % 2}
sets = [{y for y in range(x)} for x in range(4)]
deep = [[[k for k in range(j)] for j in range(i)] for i in range(3)]
gen_of_lists = (sum([y for y in range(x)]) for x in range(5))


def in_function(n):
    return {i: [j * i for j in range(n) if j != i] for i in range(n)}
