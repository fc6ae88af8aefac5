# jpyc: feature private name mangling in attributes, locals, globals, imports and nested classes
import collections as __coll


class Secret:
    __slots__ = ("__hidden", "visible")
    __class_attr = 1

    def __init__(self):
        self.__hidden = 42
        self.visible = self.__class_attr

    def __private(self):
        __local = self.__hidden
        return __local

    def reveal(self, __arg=0):
        import os.path as __p
        return self.__private() + __arg, __p, __coll

    class __Inner:
        def get(self):
            return self.__x

    def dunder_not_mangled(self):
        return self.__class__, self.__dict__ if hasattr(self, "__dict__") else None

    def mangled_global(self):
        global __counter
        __counter = 1
        return __counter


class _Under:
    def __m(self):
        return 1

    def call(self):
        return self.__m()


class __Double:
    def __m(self):
        return self.__m
