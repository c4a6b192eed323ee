"""Solution (section 6): the blocking call runs on a worker thread; the loop keeps beating."""
import asyncio
import time
from deckgen_trace import metric, span

async def heartbeat(lags):
    while True:                          # a beat every 5 ms, each a span on the timeline
        with span("beat"):
            planned = time.perf_counter() + 0.005
            await asyncio.sleep(0.005)
            lags.append(time.perf_counter() - planned)

def load_report():
    with span("load_report"):
        time.sleep(0.05)                 # a blocking library call
    return "report"

async def main():
    lags = []
    beat = asyncio.create_task(heartbeat(lags), name="heartbeat")
    await asyncio.sleep(0.01)
    # region fix
    report = await asyncio.to_thread(load_report)    # the loop keeps running
    # endregion
    await asyncio.sleep(0.01)            # let the heartbeat catch up
    beat.cancel()
    print(f"{report}; worst heartbeat lag {max(lags) * 1000:.0f} ms")
    metric("max_lag", max(lags) * 1000, "ms")

asyncio.run(main())
