"""What does a parked thread really cost in memory?"""
import threading
from deckgen_trace import metric

def memory_kb():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["VmRSS"].split()[0]), int(fields["VmSize"].split()[0])

# region main
count = 200
release = threading.Event()
rss_before, virtual_before = memory_kb()
threads = [threading.Thread(target=release.wait) for _ in range(count)]
for t in threads:
    t.start()
rss_after, virtual_after = memory_kb()
release.set()
for t in threads:
    t.join()

rss_each = (rss_after - rss_before) / count
virtual_each = (virtual_after - virtual_before) / count
print(f"per thread: {rss_each:.0f} kB resident, {virtual_each:.0f} kB virtual")
# endregion
metric("kb_each", rss_each, "kB")
metric("virtual_kb_each", virtual_each, "kB")
