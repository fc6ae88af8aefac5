# jpyc: feature module-level assignments to dunder and special names, rebinding builtins
__all__ = ["public"]
__version__ = "1.0"
__author__ = "nobody"
public = 1
_private = 2
print = print
len = len
True_ = True
None_ = None
id = 3
del id
