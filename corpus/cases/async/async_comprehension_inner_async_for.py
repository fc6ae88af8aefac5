# jpyc: feature an async comprehension whose inner generator is an async for: its GET_AITER at the comprehension (3.12) or at the iterable (3.13+)
async def agen(it):
    for i in it:
        yield i


async def run_list():
    return [i + 1 for pair in ([10, 20], [30, 40]) if pair[0] > 10
            async for i in agen(pair) if i > 30]


async def run_set(groups):
    return {x async for g in groups
            async for x in agen(g)}
