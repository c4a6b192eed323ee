"""Cancelling a task: it stops at its current await and cleans up."""
import asyncio

# region main
async def download():
    try:
        print("download: started")
        await asyncio.sleep(10)          # cancellation arrives here
        print("download: finished")      # never printed
    except asyncio.CancelledError:
        print("download: cancelled, closing the connection")
        raise                            # let cancellation continue
    finally:
        print("download: cleanup done")

async def main():
    task = asyncio.create_task(download())
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task is cancelled:", task.cancelled())
# endregion

asyncio.run(main())
