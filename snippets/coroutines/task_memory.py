"""What does a parked asyncio task cost in memory?"""
import asyncio
from deckgen_trace import metric

def memory_kb():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["VmRSS"].split()[0])

# region main
async def main():
    count = 3_000
    release = asyncio.Event()
    before = memory_kb()
    tasks = [asyncio.create_task(release.wait()) for _ in range(count)]
    await asyncio.sleep(0)             # let every task start and park
    after = memory_kb()
    release.set()
    await asyncio.gather(*tasks)
    print(f"per task: {(after - before) / count:.1f} kB resident")
    return (after - before) / count

kb_each = asyncio.run(main())
# endregion
metric("kb_each", kb_each, "kB")
