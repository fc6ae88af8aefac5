# jpyc: feature async with whose body ends in an if that returns (3.11: the return's unwinding through the with leaves no location in force, so the POP_BLOCK after the body takes the if's jump location)
import asyncio


async def update(session, url, payload, before):
    async with session.put(url, json=payload) as resp:
        if resp.status < 300:
            async with session.get(
                url, json=payload
            ) as resp_get:
                after = await resp_get.json()
                if before == after:
                    return await changed(after, resp_get.status, "get")
        return await changed(before, resp.status, "set")


async def constant(lock, ready):
    async with lock:
        if ready:
            return 1


async def through_finally(lock, ready, log):
    async with lock:
        try:
            if ready:
                return await log("ready")
        finally:
            log("done")


async def changed(value, status, how):
    await asyncio.sleep(0)
    return value, status, how
