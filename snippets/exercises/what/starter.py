"""Exercise (section 3): tell a CPU-bound job from an I/O-bound one by measuring it."""
import time

def crunch():
    return sum(i * i % 7 for i in range(100_000))

def download():
    time.sleep(0.02)

# region main
def classify(job):
    # TODO: run job(); compare the CPU time it used (time.process_time)
    # with the wall time it took (time.perf_counter).
    return "?"

for job in (crunch, download):
    print(f"{job.__name__}: {classify(job)}")
# endregion
