# jpyc: feature yield and await inside larger expressions
async def fetch(x):
    return x


async def compute():
    a = await fetch(1) + await fetch(2)
    b = [await fetch(i) for i in range(3)]
    c = (await fetch(3)) * 2
    d = {await fetch("k"): await fetch("v")}
    e = await fetch(await fetch(4))
    return a, b, c, d, e


def coroutine_like():
    total = 0
    while True:
        total += (yield total) or 0
        lst = [(yield), (yield 1)]
        if not lst:
            break
    return total
