"""Python's objects for the vocabulary: coroutine, task, future."""
import asyncio
import concurrent.futures

async def fetch():
    await asyncio.sleep(0)
    return 42

# region main
async def main():
    coro = fetch()                   # runs nothing yet
    print("fetch() gives a", type(coro).__name__)
    task = asyncio.create_task(coro) # the loop runs it
    print("a Task is a Future:",
          isinstance(task, asyncio.Future))
    print("result:", await task)

asyncio.run(main())
with concurrent.futures.ThreadPoolExecutor() as pool:
    future = pool.submit(sum, [1, 2, 3])
    print(type(future).__name__, future.result())
# endregion
