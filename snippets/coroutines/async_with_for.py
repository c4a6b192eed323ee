"""async with and async for: setup, teardown and iteration that may await."""
import asyncio

# region main
class Connection:
    async def __aenter__(self):   # connect
        await asyncio.sleep(0.001)
        print("connected")
        return self

    async def __aexit__(self, *exc):  # close
        await asyncio.sleep(0.001)
        print("closed")

    async def rows(self):   # async generator
        for n in range(3):
            await asyncio.sleep(0.001)  # a page
            yield f"row {n}"

async def main():
    async with Connection() as conn:
        async for row in conn.rows():
            print(row)

asyncio.run(main())
# endregion
