# jpyc: feature async def, await, asyncio.gather, return values
import asyncio


async def fetch(delay, value):
    await asyncio.sleep(delay)
    return value


async def pipeline():
    first = await fetch(0, 1)
    second, third = await asyncio.gather(fetch(0, 2), fetch(0, 3))
    return first + second + third


async def no_await():
    return "plain coroutine"


async def await_in_expressions(x):
    return [await fetch(0, x)] + [await fetch(0, x + 1)]


def run():
    return asyncio.run(pipeline())
