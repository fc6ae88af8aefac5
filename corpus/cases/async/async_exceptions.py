# jpyc: feature exception handling in coroutines: try/except around await, async with suppressing
import asyncio


class Suppress:
    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        return et is ValueError


async def failing():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def handle():
    try:
        await failing()
    except ValueError as exc:
        msg = str(exc)
    else:
        msg = None
    finally:
        await asyncio.sleep(0)
    async with Suppress():
        await failing()
    try:
        async with Suppress():
            raise KeyError
    except KeyError:
        return msg
