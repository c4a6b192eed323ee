"""The thirty downloads as coroutines in one thread."""
import asyncio
import time
from deckgen_trace import metric, span

async def fetch(url):
    with span(f"fetch {url}"):
        await asyncio.sleep(0.02)       # yields to the event loop while waiting
        return f"page {url}"

# region main
async def main():
    urls = range(30)
    start = time.perf_counter()
    pages = await asyncio.gather(*(fetch(url) for url in urls))
    elapsed = time.perf_counter() - start
    print(f"{len(pages)} pages in {elapsed * 1000:.0f} ms, one thread")
    return elapsed

elapsed = asyncio.run(main())
# endregion
metric("elapsed", elapsed * 1000, "ms")
