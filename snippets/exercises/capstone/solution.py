"""Capstone solution: a Semaphore, a timeout per request, to_thread, a TaskGroup."""
import asyncio
from harness import LIMIT, TIMEOUT, check, fetch, parse

# region main
async def crawl(urls):
    limit = asyncio.Semaphore(LIMIT)

    async def visit(url):
        async with limit:                            # at most LIMIT requests at once
            try:
                async with asyncio.timeout(TIMEOUT):  # one slow reply is given up
                    body = await fetch(url)
            except TimeoutError:
                return None
        return await asyncio.to_thread(parse, body)  # the blocking call, off the loop

    async with asyncio.TaskGroup() as tg:             # waits for all; none outlives it
        tasks = [tg.create_task(visit(url), name=url) for url in urls]
    return [t.result() for t in tasks if t.result() is not None]
# endregion

check(crawl)
