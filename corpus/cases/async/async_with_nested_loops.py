# jpyc: feature async with inside async for inside try; return from inside async with
import contextlib


@contextlib.asynccontextmanager
async def opened(name):
    yield [name, name]


async def scan(names):
    found = []
    try:
        for name in names:
            async with opened(name) as lines:
                for line in lines:
                    if line == "stop":
                        return found
                    found.append(line)
    except Exception:
        found.clear()
    return found
