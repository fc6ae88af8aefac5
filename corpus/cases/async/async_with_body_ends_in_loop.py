# jpyc: feature async with whose body ends in an async for, a for, a pass or a constant (3.11: its POP_BLOCK's line)
async def drain(manager, iterable):
    total = 0
    async with manager:
        async for i in iterable:
            total += i
    async with manager as m:
        for i in m:
            total += i
    async with manager:
        total += 1
        "done"
    async with manager:
        pass
    return total
