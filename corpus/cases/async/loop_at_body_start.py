# jpyc: feature a generator or coroutine whose body starts at a loop's head: 3.10 puts GEN_START in the unit's entry block, which no jump targets, so the loop's back jumps land after it
async def ghost_killer(self):
    while True:
        running = {job: start for job, start in self.jobs.items()}
        if running:
            continue
        await self.sleep()


def ticks(n):
    while n:
        if n % 2:
            n -= 1
            continue
        yield n
        n -= 1


async def agen(xs):
    for x in xs:
        if x:
            continue
        yield x
