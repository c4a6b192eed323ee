"""Thirty downloads, one after another (each one waits 20 ms)."""
import time
from deckgen_trace import metric

def fetch(url):
    time.sleep(0.02)                   # the network is slow, not us
    return f"page {url}"

# region main
urls = range(30)
start = time.perf_counter()
pages = [fetch(url) for url in urls]
elapsed = time.perf_counter() - start
print(f"{len(pages)} pages in {elapsed * 1000:.0f} ms")
# endregion
metric("elapsed", elapsed * 1000, "ms")
