# Runs alternate between 0.9 and 1.1 (by run index), so the median sits on the claim's
# bound of 1 and no number of runs can decide it: the picture's undecided claim.
if [ $((DECKGEN_RUN_INDEX % 2)) -eq 0 ]; then ratio=0.9; else ratio=1.1; fi
printf '{"metrics":{"ratio":{"value":%s,"unit":""}}}\n' "$ratio" >"$DECKGEN_OUT_DIR/metrics-$$.json"
