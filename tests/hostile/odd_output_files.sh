# Output files that are not regular files: a FIFO (reading it would block for ever) and
# a folder (it has no size) where traces and metrics are expected (item 10).
mkfifo "$DECKGEN_OUT_DIR/trace-1.json"
mkdir "$DECKGEN_OUT_DIR/trace-2.json"
mkfifo "$DECKGEN_OUT_DIR/metrics-1.json"
echo done
