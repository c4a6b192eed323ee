#!/usr/bin/env bash
# No input crashes deckgen: each of these must end in exit 0 or 2, never a signal.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/deck"
py=/usr/bin/python3
cases=(
  ""                                                    # empty file
  "import os,sys; sys.stdout.buffer.write(os.urandom(200000))"          # binary garbage
  "print('x' * 5_000_000)"                              # a very long line
  "print('>' * 200_000 + ' deep quote')"
  "print(''.join('  ' * i + '- item\n' for i in range(5000)))"
  "print('- ' * 100_000 + 'x')"
  "print('*' * 100_000 + 'x' + '*' * 100_000)"
  "print('[' * 50_000 + 'x' + ']' * 50_000)"
  "print('---\n' * 10_000)"
  "print('\`\`\`\n' * 5001)"
  "print('| a |' * 3000 + '\n' + '|---|' * 3000 + '\n' + '| x |' * 3000)"
  "print('---\ntitle: &a [*a, *a]\n---\n')"
  "print('---\n' + 'k: ' + '[' * 10000 + '\n---\n')"
)
i=0
for gen in "${cases[@]}"; do
  i=$((i + 1))
  if [[ -z $gen ]]; then : >"$WORK/deck/01.md"; else "$py" -c "$gen" >"$WORK/deck/01.md"; fi
  timeout 60 "$DECKGEN" build -q "$WORK/deck" -o "$WORK/out.html" 2>"$WORK/stderr"
  code=$?
  [[ $code == 0 || $code == 2 ]] || fail "case $i ended with $code: $(head -c 300 "$WORK/stderr")"
done
finish
