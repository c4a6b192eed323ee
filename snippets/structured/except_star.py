"""ExceptionGroup and except*: several errors at once, each handled by its type."""
import asyncio

async def check(name, error):
    await asyncio.sleep(0.001)
    if error:
        raise error

# region main
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("disk", OSError("disk full")))
            tg.create_task(check("price", ValueError("bad price")))
            tg.create_task(check("qty", ValueError("bad quantity")))
            tg.create_task(check("ok", None))
    except* ValueError as group:          # every ValueError, together
        print("invalid input:", [str(e) for e in group.exceptions])
    except* OSError as group:             # and, separately, every OSError
        print("system trouble:", [str(e) for e in group.exceptions])

asyncio.run(main())
# endregion
