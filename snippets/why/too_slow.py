"""A nightly report that feels slow: where does its time go?"""
import time
from deckgen_trace import metric

def fetch(page):                 # stands in for a web request
    time.sleep(0.02)
    return f"<p>{page}</p>" * 200

def parse(html):                 # real work for the CPU
    return sum(len(word) for word in html.split("<p>"))

# region main
waiting = computing = 0.0
cpu_start, wall_start = time.process_time(), time.perf_counter()
for page in range(10):
    t0 = time.perf_counter()
    html = fetch(page)
    t1 = time.perf_counter()
    parse(html)
    t2 = time.perf_counter()
    waiting += t1 - t0
    computing += t2 - t1

total = waiting + computing
cpu_share = (time.process_time() - cpu_start) / (time.perf_counter() - wall_start)
print(f"waiting  {waiting * 1000:6.0f} ms")
print(f"working  {computing * 1000:6.0f} ms")
print(f"waiting share: {waiting / total:.0%}")
print(f"CPU busy (the OS's count): {cpu_share:.0%}")
# endregion
metric("wait_share", 100 * waiting / total, "%")
metric("waiting", waiting * 1000, "ms")
metric("cpu_share", 100 * cpu_share, "%")
