# docs/using.md, "Errors and messages": what --verbose says about snippets that rerun, and the stage times.
# Three snippets are built once, then each has one input of its cache key changed.
mkdir -p deck snippets/net
cp "$FIXTURE/snippets/net/helpers.py" snippets/net/
cp "$FIXTURE/snippets/doc/fetch.py" snippets/fetch.py
echo 'print("the GIL")' >snippets/gil.py
echo 'import sys; print(sys.argv[1:])' >snippets/count.py
write_deck() {  # RUNS_OF_GIL ARG_OF_COUNT
  cat >deck/01-verbose.md <<SLIDE
# Three snippets

\`\`\`run
file: gil.py
runs: $1
warmup: 0
\`\`\`
\`\`\`run
file: fetch.py
runs: 1
warmup: 0
\`\`\`
\`\`\`run
file: count.py
args: ["$2"]
runs: 1
warmup: 0
\`\`\`
SLIDE
}
write_deck 1 one
"$DECKGEN" build deck -o out/deck.html >first.log 2>&1 || { cat first.log; exit 1; }
write_deck 2 two
echo 'print("the GIL, again")' >snippets/gil.py
echo 'VALUE = 2' >snippets/net/helpers.py
"$DECKGEN" build deck -o out/deck.html -v 2>&1
