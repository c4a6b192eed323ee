"""A pipeline: threads that share nothing but queues."""
import queue
import threading
import time
from deckgen_trace import span

DONE = object()                          # tells the next stage to stop

# region main
def download(urls, out):
    for url in urls:
        with span(f"download {url}"):
            time.sleep(0.02)             # network
        out.put(f"<html>{url}</html>")
    out.put(DONE)

def parse(inbox, out):
    while (page := inbox.get()) is not DONE:
        out.put(page.upper())
    out.put(DONE)

def save(inbox):
    while (record := inbox.get()) is not DONE:
        with span(f"save {record}"):
            time.sleep(0.01)             # disk
        print("saved", record)

pages, records = queue.Queue(maxsize=2), queue.Queue(maxsize=2)
stages = [(download, range(4), pages), (parse, pages, records), (save, records)]
# endregion
threads = [threading.Thread(target=stage, args=args) for stage, *args in stages]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
