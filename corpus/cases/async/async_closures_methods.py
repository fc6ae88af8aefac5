# jpyc: feature async methods, async lambdas-by-closure, async def nested with nonlocal
import asyncio


class Client:
    def __init__(self):
        self.calls = 0

    async def get(self, key):
        self.calls += 1
        return key

    @staticmethod
    async def static():
        return "s"

    @classmethod
    async def build(cls):
        return cls()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        pass


def make_counter():
    count = 0

    async def tick():
        nonlocal count
        count += 1
        await asyncio.sleep(0)
        return count

    return tick
