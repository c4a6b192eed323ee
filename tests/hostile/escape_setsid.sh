# A process in a new session (and so a new process group), started in the background.
setsid sh -c 'echo $$ >>"$PIDS/setsid"; exec sleep 1000' </dev/null >/dev/null 2>&1 &
while [ ! -s "$PIDS/setsid" ]; do sleep 0.01; done
echo "started one in a new session"
