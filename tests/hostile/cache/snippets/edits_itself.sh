# Rewrites its own source while it runs, once (the first time $MARK is missing): the
# runs after the edit run another program (its output is three y) than the one the build computed
# the key of.
echo original
if [ ! -e "$MARK" ]; then
  touch "$MARK"
  printf 'echo zzz | tr z y\n' >"$SELF"
fi
