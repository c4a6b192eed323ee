"""Solution (section 9): threads for the waits, a process per core for the parsing."""
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from cores import physical_cores
from deckgen_trace import metric

URLS = [f"https://example.org/page/{n}" for n in range(12)]   # divide evenly over 1 to 4 workers
PAGE = " ".join(f"w{i * 7919 % 4999}" for i in range(120_000))

def fetch(url):
    """The network: 40 ms of waiting for a reply, as requests.get() would."""
    time.sleep(0.04)
    return PAGE

def parse(page):
    """Pure Python: about 20 ms of computing per page, holding the GIL all along."""
    counts = {}
    for word in page.split():
        counts[word] = counts.get(word, 0) + 1
    return len(counts)

def cpu_seconds():
    """CPU time of this process and of its children that have ended (a pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system

# region main
def crawl(urls):
    with ProcessPoolExecutor(max_workers=min(physical_cores(), 4)) as parsers:
        parsers.submit(int).result()     # start the workers while this is the only thread
        with ThreadPoolExecutor(max_workers=len(urls)) as fetchers:
            pages = fetchers.map(fetch, urls)            # the waits overlap, in threads
            return list(parsers.map(parse, pages))       # the computing, on every core
# endregion

if __name__ == "__main__":
    start, cpu = time.perf_counter(), cpu_seconds()
    words = crawl(URLS)
    elapsed, busy = time.perf_counter() - start, cpu_seconds() - cpu
    print(f"{len(words)} pages parsed ({words[0]:,} distinct words each) in {elapsed * 1000:.0f} ms, "
          f"{busy / elapsed:.1f} cores busy")
    metric("elapsed", elapsed * 1000, "ms")
    metric("cores_busy", busy / elapsed, "")
