# jpyc: versions >=3.12
# jpyc: feature a '#' inside a string in an f-string debug expression: 3.12 and 3.13 cut the debug text at every '#' (to the end of its line, quotes or not), 3.14 only at a comment outside quotes in a text spanning lines, 3.15 likewise with escapes

a = f'{"#" = }'
b = f"{'a#b' * 2 = }"
c = f'''{("#", 1
) = }'''
d = f'''{(1,  # a comment
  "x#y") = }'''
