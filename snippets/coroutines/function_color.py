"""Calling a coroutine function from ordinary code does not run it."""
import asyncio

async def fetch_price(item):
    await asyncio.sleep(0.01)
    return 42

# region main
def report():                            # an ordinary function ...
    price = fetch_price("book")          # ... gets a coroutine object, not 42
    print("price:", price)

report()
print("fixed:", asyncio.run(fetch_price("book")))  # async all the way up
# endregion
