# A snippet whose metrics file holds a value in arrays nested 200,000 deep, or as deep
# as argv[1] says (issue 24, item 1: it segfaulted deckgen while the warning was
# formatted, leaving its TMPDIR folders). With the two objects around it, 30 arrays nest
# 32 deep, the limit.
import os, sys

depth = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], "metrics-1.json"), "w") as f:
    f.write('{"metrics": {"fine": 1, "deep": ' + "[" * depth + "]" * depth + "}}")
