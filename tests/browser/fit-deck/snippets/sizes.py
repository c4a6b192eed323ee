# Records one number per run, from the command line: charts compare them.
import json, os, sys

value = float(sys.argv[1])
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], f"metrics-{os.getpid()}.json"), "w") as f:
    json.dump({"metrics": {"size": {"value": value, "unit": "KiB"}}}, f)
print(f"size {value} KiB")
