"""Writes one absurd trace into DECKGEN_OUT_DIR (issue 13): python3 write_trace.py KIND.

Each kind once ran deckgen out of time, memory or stack; now each must be the red
"cannot be drawn" box and exit 1. The large ones are streamed, so this script stays small.
"""
import os
import sys

kind = sys.argv[1]
path = os.path.join(os.environ["DECKGEN_OUT_DIR"], "trace-1.json")
with open(path, "w") as out:
    if kind == "huge_times":  # ran at 100% CPU, growing to 2 GB
        out.write('[{"ph":"X","name":"a","ts":1.7976931348623157e308,"dur":1.7976931348623157e308,"pid":1,"tid":1}]')
    elif kind == "infinite":  # 1e999 parses as infinity
        out.write('[{"ph":"X","name":"a","ts":0,"dur":1e999,"pid":1,"tid":1}]')
    elif kind == "lanes":  # a million lanes took 1.57 GB
        out.write("[")
        for tid in range(1_000_000):
            out.write('{"ph":"X","name":"a","ts":%d,"dur":1,"pid":1,"tid":%d},' % (tid, tid))
        out.write('{"ph":"i","name":"end","ts":0,"pid":1,"tid":1}]')
    elif kind == "events":
        out.write("[")
        for i in range(1_200_000):
            out.write('{"ph":"i","ts":%d},' % i)
        out.write('{"ph":"i","ts":0}]')
    elif kind == "deep_args":  # crashed deckgen (SIGSEGV)
        depth = 100_000
        out.write('[{"ph":"X","name":"a","ts":0,"dur":1,"pid":1,"tid":1,"args":')
        out.write('{"a":' * depth + "1" + "}" * depth + "}]")
    else:
        sys.exit("unknown kind " + kind)
