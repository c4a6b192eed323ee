"""A pipeline: threads that share nothing but queues."""
import queue
import threading
import time
from deckgen_trace import instant, metric, span

DONE = object()                          # tells the next stage to stop
blocked_puts = 0                         # puts that found their queue full
blocked_lock = threading.Lock()          # two stages count into it

def put(out, item):
    """out.put(item), counting (and marking on the timeline) each put that must wait."""
    global blocked_puts
    try:
        out.put_nowait(item)
    except queue.Full:
        with blocked_lock:
            blocked_puts += 1
        instant("queue full")
        out.put(item)

# region main
def download(urls, out):
    for url in urls:
        with span("download", url=url):
            time.sleep(0.005)            # network: fast
        put(out, f"<html>{url}</html>")  # waits while the queue is full
    put(out, DONE)

def parse(inbox, out):
    while (page := inbox.get()) is not DONE:
        put(out, page.upper())
    put(out, DONE)

def save(inbox):
    while (record := inbox.get()) is not DONE:
        with span("save", record=record):
            time.sleep(0.015)            # disk: three times slower

pages, records = queue.Queue(maxsize=2), queue.Queue(maxsize=2)
stages = [(download, range(8), pages), (parse, pages, records), (save, records)]
# endregion
threads = [threading.Thread(target=stage, args=args) for stage, *args in stages]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"8 pages saved; {blocked_puts} puts found their queue full and waited")
metric("blocked_puts", blocked_puts, "")
