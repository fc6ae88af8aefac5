# jpyc: feature functions that read, write and delete globals; implicit globals and builtins
CACHE = {}
hits = 0


def lookup(key):
    global hits
    if key in CACHE:
        hits += 1
        return CACHE[key]
    value = CACHE[key] = len(str(key))
    return value


def reset():
    global CACHE, hits
    CACHE = {}
    del hits
    hits = 0


def builtin_shadow():
    len = 3
    return len + max(1, 2)


def define_global():
    global NEW_GLOBAL
    NEW_GLOBAL = "created"
