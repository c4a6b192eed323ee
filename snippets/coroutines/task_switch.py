"""Ping-pong between two asyncio tasks: what one task switch costs."""
import asyncio
import time
from deckgen_trace import metric

# region main
async def player(rounds):
    for _ in range(rounds):
        await asyncio.sleep(0)         # "let someone else run"

async def main():
    rounds = 20_000
    start = time.perf_counter()
    await asyncio.gather(player(rounds), player(rounds))
    elapsed = time.perf_counter() - start
    per_switch = elapsed / (2 * rounds)
    print(f"{per_switch * 1e6:.2f} µs per switch between tasks")
    return per_switch

per_switch = asyncio.run(main())
# endregion
metric("ns_per_switch", per_switch * 1e9, "ns")
