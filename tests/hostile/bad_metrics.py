# One good metric among bad ones: the bad are named, the good one survives (item 7).
from deckgen_trace import metric

metric("ratio", float("nan"))
metric("huge", float("inf"))
metric("label", "fast")
metric("flag", True)
metric("speed", 12.5, "ms")
