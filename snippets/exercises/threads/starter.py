"""Exercise (section 5): twenty slow requests, one after another. Overlap them."""
import time

def fetch(n):
    time.sleep(0.005)                    # the network
    return n * n

# region main
start = time.perf_counter()
results = [fetch(n) for n in range(20)]  # TODO: a ThreadPoolExecutor
print(f"sum {sum(results)} in {(time.perf_counter() - start) * 1000:.0f} ms")
# endregion
