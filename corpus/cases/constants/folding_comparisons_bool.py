# jpyc: feature constant conditions in if/while, not of constants, comparisons of constants
if 1 < 2:
    a = "folded?"
if "a" == "a":
    b = 1
if not 0:
    c = 2
if (1, 2):
    d = 3
if ():
    e = 4
else:
    e = 5
while ():
    pass
x = 1 if "" else 2
y = not ()
z = (1 and 2) or 3
