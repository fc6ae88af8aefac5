# jpyc: feature lambdas whose body starts or ends on another line than the lambda (3.10: the return takes the body's line)
import os

by_prefix = lambda name: (
    name.isupper()
    and name.startswith("AF_"))
pick = (lambda x:
        x)
pair = lambda x, y=1: (x,
                       y)
either = lambda a, b: (a
                       if a else
                       b)
keys = sorted(os.environ, key=lambda k:
              k.lower())
