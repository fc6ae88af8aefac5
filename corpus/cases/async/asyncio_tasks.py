# jpyc: feature asyncio TaskGroup and timeouts with async with (3.11 APIs, syntax for all)
import asyncio


async def job(i):
    await asyncio.sleep(0)
    return i * i


async def main():
    results = []
    async with asyncio.timeout(5) if hasattr(asyncio, "timeout") else asyncio.sleep(0):
        pass
    tasks = [asyncio.create_task(job(i)) for i in range(5)]
    for t in asyncio.as_completed(tasks):
        results.append(await t)
    return sorted(results)


if __name__ == "__main__":
    print(asyncio.run(main()))
