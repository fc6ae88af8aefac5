# jpyc: feature form feed characters in indentation and between statements
import os

def f(x):
    y = x + 1
    return y

class C:
    
    def m(self):
        return 1
# comment after form feed
z = f(1)
