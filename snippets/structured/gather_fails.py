"""gather: one task fails, the others run on with nobody waiting for them."""
import asyncio

# region main
async def work(name, seconds):
    await asyncio.sleep(seconds)
    if name == "B":
        raise ValueError("B failed")
    print(f"{name}: finished (is anybody listening?)")

async def main():
    try:
        await asyncio.gather(work("A", 0.1), work("B", 0.02), work("C", 0.1))
    except ValueError as error:
        print("main caught:", error)
    await asyncio.sleep(0.15)             # main goes on with other things...

asyncio.run(main())
# endregion
