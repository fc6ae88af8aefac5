# jpyc: feature async generators: yield in async def, aclose, asend, try/finally inside
import asyncio


async def countdown(n):
    try:
        while n > 0:
            received = yield n
            if received:
                n = received
            n -= 1
            await asyncio.sleep(0)
    finally:
        print("closed")


async def relay(source):
    async for item in source:
        yield item * 2


async def driver():
    gen = countdown(3)
    first = await gen.__anext__()
    second = await gen.asend(10)
    await gen.aclose()
    return first, second, [x async for x in relay(countdown(2))]
