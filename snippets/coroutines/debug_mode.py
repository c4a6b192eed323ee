"""asyncio's debug mode names the coroutine that blocked the loop."""
import asyncio
import time

# region main
async def handle_request():
    time.sleep(0.2)                     # the culprit

async def main():
    await asyncio.create_task(handle_request(), name="handle_request")

asyncio.run(main(), debug=True)         # or: PYTHONASYNCIODEBUG=1
# endregion
