"""Fire and forget: the loop holds tasks weakly, so an unreferenced task can vanish."""
import asyncio
import gc

# region main
async def worker(name, log):
    try:
        await asyncio.get_running_loop().create_future()  # waits forever
    finally:
        log.append(name)                  # runs even when it is destroyed

async def main(keep):
    log, background = [], set()
    task = asyncio.create_task(worker("kept" if keep else "forgotten", log))
    if keep:
        background.add(task)              # a strong reference...
        task.add_done_callback(background.discard)  # ...dropped when done
    del task
    await asyncio.sleep(0)                # the task starts and waits
    gc.collect()                          # a collection, as may happen anytime
    print(f"keep={keep}: ended early: {log or 'none'}")

asyncio.run(main(keep=False))
asyncio.run(main(keep=True))
# endregion
