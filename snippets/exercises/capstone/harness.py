"""The capstone's fake network, its blocking parse and its checks, shared by starter.py and
solution.py: crawl() is what the attendees write; the checks print what actually happened.

No real network: each URL answers after an asyncio.sleep of its own latency, and one never
answers in time. fetch() counts the requests in flight; parse() counts the calls still
running; a heartbeat task measures how late the event loop wakes it."""
import asyncio
import contextlib
import statistics
import threading
import time
import zlib
from deckgen_trace import metric

LIMIT, TIMEOUT = 3, 0.2                  # at most 3 requests at once; give up on one after 0.2 s
SLOW = "https://slow.example.org/"
LATENCY = {f"https://example.org/{n}": 0.02 + 0.01 * (n % 4) for n in range(11)}
LATENCY[SLOW] = 5.0                      # never answers in time
URLS = list(LATENCY)
# A compressed page (190 KB), 36 MB of HTML once unpacked: unpacking it is the blocking parse.
BODY = zlib.compress(b'<p>some words and <a href="/next">a link</a></p>\n' * 750_000, 1)

in_flight = most_in_flight = parses_running = 0
parse_seconds = []                       # how long each parse() took, in its own thread
slow_outcome = "never requested"


async def fetch(url):
    """The network: waits for the URL's latency; cancellable, like any awaited request."""
    global in_flight, most_in_flight, slow_outcome
    in_flight += 1
    most_in_flight = max(most_in_flight, in_flight)
    start = time.perf_counter()
    if url == SLOW:
        slow_outcome = "still waiting when crawl() returned"
    try:
        await asyncio.sleep(LATENCY[url])
        return BODY
    except asyncio.CancelledError:
        if url == SLOW:
            slow_outcome = f"cut after {(time.perf_counter() - start) * 1000:.0f} ms"
        raise
    finally:
        in_flight -= 1


def parse(body):
    """A blocking call into C, as a parser library would make: unpacks the page, about
    20 ms of computing, 64 KB at a time (pieces of 1 MB were fresh memory from the kernel
    each time, whose clearing deckgen saw as other work and flagged half the runs busy on
    an idle machine). zlib lets go of the GIL while it inflates (Modules/zlibmodule.c), so
    a thread doing this leaves the loop free to run. Returns the page's size in KB."""
    global parses_running
    parses_running += 1
    start = time.perf_counter()
    try:
        inflater, size = zlib.decompressobj(), 0
        while body:
            size += len(inflater.decompress(body, 1 << 16))
            body = inflater.unconsumed_tail
        return (size + len(inflater.flush())) // 1024
    finally:
        parse_seconds.append(time.perf_counter() - start)
        parses_running -= 1


async def heartbeat(lags):
    """Asks to be woken every 5 ms and records how late each wake-up came."""
    while True:
        planned = time.perf_counter() + 0.005
        await asyncio.sleep(0.005)
        lags.append(time.perf_counter() - planned)


def check(crawl):
    """Runs crawl(URLS) beside a heartbeat, then prints and records what it observed."""
    left = []

    async def main():
        lags = []
        beat = asyncio.create_task(heartbeat(lags), name="heartbeat")
        pages = await crawl(URLS)
        slow = slow_outcome              # before asyncio.run cancels what crawl() left
        beat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await beat
        # What crawl() left behind, seen before asyncio.run cancels it on the way out.
        left.extend(sorted(t.get_name() for t in asyncio.all_tasks()
                           if t is not asyncio.current_task()))
        return pages, slow, max(lags, default=0), parses_running

    start = time.perf_counter()
    pages, slow, max_lag, parses_left = asyncio.run(main())
    elapsed = time.perf_counter() - start
    print(f"pages parsed: {len(pages)} of {len(URLS)} in {elapsed * 1000:.0f} ms")
    print(f"in flight at most: {most_in_flight} (limit {LIMIT})")
    print(f"slow URL: {slow} (timeout {TIMEOUT * 1000:.0f} ms)")
    parse_ms = statistics.median(parse_seconds) * 1000 if parse_seconds else 0
    print(f"worst heartbeat lag: {max_lag * 1000:.0f} ms; a parse took {parse_ms:.0f} ms")
    print(f"left running: tasks {left}, parses {parses_left};"
          f" threads after asyncio.run: {threading.active_count()}")
    metric("max_lag", max_lag * 1000, "ms")
    metric("most_in_flight", most_in_flight, "")
    metric("elapsed", elapsed * 1000, "ms")
    if parse_seconds:                    # the worst stall in parses: near 1 or more when one ran on the loop
        metric("parse_ms", parse_ms, "ms")
        metric("lag_per_parse", max_lag * 1000 / parse_ms, "")
