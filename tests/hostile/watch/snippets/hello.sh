# Writes a one-span trace, so that a build writes traces/ beside the deck too.
echo hello
printf '{"traceEvents": [{"name": "work", "ph": "X", "ts": 0, "dur": 1000, "pid": 1, "tid": 1}]}' \
  >"$DECKGEN_OUT_DIR/trace-$$.json"
