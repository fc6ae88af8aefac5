# jpyc: feature async for/else, async with (single, multiple, parenthesized), break/continue
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def resource(name):
    yield name


class AsyncIter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def consume():
    seen = []
    async for v in AsyncIter(5):
        if v == 3:
            continue
        if v == 0:
            break
        seen.append(v)
    else:
        seen.append("exhausted")
    async with resource("a") as a:
        seen.append(a)
    async with resource("b") as b, resource("c") as c:
        seen.append(b + c)
    async with (
        resource("d") as d,
        resource("e"),
    ):
        seen.append(d)
    return seen
