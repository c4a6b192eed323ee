"""trio's nursery: the original structured concurrency in Python."""
import trio

# region main
async def work(name, seconds):
    try:
        await trio.sleep(seconds)
        if name == "B":
            raise ValueError("B failed")
        print(f"{name}: finished")
    except trio.Cancelled:
        print(f"{name}: cancelled")
        raise

async def main():
    try:
        async with trio.open_nursery() as nursery:
            for name, seconds in [("A", 0.1), ("B", 0.02), ("C", 0.1)]:
                nursery.start_soon(work, name, seconds)
    except* ValueError as group:
        print("main caught:", group.exceptions)

trio.run(main)
# endregion
