"""A tiny function through ctypes: the crossing costs more than the work."""
import ctypes
import os
import pathlib
import subprocess
import tempfile
import timeit
from deckgen_trace import metric

def build_library():
    source = pathlib.Path(__file__).with_name("sum_squares.c")
    out_dir = os.environ.get("DECKGEN_SCRATCH") or tempfile.mkdtemp()
    library = pathlib.Path(out_dir, "libsum.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", source, "-o", library], check=True)
    return ctypes.CDLL(str(library))

# region main
lib = build_library()
lib.add.argtypes = [ctypes.c_int64, ctypes.c_int64]
lib.add.restype = ctypes.c_int64

def add(a, b):
    return a + b

calls = 100_000
py_ns = timeit.timeit("add(2, 3)", globals=globals(), number=calls) / calls * 1e9
c_ns = timeit.timeit("lib.add(2, 3)", globals=globals(), number=calls) / calls * 1e9
print(f"Python add: {py_ns:5.0f} ns per call")
print(f"C add:      {c_ns:5.0f} ns per call ({c_ns / py_ns:.1f}x slower)")
# endregion
metric("slowdown", c_ns / py_ns, "x")
