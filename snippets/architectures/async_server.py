"""One thread, one event loop, 100 clients connected at the same time."""
import asyncio
import time
from deckgen_trace import metric

async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    reply = await reader.readline()
    writer.close()
    return reply

# region main
async def handle(reader, writer):        # one cheap task per connection
    request = await reader.readline()
    await asyncio.sleep(0.05)            # a slow backend behind us
    writer.write(b"echo " + request)
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
    port = server.sockets[0].getsockname()[1]
    start = time.perf_counter()
    replies = await asyncio.gather(*(client(port) for _ in range(100)))
    elapsed = time.perf_counter() - start
    print(f"{len(replies)} clients served in {elapsed * 1000:.0f} ms "
          f"(one by one: at least {100 * 50} ms)")
    return elapsed
# endregion

elapsed = asyncio.run(main())
metric("elapsed", elapsed * 1000, "ms")
