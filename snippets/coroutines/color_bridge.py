"""Function colour: asyncio.run inside a running loop fails; two bridges that work."""
import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)   # the coroutine the failed call never ran

async def fetch_price(item):
    await asyncio.sleep(0.005)
    return 42

# region main
def legacy_report():                 # sync code, deep in an old library
    return asyncio.run(fetch_price("book"))

async def handler():
    try:
        legacy_report()              # asyncio.run inside a loop
    except RuntimeError as error:
        print("RuntimeError:", error)
    # bridge 1: run the sync code on a thread (its own loop)
    print("on a thread:", await asyncio.to_thread(legacy_report))
    # bridge 2: sync code on a thread calls back into this loop
    loop = asyncio.get_running_loop()
    def sync_caller():
        future = asyncio.run_coroutine_threadsafe(fetch_price("pen"), loop)
        return future.result()       # blocks that thread, not the loop
    print("back on the loop:", await asyncio.to_thread(sync_caller))

asyncio.run(handler())
# endregion
