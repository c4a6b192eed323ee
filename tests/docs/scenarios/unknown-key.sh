# docs/using.md, "Errors and messages": the error a mistyped front matter key gets.
mkdir deck
printf -- '---\nauthor: A. Speaker\ntitel: Concurrency from the ground up\n---\n\n# First slide\n' >deck/01-intro.md
"$DECKGEN" build deck 2>&1
code=$?
[[ $code == 2 ]] || { echo "exit $code, wanted 2 (an input error)"; exit 1; }
exit 0
