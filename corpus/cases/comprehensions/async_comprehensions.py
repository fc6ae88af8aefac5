# jpyc: feature async comprehensions: async for, await in element/condition, async generator expressions
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    return x * 2


async def main():
    a = [i async for i in ticker(5)]
    b = {i: await double(i) async for i in ticker(3) if i}
    c = [await double(i) for i in range(3)]
    d = (i async for i in ticker(2))
    e = [j async for i in ticker(2) for j in range(i)]
    f = [x for x in [await double(1)]]
    g = {i async for i in ticker(4) if await double(i) > 2}
    return a, b, c, [v async for v in d], e, f, g
