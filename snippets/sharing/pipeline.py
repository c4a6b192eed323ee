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
        with span("parse"):
            out.put(page.upper())
    out.put(DONE)

def save(inbox):
    while (record := inbox.get()) is not DONE:
        with span("save"):
            time.sleep(0.01)             # disk
        print("saved", record)

pages, records = queue.Queue(maxsize=2), queue.Queue(maxsize=2)
stages = [threading.Thread(target=download, args=(range(5), pages)),
          threading.Thread(target=parse, args=(pages, records)),
          threading.Thread(target=save, args=(records,))]
for stage in stages:
    stage.start()
for stage in stages:
    stage.join()
# endregion
