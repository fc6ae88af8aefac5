# jpyc: feature backslash continuations in expressions, statements, strings and with headers
total = 1 + \
    2 + \
    3
if total > 5 and \
        total < 10:
    result = "in range"
assert total == 6, \
    "message"
with open(__file__) as a, \
        open(__file__) as b:
    same = a.read() == b.read()
text = "a long string \
continued"
value = [1,
         2,
         3] \
    + [4]
def f(a,
      b):
    return a + \
b
x = \
  1
