"""Is a job CPU-bound or I/O-bound? Compare CPU time with wall time."""
import time
from deckgen_trace import metric

def crunch():                      # CPU-bound: arithmetic
    return sum(i * i for i in range(1_000_000))

def download():                    # I/O-bound: waiting for someone else
    time.sleep(0.1)

# region main
def cpu_share(job):
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{job.__name__:9} wall {wall * 1000:4.0f} ms, "
          f"CPU {cpu * 1000:4.0f} ms ({cpu / wall:.0%} busy)")
    return 100 * cpu / wall

crunch_share = cpu_share(crunch)
download_share = cpu_share(download)
# endregion
metric("crunch_busy", crunch_share, "%")
metric("download_busy", download_share, "%")
