# jpyc: feature pass/del/assert/global together, multiple targets, empty lines between decorators
import functools
counter = 0


@functools.wraps(print)

def wrapped(*a):
    global counter
    counter += 1
    assert counter > 0
    tmp = a
    del tmp
    pass
    return a


class Empty: pass
def one_liner(): return None
while False: pass
for _ in (): pass
if True: pass
