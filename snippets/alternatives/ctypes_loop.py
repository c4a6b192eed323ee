"""Move a hot loop into C, compiled at build time, called through ctypes."""
import ctypes
import os
import pathlib
import subprocess
import tempfile
import time
from deckgen_trace import metric

def build_library():
    source = pathlib.Path(__file__).with_name("sum_squares.c")
    out_dir = os.environ.get("DECKGEN_SCRATCH") or tempfile.mkdtemp()
    library = pathlib.Path(out_dir, "libsum.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", source, "-o", library], check=True)
    return ctypes.CDLL(str(library))

def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

def timed(function, n):
    start = time.perf_counter()
    result = function(n)
    return result, time.perf_counter() - start

# region main
lib = build_library()
lib.sum_squares.argtypes = [ctypes.c_int64]
lib.sum_squares.restype = ctypes.c_int64

n = 300_000
py_result, py_time = timed(sum_squares, n)
c_result, c_time = timed(lib.sum_squares, n)
assert py_result == c_result
print(f"Python {py_time * 1000:7.2f} ms")
print(f"C      {c_time * 1000:7.2f} ms   ({py_time / c_time:.0f}x faster)")
# endregion
metric("speedup", py_time / c_time, "x")
