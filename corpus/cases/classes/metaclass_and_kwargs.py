# jpyc: feature metaclass keyword, class keywords, __init_subclass__, __prepare__, star bases
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"prepared": True}

    def __new__(mcs, name, bases, ns, **kw):
        ns["options"] = kw
        return super().__new__(mcs, name, bases, ns)


class Plugin:
    registry = []

    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(name or cls.__name__)


class A(metaclass=Meta, flag=True):
    pass


class B(Plugin, name="bee"):
    pass


bases = (Plugin,)
extra = {"name": "dyn"}


class Dynamic(*bases, **extra):
    pass
