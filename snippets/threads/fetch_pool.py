"""The same thirty downloads on a pool of WORKERS threads."""
import os
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

def fetch(url):
    time.sleep(0.02)                   # sleep releases the GIL
    return f"page {url}"

# region main
workers = int(os.environ.get("WORKERS", "5"))
urls = range(30)
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=workers) as pool:
    pages = list(pool.map(fetch, urls))
elapsed = time.perf_counter() - start
print(f"{len(pages)} pages on {workers} threads in {elapsed * 1000:.0f} ms")
# endregion
metric("elapsed", elapsed * 1000, "ms")
