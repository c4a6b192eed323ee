# A double fork: the middle process exits at once, so the grandchild is orphaned while
# the snippet still runs; it also leaves the process group.
( ( setsid sh -c 'echo $$ >>"$PIDS/double_fork"; exec sleep 1000' </dev/null >/dev/null 2>&1 & ) & )
while [ ! -s "$PIDS/double_fork" ]; do sleep 0.01; done
echo "double-forked"
