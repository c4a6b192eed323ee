# A process in a new session that uses 0.4 s of CPU and is never waited for: its CPU
# is the snippet's all the same.
setsid /usr/bin/python3 -c '
import os, time
with open(os.environ["PIDS"] + "/burner", "a") as f: f.write(f"{os.getpid()}\n")
while time.process_time() < 0.4: pass
open(os.environ["PIDS"] + "/burnt", "w").close()
time.sleep(1000)' </dev/null >/dev/null 2>&1 &
while [ ! -e "$PIDS/burnt" ]; do sleep 0.01; done
rm -f "$PIDS/burnt"
