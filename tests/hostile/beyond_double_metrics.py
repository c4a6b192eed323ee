# A metrics file with numbers beyond the range of a double beside a good one (issue 24,
# item 7): 1e400 cost every metric of its file; now only its own.
import os

with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], "metrics-1.json"), "w") as f:
    f.write('{"metrics": {"huge": {"value": 1e400, "unit": "ms"}, "tiny": -2E+999, "speed": {"value": 12.5, "unit": "ms"}}}')
