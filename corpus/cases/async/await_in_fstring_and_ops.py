# jpyc: feature await in f-strings, operators, conditions, subscripts, return
async def value(x):
    return x


async def compute():
    s = f"{await value(1)} and {await value('two')!r}"
    n = await value(2) ** await value(3)
    if await value(True) and not await value(False):
        n += 1
    d = {"k": [1, 2]}
    item = (await value(d))["k"][await value(0)]
    while await value(False):
        pass
    return s, n, item, -await value(5)
