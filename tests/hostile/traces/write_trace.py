"""Writes one absurd trace into DECKGEN_OUT_DIR (issue 13): python3 write_trace.py KIND [N].

Each kind up to deep_args once ran deckgen out of time, memory or stack; now each must
be the red "cannot be drawn" box and exit 1. The kinds after it (issue 24) are drawn, in
a figure under 1 MB. The large ones are streamed, so this script stays small.
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
    # These draw (issue 24, item 5): the figure stays under the README's 1 MB.
    elif kind == "nested_spans":  # 100,000 spans, each inside the one before
        n = 100_000
        out.write(",".join('{"ph":"X","name":"level %d","ts":%d,"dur":%d,"pid":1,"tid":1}' % (i % 7, i, 2 * (n - i))
                           for i in range(n)).join("[]"))
    elif kind == "counters":  # 20,000 values of 50 counter series (or as many as argv[2] says)
        count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
        out.write("[")
        for i in range(20_000):
            series = ",".join('"s%d":%d' % (k, (i * 7919 + k * 104729) % 1000) for k in range(count))
            out.write('%s{"ph":"C","name":"load","pid":1,"ts":%d,"args":{%s}}' % ("," if i else "", i * 10, series))
        out.write("]")
    elif kind == "huge_name":  # a span, a mark, a counter and a thread named by 50 MB
        name = "n" * (50 << 20)
        out.write('[{"ph":"X","name":"%s","ts":0,"dur":1000,"pid":1,"tid":1},' % name)
        out.write('{"ph":"i","name":"%s","ts":5,"pid":1,"tid":1},' % name)
        out.write('{"ph":"C","name":"%s","ts":5,"pid":1,"args":{"%s":1}},' % (name, name))
        out.write('{"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"%s"}}]' % name)
    elif kind == "name_of":  # a span named by argv[2] characters: 'n's, the last one 'Z'
        name = "n" * (int(sys.argv[2]) - 1) + "Z"
        out.write('[{"ph":"X","name":"%s","ts":0,"dur":1000,"pid":1,"tid":1}]' % name)
    else:
        sys.exit("unknown kind " + kind)
