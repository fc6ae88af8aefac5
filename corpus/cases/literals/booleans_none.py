# jpyc: feature True/False/None/Ellipsis literals in every position
flags = (True, False, None, ...)
if True:
    t = 1
if False:
    f = 0
while False:
    pass
x = None if True else False
y = not None
z = True + True
e = ... is Ellipsis
d = {None: True, False: ...}
def default(a=None, b=True, c=..., d=False):
    return a is None and b is True and c is ... and d is False
