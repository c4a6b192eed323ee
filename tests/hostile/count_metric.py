# Records the metric n = argv[1] (issue 24, item 7: `{{ratio a b m.n}}` with b's n = 0
# showed a bare n/a).
import os, sys

with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], "metrics-1.json"), "w") as f:
    f.write('{"metrics": {"n": %s}}' % sys.argv[1])
