# jpyc: feature async generators (yield, yield in try/finally, async with/for inside), async comprehensions of every kind, await in comprehension conditions, async lambdas via comprehension
async def agen(n):
    try:
        for i in range(n):
            yield i
            await sleep(0)
    finally:
        await close()


async def agen_with(resource):
    async with resource as r:
        async for item in r:
            if item:
                yield item
            else:
                continue
        yield None


async def comps(source):
    a = [x async for x in source]
    b = {x async for x in source if await check(x)}
    c = {x: y async for x, y in source}
    d = (x async for x in source)
    e = [await x for x in things]
    f = [y for x in [z async for z in source] for y in x]
    return a, b, c, d, e, f


async def nested_gen():
    async def inner():
        yield 1
    return [i async for i in inner()]


async def yield_from_await(x):
    v = yield await x
    yield v
