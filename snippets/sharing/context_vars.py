"""A request id that follows each asyncio task: a ContextVar against a global."""
import asyncio
import contextvars

# region main
request_global = None
request_id = contextvars.ContextVar("request_id")

def log(message):                        # deep inside, no id passed in
    return f"{message}: global {request_global}, ContextVar {request_id.get()}"

async def handle(rid):
    global request_global
    request_global = rid
    request_id.set(rid)                  # sets it in this task's own context
    await asyncio.sleep(0.01)            # the other requests run meanwhile
    return log(f"request {rid}")

async def main():
    for line in await asyncio.gather(handle("a"), handle("b"), handle("c")):
        print(line)

asyncio.run(main())
# endregion
